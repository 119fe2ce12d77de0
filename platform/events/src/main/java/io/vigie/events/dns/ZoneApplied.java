package io.vigie.events.dns;

import io.vigie.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A provider (authoritative server) now serves the zone as Vigie holds it, at {@code serial}.
 *
 * @param added RRsets the apply created on that provider
 * @param changed RRsets it replaced
 * @param removed RRsets it deleted
 */
public record ZoneApplied(
    UUID zoneId,
    String tenant,
    String zone,
    String provider,
    long serial,
    int added,
    int changed,
    int removed,
    Instant appliedAt)
    implements DomainEvent {

  @Override
  public String eventType() {
    return DnsEvents.ZONE_APPLIED;
  }

  @Override
  public String topic() {
    return DnsEvents.TOPIC;
  }

  @Override
  public String aggregateId() {
    return zoneId.toString();
  }
}
