package io.vigie.kit.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.events.EventJson;
import jakarta.persistence.AttributeConverter;

/**
 * Stores a collection as JSON text. Hibernate Reactive's jsonb binding only takes JSON objects, so
 * top-level arrays (roles, IP lists) are kept as text; {@code like '%"WEB"%'} still filters them.
 * Subclass once per element type.
 */
public abstract class JsonTextConverter<T> implements AttributeConverter<T, String> {

  private static final ObjectMapper JSON = EventJson.newMapper();
  private final TypeReference<T> type;

  protected JsonTextConverter(TypeReference<T> type) {
    this.type = type;
  }

  @Override
  public String convertToDatabaseColumn(T value) {
    try {
      return value == null ? null : JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot store value as JSON", e);
    }
  }

  @Override
  public T convertToEntityAttribute(String json) {
    try {
      return json == null ? null : JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored JSON does not match " + type.getType(), e);
    }
  }
}
