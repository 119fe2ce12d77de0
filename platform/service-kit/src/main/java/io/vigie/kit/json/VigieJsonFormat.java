package io.vigie.kit.json;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.vigie.events.EventJson;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/** JSON columns (jsonb) use the same ISO 8601 dialect as events and REST bodies. */
@JsonFormat
@PersistenceUnitExtension
public class VigieJsonFormat implements FormatMapper {

  private final FormatMapper delegate = new JacksonJsonFormatMapper(EventJson.newMapper());

  @Override
  public <T> T fromString(CharSequence json, JavaType<T> type, WrapperOptions options) {
    return delegate.fromString(json, type, options);
  }

  @Override
  public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
    return delegate.toString(value, type, options);
  }
}
