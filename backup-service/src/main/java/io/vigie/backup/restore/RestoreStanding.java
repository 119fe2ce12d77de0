package io.vigie.backup.restore;

import io.vigie.backup.agent.JobDue;
import io.vigie.backup.schedule.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * Where one policy's restore tests stand: its schedule (its own or the default), when the policy
 * began to be watched, the latest test tried and the latest that succeeded. Plain data; the due and
 * overdue times follow {@link JobDue}.
 */
public record RestoreStanding(
    UUID policyId,
    String tenant,
    String policyName,
    ZoneId zone,
    String schedule,
    boolean custom,
    long version,
    Instant activeSince,
    Instant lastAttempt,
    Instant lastSucceeded) {

  public CronSchedule cron() {
    return CronSchedule.parse(schedule, zone);
  }

  /** The due time the next test serves. */
  public Optional<Instant> nextDue() {
    return cron()
        .next(
            lastAttempt == null || lastAttempt.isBefore(activeSince)
                ? activeSince
                : lastAttempt.plus(JobDue.CLOCK_DRIFT));
  }

  /** The due time an agent should serve now, if it has come. */
  public Optional<Instant> due(Instant now) {
    return JobDue.due(cron(), lastAttempt, activeSince, now);
  }

  /** The due time missed by more than {@code grace}, if any. */
  public Optional<Instant> overdue(Duration grace, Instant now) {
    return JobDue.overdue(cron(), lastAttempt, activeSince, grace, now);
  }
}
