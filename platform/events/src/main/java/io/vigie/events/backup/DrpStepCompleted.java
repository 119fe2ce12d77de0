package io.vigie.events.backup;

import java.time.Instant;
import java.util.UUID;

/** A step of a DRP run finished, with its timestamps for the run's record. */
public record DrpStepCompleted(
    UUID planId,
    UUID runId,
    String tenant,
    DrpDirection direction,
    int position,
    DrpStepKind kind,
    String name,
    Instant startedAt,
    Instant completedAt)
    implements BackupEvents.BackupEvent {

  @Override
  public String eventType() {
    return BackupEvents.DRP_STEP_COMPLETED;
  }

  @Override
  public String aggregateId() {
    return planId.toString();
  }
}
