package io.vigie.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vigie.events.DomainEvent;
import io.vigie.events.backup.BackupEvents;
import io.vigie.testkit.KafkaEvents;
import java.util.UUID;

/**
 * backup-service's events on the real broker exactly as its outbox relay publishes them: a
 * binary-mode CloudEvent on {@code backup.events}, keyed by the aggregate (the policy or the DRP
 * plan), the record's JSON as the value.
 */
public final class Backups {

  private Backups() {}

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
          BackupEvents.TOPIC,
          event.aggregateId(),
          eventId,
          event.eventType(),
          InventoryFeed.JSON.writeValueAsString(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
