package io.vigie.kit.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vigie.events.DomainEvent;
import io.vigie.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A CloudEvent read from Kafka in binary mode. Unknown fields in the data are ignored, so a
 * producer may add fields without breaking its consumers.
 */
public record IncomingEvent(String id, String type, String source, String subject, String data) {

  private static final ObjectMapper JSON = EventJson.newMapper();

  /** Reads the {@code ce_*} headers; a message without an id or type is a poison message. */
  public static IncomingEvent from(Message<String> message) {
    Headers headers =
        message
            .getMetadata(IncomingKafkaRecordMetadata.class)
            .map(IncomingKafkaRecordMetadata::getHeaders)
            .orElseThrow(() -> new PoisonMessageException("not a Kafka record"));
    String id =
        header(headers, "ce_id").orElseThrow(() -> new PoisonMessageException("no ce_id header"));
    String type =
        header(headers, "ce_type")
            .orElseThrow(() -> new PoisonMessageException("no ce_type header"));
    if (message.getPayload() == null) {
      throw new PoisonMessageException("event " + id + " has no data");
    }
    return new IncomingEvent(
        id,
        type,
        header(headers, "ce_source").orElse(null),
        header(headers, "ce_subject").orElse(null),
        message.getPayload());
  }

  public <T extends DomainEvent> T data(Class<T> type) {
    try {
      return JSON.readValue(data, type);
    } catch (Exception e) {
      throw new PoisonMessageException(
          "event " + id + " data is not a valid " + type.getSimpleName());
    }
  }

  private static Optional<String> header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? Optional.empty()
        : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
  }
}
