package io.vigie.events.backup;

import java.time.Instant;
import java.util.UUID;

/** A person stopped a DRP run for good; what was done stays done. */
public record DrpAborted(
    UUID planId,
    UUID runId,
    String tenant,
    DrpDirection direction,
    String abortedBy,
    String reason,
    Instant activatedAt,
    Instant abortedAt)
    implements BackupEvents.BackupEvent {

  @Override
  public String eventType() {
    return BackupEvents.DRP_ABORTED;
  }

  @Override
  public String aggregateId() {
    return planId.toString();
  }
}
