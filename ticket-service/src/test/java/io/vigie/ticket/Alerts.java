package io.vigie.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vigie.events.DomainEvent;
import io.vigie.events.monitoring.AlertFired;
import io.vigie.events.monitoring.AlertResolved;
import io.vigie.events.monitoring.MonitoringEvents;
import io.vigie.testkit.KafkaEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Alerts published on the real broker exactly as monitoring-service's outbox relay publishes them:
 * a binary-mode CloudEvent on {@code monitoring.events}, keyed by the fingerprint, the record's
 * JSON as the value.
 */
public final class Alerts {

  private Alerts() {}

  public static AlertFired fired(
      String fingerprint,
      Instant startedAt,
      UUID serverId,
      String target,
      List<String> tenants,
      List<UUID> hostedServiceIds) {
    return new AlertFired(
        fingerprint,
        "critical",
        "check_http CRITICAL on " + target,
        startedAt,
        target,
        serverId,
        tenants,
        hostedServiceIds,
        false);
  }

  /** The same alert raised by rule {@code rule}, which names {@code runbook}. */
  public static AlertFired byRule(AlertFired alert, String rule, String runbook) {
    return new AlertFired(
        alert.fingerprint(),
        alert.severity(),
        alert.summary(),
        alert.startedAt(),
        alert.target(),
        alert.serverId(),
        alert.tenants(),
        alert.hostedServiceIds(),
        alert.hostDown(),
        rule,
        runbook);
  }

  public static AlertResolved resolved(AlertFired fired, Instant resolvedAt) {
    return new AlertResolved(
        fired.fingerprint(), fired.serverId(), fired.target(), fired.startedAt(), resolvedAt);
  }

  /** Publishes with a new event id; returns it. */
  public static String publish(DomainEvent event) {
    String id = UUID.randomUUID().toString();
    publish(event, id);
    return id;
  }

  /** Publishes with the event id given: the same id is a redelivery. */
  public static void publish(DomainEvent event, String eventId) {
    try {
      KafkaEvents.publish(
          MonitoringEvents.TOPIC,
          event.aggregateId(),
          eventId,
          event.eventType(),
          InventoryFeed.JSON.writeValueAsString(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
