package io.vigie.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The operators' own CustomResourceDefinitions, vendored under {@code deploy/crds/<operator>-<
 * version>/} from their released YAML, and a JSON-schema validation of a rendered object against
 * the OpenAPI v3 schema of its apiVersion and kind.
 *
 * <p>The schemas are read as the API server does with strict field validation ({@code kubectl apply
 * --validate=strict}): an object's properties are closed (a field the schema does not name is an
 * error) unless the schema says {@code x-kubernetes-preserve-unknown-fields} or gives {@code
 * additionalProperties}; {@code apiVersion}, {@code kind} and {@code metadata} are always allowed
 * at the root. What this does not check: the CEL rules ({@code x-kubernetes-validations}) and
 * ObjectMeta's own rules, which only an API server evaluates.
 */
final class CrdSchemas {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V4,
          builder ->
              builder
                  .metaSchema(OpenApi30.getInstance())
                  .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private static Map<String, Definition> definitions;
  private static final Map<String, JsonSchema> COMPILED = new HashMap<>();

  private CrdSchemas() {}

  /** One served version of a vendored CRD: where it came from and its schema. */
  record Definition(String operator, String apiVersion, String kind, ObjectNode schema) {}

  static Path directory() {
    return Repository.root().resolve("deploy/crds");
  }

  /**
   * Every vendored kind, keyed by {@code apiVersion kind} (e.g. {@code kafka.strimzi.io/v1 Kafka}).
   */
  static synchronized Map<String, Definition> definitions() {
    if (definitions == null) {
      definitions = load();
    }
    return definitions;
  }

  /** The operators whose CRDs are vendored, as their directory names (operator-version). */
  static Set<String> operators() {
    Set<String> operators = new TreeSet<>();
    definitions().values().forEach(d -> operators.add(d.operator()));
    return operators;
  }

  static boolean covers(JsonNode object) {
    return definitions().containsKey(key(object));
  }

  /** The schema's complaints about the object, each naming the path; empty when it is valid. */
  static List<String> errors(JsonNode object) {
    Definition definition = definitions().get(key(object));
    if (definition == null) {
      return List.of("no vendored CRD defines " + key(object));
    }
    JsonSchema schema;
    synchronized (COMPILED) {
      schema =
          COMPILED.computeIfAbsent(
              key(object), k -> FACTORY.getSchema(definition.schema(), CONFIG));
    }
    List<String> errors = new ArrayList<>();
    for (ValidationMessage message : schema.validate(object)) {
      errors.add(message.getInstanceLocation() + ": " + message.getMessage());
    }
    return errors;
  }

  /** Throws an AssertionError naming the object, the CRD's operator and version, and each error. */
  static void validate(JsonNode object) {
    List<String> errors = errors(object);
    if (!errors.isEmpty()) {
      Definition definition = definitions().get(key(object));
      throw new AssertionError(
          key(object)
              + " "
              + object.path("metadata").path("name").asText()
              + (definition == null ? "" : " (CRD from deploy/crds/" + definition.operator() + ")")
              + " does not validate: "
              + String.join("; ", errors));
    }
  }

  static String key(JsonNode object) {
    return object.path("apiVersion").asText() + " " + object.path("kind").asText();
  }

  private static Map<String, Definition> load() {
    Map<String, Definition> loaded = new HashMap<>();
    try (Stream<Path> files = Files.walk(directory())) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .sorted()
              .toList()) {
        String operator = directory().relativize(file).getName(0).toString();
        for (JsonNode crd : readAll(file)) {
          if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
            continue;
          }
          String group = crd.path("spec").path("group").asText();
          String kind = crd.path("spec").path("names").path("kind").asText();
          for (JsonNode version : crd.path("spec").path("versions")) {
            JsonNode schema = version.path("schema").path("openAPIV3Schema");
            if (!version.path("served").asBoolean(true) || !schema.isObject()) {
              continue;
            }
            String apiVersion = group + "/" + version.path("name").asText();
            ObjectNode closed = close(schema.deepCopy(), true);
            ObjectNode properties =
                closed.get("properties") instanceof ObjectNode named
                    ? named
                    : closed.putObject("properties");
            properties.putIfAbsent(
                "apiVersion", JsonNodeFactory.instance.objectNode().put("type", "string"));
            properties.putIfAbsent(
                "kind", JsonNodeFactory.instance.objectNode().put("type", "string"));
            properties.putIfAbsent(
                "metadata", JsonNodeFactory.instance.objectNode().put("type", "object"));
            closed.put("additionalProperties", false);
            loaded.put(apiVersion + " " + kind, new Definition(operator, apiVersion, kind, closed));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (loaded.isEmpty()) {
      throw new IllegalStateException("no CRD under " + directory());
    }
    return loaded;
  }

  /**
   * Closes every object schema that names its properties (the API server prunes, and with strict
   * field validation refuses, an unknown field) and drops the Kubernetes extensions the validator
   * does not know, keeping their meaning: preserve-unknown-fields leaves the object open.
   */
  private static ObjectNode close(ObjectNode schema, boolean closeHere) {
    boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.startsWith("x-kubernetes-") || name.equals("description")) {
        names.remove();
      }
    }
    if (closeHere && schema.has("properties") && !schema.has("additionalProperties") && !preserve) {
      schema.put("additionalProperties", false);
    }
    if (schema.get("properties") instanceof ObjectNode properties) {
      properties.properties().forEach(p -> closeChild(p.getValue()));
    }
    closeChild(schema.get("items"));
    closeChild(schema.get("additionalProperties"));
    // a branch of a combinator constrains the same object: its fields are not the only ones
    for (String combinator : List.of("allOf", "anyOf", "oneOf", "not")) {
      JsonNode branches = schema.get(combinator);
      if (branches instanceof ArrayNode array) {
        array.forEach(branch -> closeBranch(branch));
      } else {
        closeBranch(branches);
      }
    }
    return schema;
  }

  private static void closeChild(JsonNode child) {
    if (child instanceof ObjectNode object) {
      close(object, true);
    }
  }

  private static void closeBranch(JsonNode branch) {
    if (branch instanceof ObjectNode object) {
      close(object, false);
    }
  }

  private static List<JsonNode> readAll(Path file) throws IOException {
    try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
      List<JsonNode> documents = new ArrayList<>();
      for (JsonNode node : YAML.readValues(parser, JsonNode.class).readAll()) {
        if (node != null && !node.isNull() && !node.isMissingNode()) {
          documents.add(node);
        }
      }
      return documents;
    }
  }
}
