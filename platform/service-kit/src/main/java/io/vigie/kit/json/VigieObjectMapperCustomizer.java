package io.vigie.kit.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.vigie.events.EventJson;
import jakarta.inject.Singleton;

/**
 * REST bodies speak the same JSON as events, and refuse unknown fields so a misspelt property is a
 * 400 naming it rather than a silently ignored setting.
 */
@Singleton
public class VigieObjectMapperCustomizer implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    EventJson.configure(mapper)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }
}
