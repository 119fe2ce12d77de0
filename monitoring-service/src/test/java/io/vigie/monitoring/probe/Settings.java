package io.vigie.monitoring.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link ProbeSettings} written as a request would carry them: the fields given, others null. */
final class Settings {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Settings() {}

  /**
   * Settings from field names and values in turn, e.g. {@code of("host", "db1", "port", 5432)}; an
   * unknown field name fails.
   */
  static ProbeSettings of(Object... fieldsAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return JSON.convertValue(fields, ProbeSettings.class);
  }
}
