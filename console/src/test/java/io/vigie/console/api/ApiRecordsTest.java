package io.vigie.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The console's view records are written by hand (a few fields of each answer), and kept honest by
 * this test: each names the schema it reads in the services' committed OpenAPI documents ({@code
 * docs/api}, {@link ApiSchema}), and every component must be a property of that schema, of a
 * compatible type, a nested record reading the schema the property refers to. A field renamed or
 * retyped in a service's API fails here, not on a page in production.
 */
class ApiRecordsTest {

  private static final Path DOCS = Path.of("../docs/api");

  /**
   * Where a service's document, not the record, is wrong: known, reported, and allowed by name only
   * (a new disagreement still fails).
   */
  private static final Map<String, String> DOCUMENT_DEFECTS = Map.of();

  private static final Map<String, JsonNode> SCHEMAS = new HashMap<>();

  @Test
  void everyViewRecordReadsItsSchemaInTheServicesOpenApiDocuments() throws Exception {
    List<Class<?>> records = records();
    assertThat(records).hasSizeGreaterThan(40);

    List<String> disagreements = new ArrayList<>();
    for (Class<?> record : records) {
      ApiSchema api = record.getAnnotation(ApiSchema.class);
      if (api == null) {
        disagreements.add(record.getSimpleName() + ": no @ApiSchema naming the schema it reads");
        continue;
      }
      JsonNode schema = schemas(api.service()).path(api.schema());
      if (schema.isMissingNode()) {
        disagreements.add(
            record.getSimpleName() + ": " + api.service() + " has no schema " + api.schema());
        continue;
      }
      JsonNode properties = properties(api.service(), schema);
      for (RecordComponent component : record.getRecordComponents()) {
        String where = record.getSimpleName() + "." + component.getName();
        JsonNode property = properties.path(component.getName());
        if (property.isMissingNode()) {
          disagreements.add(
              where + ": " + api.service() + "'s " + api.schema() + " has no such property");
          continue;
        }
        String why = disagreement(api.service(), component.getGenericType(), property);
        if (why != null && !DOCUMENT_DEFECTS.containsKey(where)) {
          disagreements.add(where + ": " + why);
        }
      }
    }

    assertThat(disagreements).as("view records that disagree with docs/api").isEmpty();
  }

  @Test
  void aRenamedOrRetypedPropertyIsCaught() throws Exception {
    JsonNode ticket = schemas("ticket-service").path("TicketView");
    JsonNode properties = properties("ticket-service", ticket);
    assertThat(properties.has("reference")).isTrue();
    assertThat(properties.has("ref")).isFalse();
    assertThat(disagreement("ticket-service", Integer.class, properties.path("reference")))
        .contains("string");
    assertThat(disagreement("ticket-service", String.class, properties.path("reference"))).isNull();
    assertThat(
            disagreement("ticket-service", ClockView.class, properties.path("interventionClock")))
        .isNull();
    assertThat(
            disagreement(
                "ticket-service", ServiceMonth.class, properties.path("interventionClock")))
        .contains("ClockView");
  }

  /** Why a Java type cannot hold a property's values, or null when it can. */
  static String disagreement(String service, Type type, JsonNode property) throws IOException {
    String reference = reference(property);
    JsonNode schema = resolve(service, property);
    if (type instanceof TypeVariable<?>) {
      return null;
    }
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      if (Collection.class.isAssignableFrom(raw)) {
        if (!"array".equals(schema.path("type").asText())) {
          return "a list, but the API says " + describe(schema);
        }
        return disagreement(
            service, parameterized.getActualTypeArguments()[0], schema.path("items"));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return "object".equals(schema.path("type").asText()) || !schema.has("type")
            ? null
            : "a map, but the API says " + describe(schema);
      }
      return null;
    }
    Class<?> java = (Class<?>) type;
    String kind = schema.path("type").asText("");
    if (java.isRecord()) {
      ApiSchema nested = java.getAnnotation(ApiSchema.class);
      if (reference != null
          && nested != null
          && nested.service().equals(service)
          && !nested.schema().equals(reference)) {
        return java.getSimpleName() + " reads " + nested.schema() + ", the API says " + reference;
      }
      return kind.isEmpty() || "object".equals(kind) ? null : "a record, but the API says " + kind;
    }
    if (kind.isEmpty()) {
      return null; // free-form: anything goes
    }
    String expected = expected(java);
    if (expected == null) {
      return null;
    }
    boolean fits = expected.equals(kind) || ("number".equals(expected) && "integer".equals(kind));
    return fits ? null : java.getSimpleName() + " (" + expected + "), but the API says " + kind;
  }

  private static String expected(Class<?> java) {
    if (java == String.class
        || java == UUID.class
        || java == Instant.class
        || java == Duration.class
        || java == LocalDate.class
        || java.isEnum()) {
      return "string";
    }
    if (java == Integer.class || java == int.class || java == Long.class || java == long.class) {
      return "integer";
    }
    if (java == Double.class || java == double.class || java == BigDecimal.class) {
      return "number";
    }
    if (java == Boolean.class || java == boolean.class) {
      return "boolean";
    }
    return null;
  }

  private static String describe(JsonNode schema) {
    return schema.path("type").asText("no type");
  }

  /** The name a property refers to ({@code $ref}, also inside a one-element allOf). */
  private static String reference(JsonNode property) {
    if (property.has("$ref")) {
      String ref = property.path("$ref").asText();
      return ref.substring(ref.lastIndexOf('/') + 1);
    }
    if (property.path("allOf").size() == 1) {
      return reference(property.path("allOf").get(0));
    }
    return null;
  }

  private static JsonNode resolve(String service, JsonNode property) throws IOException {
    String name = reference(property);
    return name == null ? property : schemas(service).path(name);
  }

  private static JsonNode properties(String service, JsonNode schema) throws IOException {
    if (schema.has("properties")) {
      return schema.path("properties");
    }
    for (JsonNode part : schema.path("allOf")) {
      JsonNode resolved = resolve(service, part);
      if (resolved.has("properties")) {
        return resolved.path("properties");
      }
    }
    return schema.path("properties");
  }

  private static JsonNode schemas(String service) throws IOException {
    JsonNode cached = SCHEMAS.get(service);
    if (cached == null) {
      Path document = DOCS.resolve(service + ".yaml");
      try (var reader = Files.newBufferedReader(document)) {
        Object yaml = new Yaml().load(reader);
        cached = new ObjectMapper().valueToTree(yaml).path("components").path("schemas");
      }
      SCHEMAS.put(service, cached);
    }
    return cached;
  }

  private static List<Class<?>> records() throws Exception {
    Path root =
        Path.of(ApiSchema.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(root.resolve("io/vigie/console/api"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = "io.vigie.console.api." + file.getFileName().toString().replace(".class", "");
        Class<?> type = Class.forName(name, false, ApiRecordsTest.class.getClassLoader());
        if (type.isRecord()) {
          records.add(type);
        }
      }
    }
    return records;
  }
}
