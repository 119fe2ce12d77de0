package io.vigie.events.dns;

import io.vigie.events.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client's zone now exists in Vigie.
 *
 * @param zone the absolute zone name with its trailing dot ({@code saint-roch-demo.fr.})
 * @param providers the authoritative servers the zone is bound to
 */
public record ZoneCreated(
    UUID zoneId,
    String tenant,
    String zone,
    long serial,
    List<String> providers,
    String actor,
    Instant createdAt)
    implements DomainEvent {

  @Override
  public String eventType() {
    return DnsEvents.ZONE_CREATED;
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
