package io.vigie.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vigie.events.DomainEvent;
import io.vigie.events.EventJson;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.tracing.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the caller's current reactive transaction. It reaches Kafka only if that
 * transaction commits, and then surely: the relay publishes it after commit, retrying until the
 * broker acknowledges.
 */
@ApplicationScoped
public class Outbox {

  private static final ObjectMapper JSON = EventJson.newMapper();

  private final String source;

  public Outbox(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
    this.source = "/vigie/" + applicationName;
  }

  /** Must run inside a transaction ({@code @WithTransaction}); the row joins it. */
  public Uni<Void> record(DomainEvent event, String actor) {
    OutboxEvent row = new OutboxEvent();
    row.id = Uuids.timeOrdered();
    row.topic = event.topic();
    row.eventType = event.eventType();
    row.source = source;
    row.aggregateId = event.aggregateId();
    row.tenant = event.tenant();
    row.actor = actor;
    row.payload = toJson(event);
    row.occurredAt = Instant.now();
    row.traceparent = TraceParent.current().orElse(null);
    return row.persist().replaceWithVoid();
  }

  static String toJson(DomainEvent event) {
    try {
      return JSON.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Event " + event.eventType() + " cannot be serialised", e);
    }
  }
}
