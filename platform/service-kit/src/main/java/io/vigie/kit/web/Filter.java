package io.vigie.kit.web;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a Panache/HQL condition from optional list filters: {@code and(...)} skips a filter whose
 * value is null, so resources pass query parameters straight through.
 */
public final class Filter {

  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> parameters = new HashMap<>();

  public static Filter where() {
    return new Filter();
  }

  /** A condition that always applies. */
  public Filter and(String condition) {
    conditions.add("(" + condition + ")");
    return this;
  }

  /** A condition with one named parameter, skipped when {@code value} is null. */
  public Filter and(String condition, String name, Object value) {
    if (value != null) {
      conditions.add("(" + condition + ")");
      parameters.put(name, value);
    }
    return this;
  }

  public String query() {
    return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
  }

  public Parameters parameters() {
    Parameters out = new Parameters();
    parameters.forEach(out::and);
    return out;
  }

  public Map<String, Object> parameterMap() {
    return Map.copyOf(parameters);
  }
}
