package io.vigie.events.backup;

import java.time.Instant;
import java.util.UUID;

/** A scheduled backup did not start: no start arrived within its schedule plus the grace time. */
public record BackupOverdue(
    UUID policyId,
    String tenant,
    BackupTarget target,
    BackupKind kind,
    Instant dueAt,
    Instant detectedAt)
    implements BackupEvents.BackupEvent {

  @Override
  public String eventType() {
    return BackupEvents.BACKUP_OVERDUE;
  }

  @Override
  public String aggregateId() {
    return policyId.toString();
  }
}
