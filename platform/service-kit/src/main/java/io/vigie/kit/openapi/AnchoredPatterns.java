package io.vigie.kit.openapi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Makes every {@code pattern} in a document mean what the service checks. Bean Validation's
 * {@code @Pattern} (and SmallRye's pattern for a UUID) must match the whole value, while an OpenAPI
 * {@code pattern} is an ECMA-262 regular expression that matches anywhere in it: {@code
 * firing|resolved} as a document says it would accept {@code "misfiring"}, which the service
 * refuses, and a client validating with it (generated clients do) learns of its mistake only from
 * the 400. So each pattern not already anchored becomes {@code ^(?:pattern)$}. One pattern keeps
 * its meaning: {@code \S}, which SmallRye writes for {@code @NotBlank} ("contains a non-blank
 * character") and which is meant to match anywhere.
 */
final class AnchoredPatterns {

  /** What SmallRye writes for {@code @NotBlank}: a search, not a whole-value match. */
  static final String NOT_BLANK = "\\S";

  private AnchoredPatterns() {}

  static void apply(OpenAPI doc) {
    Set<Schema> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Consumer<Schema> anchor = schema -> walk(schema, seen);
    if (doc.getComponents() != null && doc.getComponents().getSchemas() != null) {
      doc.getComponents().getSchemas().values().forEach(anchor);
    }
    if (doc.getComponents() != null && doc.getComponents().getParameters() != null) {
      doc.getComponents().getParameters().values().forEach(p -> parameter(p, anchor));
    }
    if (doc.getPaths() == null || doc.getPaths().getPathItems() == null) {
      return;
    }
    doc.getPaths()
        .getPathItems()
        .values()
        .forEach(
            item -> {
              if (item.getParameters() != null) {
                item.getParameters().forEach(p -> parameter(p, anchor));
              }
              item.getOperations().values().forEach(op -> operation(op, anchor));
            });
  }

  /** The pattern a document should carry for a whole-value {@code regexp}. */
  static String anchored(String pattern) {
    if (pattern == null || pattern.equals(NOT_BLANK) || isAnchored(pattern)) {
      return pattern;
    }
    return "^(?:" + pattern + ")$";
  }

  static boolean isAnchored(String pattern) {
    return pattern.startsWith("^")
        && pattern.endsWith("$")
        && (pattern.length() < 2 || pattern.charAt(pattern.length() - 2) != '\\');
  }

  private static void operation(Operation op, Consumer<Schema> anchor) {
    if (op.getParameters() != null) {
      op.getParameters().forEach(p -> parameter(p, anchor));
    }
    if (op.getRequestBody() != null) {
      content(op.getRequestBody().getContent(), anchor);
    }
    if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
      op.getResponses().getAPIResponses().values().forEach(r -> content(r.getContent(), anchor));
    }
  }

  private static void parameter(Parameter parameter, Consumer<Schema> anchor) {
    if (parameter.getSchema() != null) {
      anchor.accept(parameter.getSchema());
    }
    content(parameter.getContent(), anchor);
  }

  private static void content(Content content, Consumer<Schema> anchor) {
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    for (MediaType media : content.getMediaTypes().values()) {
      if (media.getSchema() != null) {
        anchor.accept(media.getSchema());
      }
    }
  }

  private static void walk(Schema schema, Set<Schema> seen) {
    if (schema == null || !seen.add(schema)) {
      return;
    }
    schema.setPattern(anchored(schema.getPattern()));
    List<Schema> nested = new ArrayList<>();
    addAll(nested, schema.getProperties());
    nested.add(schema.getItems());
    nested.add(schema.getAdditionalPropertiesSchema());
    nested.add(schema.getNot());
    addAll(nested, schema.getAllOf());
    addAll(nested, schema.getAnyOf());
    addAll(nested, schema.getOneOf());
    nested.forEach(child -> walk(child, seen));
  }

  private static void addAll(List<Schema> into, Map<String, Schema> schemas) {
    if (schemas != null) {
      into.addAll(schemas.values());
    }
  }

  private static void addAll(List<Schema> into, Collection<Schema> schemas) {
    if (schemas != null) {
      into.addAll(schemas);
    }
  }
}
