package io.vigie.events.inventory;

import java.time.Instant;
import java.util.UUID;

/**
 * A server moved in its lifecycle, e.g. ACTIVE to MAINTENANCE (monitoring silences it) or to
 * DECOMMISSIONED (monitoring stops watching it).
 */
public record ServerStatusChanged(
    UUID serverId,
    String hostname,
    ServerStatus from,
    ServerStatus to,
    String reason,
    String changedBy,
    Instant changedAt,
    long version)
    implements InventoryEvents.InventoryEvent {

  @Override
  public String eventType() {
    return InventoryEvents.SERVER_STATUS_CHANGED;
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
