package io.vigie.monitoring.alerting;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vigie.kit.json.JsonTextConverter;
import jakarta.persistence.Converter;
import java.util.TreeMap;

/** Labels and annotations stored as a JSON object, sorted by name. */
@Converter
public class LabelsColumn extends JsonTextConverter<TreeMap<String, String>> {
  public LabelsColumn() {
    super(new TypeReference<>() {});
  }
}
