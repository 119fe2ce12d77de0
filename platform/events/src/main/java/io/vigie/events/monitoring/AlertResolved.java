package io.vigie.events.monitoring;

import io.vigie.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** The problem behind an alert is gone. */
public record AlertResolved(
    String fingerprint, UUID serverId, String target, Instant startedAt, Instant resolvedAt)
    implements DomainEvent {

  @Override
  public String eventType() {
    return MonitoringEvents.ALERT_RESOLVED;
  }

  @Override
  public String topic() {
    return MonitoringEvents.TOPIC;
  }

  @Override
  public String aggregateId() {
    return fingerprint;
  }

  @Override
  public String tenant() {
    return null;
  }
}
