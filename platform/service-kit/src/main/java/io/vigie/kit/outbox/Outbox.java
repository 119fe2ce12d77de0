package io.vigie.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vigie.events.DomainEvent;
import io.vigie.events.EventJson;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.tracing.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
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

  /**
   * Records many events in the caller's current reactive transaction in ONE insert statement, in
   * the list's order (the relay publishes them in that order): for passes that publish thousands of
   * events, where a row persisted per event costs a statement and a managed entity each. Must run
   * inside a transaction, as {@link #record}.
   */
  public Uni<Void> recordAll(List<? extends DomainEvent> events, String actor) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    ArrayNode rows = JSON.createArrayNode();
    String occurredAt = Instant.now().toString();
    String traceparent = TraceParent.current().orElse(null);
    int n = 0;
    for (DomainEvent event : events) {
      ObjectNode row = rows.addObject();
      row.put("n", n++);
      row.put("id", Uuids.timeOrdered().toString());
      row.put("topic", event.topic());
      row.put("event_type", event.eventType());
      row.put("source", source);
      row.put("aggregate_id", event.aggregateId());
      row.put("tenant", event.tenant());
      row.put("actor", actor);
      row.put("payload", toJson(event));
      row.put("occurred_at", occurredAt);
      row.put("traceparent", traceparent);
    }
    String json = rows.toString();
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "insert into outbox_event (id, topic, event_type, source, aggregate_id,"
                            + " tenant, actor, payload, occurred_at, traceparent)"
                            + " select r.id, r.topic, r.event_type, r.source, r.aggregate_id,"
                            + " r.tenant, r.actor, r.payload, r.occurred_at, r.traceparent"
                            + " from json_to_recordset(cast(cast(:rows as text) as json)) as r(n integer,"
                            + " id uuid, topic text, event_type text, source text,"
                            + " aggregate_id text, tenant text, actor text, payload text,"
                            + " occurred_at timestamptz, traceparent text)"
                            + " order by r.n")
                    .setParameter("rows", json)
                    .executeUpdate())
        .invoke(
            inserted -> {
              if (inserted != events.size()) {
                throw new IllegalStateException(
                    "outbox: " + inserted + " rows inserted for " + events.size() + " events");
              }
            })
        .replaceWithVoid();
  }

  static String toJson(DomainEvent event) {
    try {
      return JSON.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Event " + event.eventType() + " cannot be serialised", e);
    }
  }
}
