package io.vigie.events.backup;

import java.time.Instant;
import java.util.UUID;

/**
 * Every step of a DRP run is done: on failover the client runs on the recovery server ("switch-over
 * done"); on return, back in production.
 */
public record DrpCompleted(
    UUID planId,
    UUID runId,
    String tenant,
    DrpDirection direction,
    Instant activatedAt,
    Instant completedAt)
    implements BackupEvents.BackupEvent {

  @Override
  public String eventType() {
    return BackupEvents.DRP_COMPLETED;
  }

  @Override
  public String aggregateId() {
    return planId.toString();
  }
}
