package io.vigie.events.dns;

import io.vigie.events.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A provider serves the zone differently from what Vigie holds (changed behind its back). */
public record DriftFound(
    UUID zoneId,
    String tenant,
    String zone,
    String provider,
    List<Difference> differences,
    Instant foundAt)
    implements DomainEvent {

  /**
   * One RRset that differs.
   *
   * @param expected what Vigie holds, null when the provider has an RRset Vigie does not
   * @param actual what the provider serves, null when it lacks the RRset
   */
  public record Difference(
      String name, String type, RecordSetData expected, RecordSetData actual) {}

  @Override
  public String eventType() {
    return DnsEvents.DRIFT_FOUND;
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
