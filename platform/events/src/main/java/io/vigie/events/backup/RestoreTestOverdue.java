package io.vigie.events.backup;

import java.time.Instant;
import java.util.UUID;

/**
 * A policy's scheduled restore test did not start within the grace after its due time: the backups
 * are not proven restorable. Published once per missed due time; a test tried serves it.
 *
 * @param schedule the restore test schedule (cron in the policy's time zone)
 * @param lastAttemptAt when a restore test was last tried, or null
 * @param lastSucceededAt when one last succeeded, or null
 */
public record RestoreTestOverdue(
    UUID policyId,
    String tenant,
    String policyName,
    String schedule,
    Instant dueAt,
    Instant lastAttemptAt,
    Instant lastSucceededAt,
    Instant detectedAt)
    implements BackupEvents.BackupEvent {

  @Override
  public String eventType() {
    return BackupEvents.RESTORE_TEST_OVERDUE;
  }

  @Override
  public String aggregateId() {
    return policyId.toString();
  }
}
