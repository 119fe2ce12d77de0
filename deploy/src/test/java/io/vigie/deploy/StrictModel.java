package io.vigie.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads a rendered object into fabric8's typed Kubernetes model and fails on what a lenient read
 * would let through: an unknown kind (read as a generic resource), and any field the model does not
 * know or whose value has the wrong type (fabric8 keeps both in {@code additionalProperties}).
 */
final class StrictModel {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private StrictModel() {}

  /** The typed object, or an AssertionError naming every field the model refused. */
  static KubernetesResource read(JsonNode object) {
    String what =
        object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
    KubernetesResource resource;
    try {
      resource = SERIALIZATION.unmarshal(object.toString());
    } catch (RuntimeException e) {
      throw new AssertionError(
          what + " does not read as its Kubernetes type: " + e.getMessage(), e);
    }
    if (resource instanceof GenericKubernetesResource) {
      throw new AssertionError(
          what + ": kind " + object.path("apiVersion").asText() + " is unknown to the model");
    }
    List<String> unknown = new ArrayList<>();
    walk(resource, object.path("kind").asText(), unknown);
    if (!unknown.isEmpty()) {
      throw new AssertionError(what + " has fields its type does not define: " + unknown);
    }
    return resource;
  }

  private static void walk(Object value, String path, List<String> unknown) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", unknown);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> walk(item, path + "." + key, unknown));
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object child;
      try {
        child = getter.invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
          extra.keySet().forEach(key -> unknown.add(path + "." + key));
        }
        continue;
      }
      String field = getter.getName().substring(3);
      walk(
          child, path + "." + Character.toLowerCase(field.charAt(0)) + field.substring(1), unknown);
    }
  }
}
