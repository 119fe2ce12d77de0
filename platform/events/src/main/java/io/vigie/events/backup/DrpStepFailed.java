package io.vigie.events.backup;

import java.time.Instant;
import java.util.UUID;

/**
 * A step of a DRP run failed (reported by the person or agent carrying it out, or a DNS switch
 * dns-service could not verify): the run waits for a person to retry the step or abort the run.
 *
 * @param failedBy who reported it ({@code dns-service} for a DNS switch)
 */
public record DrpStepFailed(
    UUID planId,
    UUID runId,
    String tenant,
    DrpDirection direction,
    int position,
    DrpStepKind kind,
    String name,
    String reason,
    String failedBy,
    Instant startedAt,
    Instant failedAt)
    implements BackupEvents.BackupEvent {

  @Override
  public String eventType() {
    return BackupEvents.DRP_STEP_FAILED;
  }

  @Override
  public String aggregateId() {
    return planId.toString();
  }
}
