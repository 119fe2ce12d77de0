package io.vigie.monitoring.targets;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vigie.events.inventory.NetworkLink;
import io.vigie.kit.json.JsonTextConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** A server's network links stored as a JSON array. */
@Converter
public class NetworkLinksColumn extends JsonTextConverter<List<NetworkLink>> {
  public NetworkLinksColumn() {
    super(new TypeReference<>() {});
  }
}
