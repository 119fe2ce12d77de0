package io.vigie.events.dns;

import io.vigie.events.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client's zone was deleted in Vigie: its providers stop serving it ({@code ZoneApplied} per
 * provider follows with what each removed). Its audit trail is kept.
 *
 * @param recordSets how many record sets the zone held
 * @param providers the servers it is removed from
 */
public record ZoneDeleted(
    UUID zoneId,
    String tenant,
    String zone,
    long serial,
    int recordSets,
    List<String> providers,
    String actor,
    String reason,
    Instant deletedAt)
    implements DomainEvent {

  @Override
  public String eventType() {
    return DnsEvents.ZONE_DELETED;
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
