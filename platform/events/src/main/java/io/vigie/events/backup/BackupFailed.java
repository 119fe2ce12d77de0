package io.vigie.events.backup;

import java.time.Instant;
import java.util.UUID;

/**
 * A backup run failed: the tool reported a failure or a non-zero exit status, or a started run
 * never finished within its time.
 *
 * @param reason why it counts as failed, e.g. {@code exit status 2} or {@code running too long}
 * @param logExcerpt the start of the run's log, at most a few kilobytes, or null
 */
public record BackupFailed(
    UUID policyId,
    UUID runId,
    String tenant,
    BackupTarget target,
    BackupKind kind,
    Instant startedAt,
    Instant failedAt,
    String reason,
    String logExcerpt)
    implements BackupEvents.BackupEvent {

  @Override
  public String eventType() {
    return BackupEvents.BACKUP_FAILED;
  }

  @Override
  public String aggregateId() {
    return policyId.toString();
  }
}
