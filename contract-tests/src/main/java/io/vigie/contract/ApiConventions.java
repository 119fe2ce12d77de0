package io.vigie.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conventions every Vigie service's document keeps, beyond what the kit's OpenAPI filter adds
 * by itself: what a generated client and an integrator need from each operation.
 */
public final class ApiConventions {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  static final String PROBLEM = "application/problem+json";

  private ApiConventions() {}

  public static List<String> violations(JsonNode doc) {
    List<String> out = new ArrayList<>();
    if (doc.path("info").path("license").path("name").asText().isEmpty()) {
      out.add("info.license is missing");
    }
    if (doc.path("info").path("contact").isMissingNode()) {
      out.add("info.contact is missing");
    }
    if (doc.path("servers").isEmpty()) {
      out.add("servers is missing");
    }
    JsonNode flows = doc.path("components").path("securitySchemes").path("keycloak").path("flows");
    if (flows.path("clientCredentials").path("tokenUrl").asText().isEmpty()
        || flows.path("authorizationCode").path("authorizationUrl").asText().isEmpty()) {
      out.add(
          "the keycloak security scheme lacks its client credentials or authorization code flow");
    }
    doc.path("components")
        .path("schemas")
        .fieldNames()
        .forEachRemaining(
            schema -> {
              if (Character.isDigit(schema.charAt(schema.length() - 1))) {
                out.add(
                    "schema "
                        + schema
                        + ": a name ending in a digit is SmallRye numbering two types of one"
                        + " simple name; give one an explicit @Schema(name = ...)");
              }
            });
    patterns(doc, "", out);
    Set<String> describedTags = new HashSet<>();
    for (JsonNode tag : doc.path("tags")) {
      if (!tag.path("description").asText().isBlank()) {
        describedTags.add(tag.path("name").asText());
      }
    }
    Set<String> operationIds = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = ops.next();
        if (!METHODS.contains(entry.getKey())) {
          continue;
        }
        String name = entry.getKey().toUpperCase() + " " + path.getKey();
        operation(doc, name, entry.getValue(), describedTags, operationIds, out);
      }
    }
    return out;
  }

  private static void operation(
      JsonNode doc,
      String name,
      JsonNode op,
      Set<String> describedTags,
      Set<String> operationIds,
      List<String> out) {
    String id = op.path("operationId").asText();
    if (id.isEmpty()) {
      out.add(name + ": no operationId (name it with a domain verb, e.g. listServers)");
    } else if (!operationIds.add(id)) {
      out.add(name + ": operationId " + id + " is used twice");
    }
    if (op.path("summary").asText().isBlank()) {
      out.add(name + ": no summary");
    }
    if (op.path("tags").isEmpty()) {
      out.add(name + ": no tag");
    }
    op.path("tags")
        .forEach(
            tag -> {
              if (!describedTags.contains(tag.asText())) {
                out.add(name + ": tag '" + tag.asText() + "' has no description");
              }
            });
    // outside /api, machine protocols whose unguessable URL is the credential (backup-service's
    // Healthchecks-compatible /ping/{key}) carry no bearer token
    if (op.path("security").isEmpty() && name.contains(" /api/")) {
      out.add(name + ": no security requirement");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> response = it.next();
      String code = response.getKey();
      JsonNode answer = resolve(doc, response.getValue());
      if (code.startsWith("2") && !code.equals("204")) {
        JsonNode content = answer.path("content");
        if (content.isEmpty()) {
          out.add(name + ": " + code + " does not name its body");
        }
        content
            .fields()
            .forEachRemaining(
                media -> {
                  if (media.getValue().path("schema").isMissingNode()) {
                    out.add(name + ": " + code + " " + media.getKey() + " has no schema");
                  }
                });
      }
      if ((code.startsWith("4") || code.startsWith("5"))
          && !answer
              .path("content")
              .path(PROBLEM)
              .path("schema")
              .path("$ref")
              .asText()
              .endsWith("/Problem")) {
        out.add(name + ": " + code + " is not an " + PROBLEM + " Problem");
      }
    }
  }

  /**
   * Every {@code pattern} is anchored ({@code ^...$}), as the kit's filter writes them, so it
   * refuses what the service refuses; {@code \S} (SmallRye's {@code @NotBlank}) is meant to match
   * anywhere.
   */
  private static void patterns(JsonNode node, String where, List<String> out) {
    if (node.isObject()) {
      JsonNode pattern = node.get("pattern");
      if (pattern != null && pattern.isTextual()) {
        String value = pattern.asText();
        if (!value.equals("\\S") && !(value.startsWith("^") && value.endsWith("$"))) {
          out.add(where + ": pattern " + value + " is not anchored (^...$)");
        }
      }
      node.fields()
          .forEachRemaining(
              field -> {
                if (!field.getKey().equals("pattern") && !field.getKey().equals("example")) {
                  patterns(field.getValue(), where + "/" + field.getKey(), out);
                }
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        patterns(node.get(i), where + "/" + i, out);
      }
    }
  }

  private static JsonNode resolve(JsonNode doc, JsonNode response) {
    String ref = response.path("$ref").asText();
    if (ref.startsWith("#/components/responses/")) {
      return doc.path("components")
          .path("responses")
          .path(ref.substring("#/components/responses/".length()));
    }
    return response;
  }
}
