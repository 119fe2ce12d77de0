package io.vigie.events.monitoring;

import io.vigie.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * One hour of measured usage on a physical server, which capacity reports set against what is
 * allocated.
 *
 * @param hourStart the hour the averages cover, truncated to the hour, UTC
 */
public record HostUsageRolledUp(
    UUID serverId, Instant hourStart, double cpuUsedPercent, double ramUsedGb, double diskUsedGb)
    implements DomainEvent {

  @Override
  public String eventType() {
    return MonitoringEvents.HOST_USAGE_ROLLED_UP;
  }

  @Override
  public String topic() {
    return MonitoringEvents.TOPIC;
  }

  @Override
  public String aggregateId() {
    return serverId.toString();
  }

  @Override
  public String tenant() {
    return null;
  }
}
