package io.vigie.events.backup;

import java.time.Instant;
import java.util.UUID;

/**
 * A backup run finished well: a new restore point exists.
 *
 * @param snapshotId the tool's snapshot id when it reported one (restic), else null
 * @param bytesAdded new data the run stored, when the tool reported it, else null
 */
public record BackupSucceeded(
    UUID policyId,
    UUID runId,
    String tenant,
    BackupTarget target,
    BackupKind kind,
    Instant startedAt,
    Instant finishedAt,
    String snapshotId,
    Long bytesAdded)
    implements BackupEvents.BackupEvent {

  @Override
  public String eventType() {
    return BackupEvents.BACKUP_SUCCEEDED;
  }

  @Override
  public String aggregateId() {
    return policyId.toString();
  }
}
