package io.vigie.events.dns;

import io.vigie.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * One RRset of a zone changed in Vigie (what the providers are then brought to).
 *
 * @param name the absolute owner name
 * @param before null when the RRset was added
 * @param after null when the RRset was removed
 * @param serial the zone's SOA serial after the change
 * @param reason why, as the person who changed it said
 */
public record RecordSetChanged(
    UUID zoneId,
    String tenant,
    String zone,
    String name,
    String type,
    RecordSetData before,
    RecordSetData after,
    long serial,
    String actor,
    String reason,
    Instant changedAt)
    implements DomainEvent {

  @Override
  public String eventType() {
    return DnsEvents.RECORD_SET_CHANGED;
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
