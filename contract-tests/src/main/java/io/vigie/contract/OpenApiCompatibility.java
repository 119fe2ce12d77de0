package io.vigie.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a new OpenAPI document breaks for clients built on the previous one. Each finding is one
 * line such as {@code removed operation GET /api/v1/servers/{id}} or {@code removed field
 * ServerSnapshot.hostname}; a change is acknowledged by writing that exact line in the service's
 * {@code docs/api/<service>.breaking-changes.md}.
 *
 * <p>Breaking: a removed operation; a removed field, schema or enum value; a field whose type
 * changed; a field that became required; a new required parameter (or one that became required); a
 * success status an operation no longer answers. Additions are not breaking.
 */
public final class OpenApiCompatibility {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  private OpenApiCompatibility() {}

  public static List<String> breakingChanges(JsonNode previous, JsonNode current) {
    Set<String> findings = new TreeSet<>();
    operations(previous, current, findings);
    schemas(previous, current, findings);
    return List.copyOf(findings);
  }

  /** The findings not acknowledged, line for line, in {@code acknowledged}. */
  public static List<String> unacknowledged(List<String> findings, String acknowledged) {
    Set<String> lines = new TreeSet<>();
    for (String line : acknowledged.split("\n")) {
      String text = line.strip();
      while (text.startsWith("-") || text.startsWith("*")) {
        text = text.substring(1).strip();
      }
      lines.add(text.replace("`", ""));
    }
    return findings.stream().filter(f -> !lines.contains(f)).toList();
  }

  private static void operations(JsonNode previous, JsonNode current, Set<String> findings) {
    JsonNode oldPaths = previous.path("paths");
    JsonNode newPaths = current.path("paths");
    for (Iterator<Map.Entry<String, JsonNode>> it = oldPaths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        String name = op.getKey().toUpperCase() + " " + path.getKey();
        JsonNode now = newPaths.path(path.getKey()).path(op.getKey());
        if (now.isMissingNode()) {
          findings.add("removed operation " + name);
          continue;
        }
        parameters(name, op.getValue(), now, findings);
        if (!op.getValue().path("requestBody").path("required").asBoolean(false)
            && now.path("requestBody").path("required").asBoolean(false)) {
          findings.add("request body became required in " + name);
        }
        for (Iterator<String> codes = op.getValue().path("responses").fieldNames();
            codes.hasNext(); ) {
          String code = codes.next();
          if (code.startsWith("2") && now.path("responses").path(code).isMissingNode()) {
            findings.add("removed response " + code + " of " + name);
          }
        }
      }
    }
  }

  private static void parameters(String name, JsonNode before, JsonNode now, Set<String> findings) {
    for (JsonNode parameter : now.path("parameters")) {
      if (!parameter.path("required").asBoolean(false)) {
        continue;
      }
      String key = parameter.path("in").asText() + " parameter " + parameter.path("name").asText();
      boolean requiredBefore = false;
      for (JsonNode old : before.path("parameters")) {
        if (old.path("name").asText().equals(parameter.path("name").asText())
            && old.path("in").asText().equals(parameter.path("in").asText())) {
          requiredBefore = old.path("required").asBoolean(false);
        }
      }
      if (!requiredBefore && !parameter.path("in").asText().equals("path")) {
        findings.add("new required " + key + " in " + name);
      }
    }
  }

  private static void schemas(JsonNode previous, JsonNode current, Set<String> findings) {
    JsonNode oldSchemas = previous.path("components").path("schemas");
    JsonNode newSchemas = current.path("components").path("schemas");
    for (Iterator<Map.Entry<String, JsonNode>> it = oldSchemas.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> schema = it.next();
      JsonNode now = newSchemas.path(schema.getKey());
      if (now.isMissingNode()) {
        findings.add("removed schema " + schema.getKey());
        continue;
      }
      JsonNode before = schema.getValue();
      for (Iterator<Map.Entry<String, JsonNode>> props = before.path("properties").fields();
          props.hasNext(); ) {
        Map.Entry<String, JsonNode> property = props.next();
        String field = schema.getKey() + "." + property.getKey();
        JsonNode nowProperty = now.path("properties").path(property.getKey());
        if (nowProperty.isMissingNode()) {
          findings.add("removed field " + field);
        } else if (!type(property.getValue()).equals(type(nowProperty))) {
          findings.add(
              "changed type of field "
                  + field
                  + " from "
                  + type(property.getValue())
                  + " to "
                  + type(nowProperty));
        }
      }
      Set<String> required = strings(before.path("required"));
      for (String field : strings(now.path("required"))) {
        if (!required.contains(field)) {
          findings.add("field became required " + schema.getKey() + "." + field);
        }
      }
      Set<String> values = strings(now.path("enum"));
      for (String value : strings(before.path("enum"))) {
        if (!values.contains(value)) {
          findings.add("removed enum value " + schema.getKey() + "." + value);
        }
      }
    }
  }

  /** A property's type as a client sees it: its $ref, or its type and the type of its items. */
  private static String type(JsonNode property) {
    if (property.has("$ref")) {
      return property.path("$ref").asText().replace("#/components/schemas/", "");
    }
    List<String> parts = new ArrayList<>();
    JsonNode type = property.path("type");
    if (type.isArray()) {
      type.forEach(t -> parts.add(t.asText()));
    } else if (!type.isMissingNode()) {
      parts.add(type.asText());
    }
    if (property.has("items")) {
      parts.add("of " + type(property.path("items")));
    }
    return parts.isEmpty() ? "any" : String.join(" ", parts);
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
