package io.vigie.inventory;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vigie.events.inventory.Certification;
import io.vigie.events.inventory.NetworkLink;
import io.vigie.events.inventory.ServerRole;
import io.vigie.kit.json.JsonTextConverter;
import jakarta.persistence.Converter;
import java.util.List;
import java.util.TreeSet;

/** Converters for the inventory's collection columns, stored as JSON text. */
final class JsonColumns {

  private JsonColumns() {}

  @Converter
  static class Roles extends JsonTextConverter<TreeSet<ServerRole>> {
    Roles() {
      super(new TypeReference<>() {});
    }
  }

  @Converter
  static class Certifications extends JsonTextConverter<TreeSet<Certification>> {
    Certifications() {
      super(new TypeReference<>() {});
    }
  }

  @Converter
  static class Strings extends JsonTextConverter<List<String>> {
    Strings() {
      super(new TypeReference<>() {});
    }
  }

  @Converter
  static class Links extends JsonTextConverter<List<NetworkLink>> {
    Links() {
      super(new TypeReference<>() {});
    }
  }
}
