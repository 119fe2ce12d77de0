package io.vigie.backup.agent;

import io.vigie.backup.schedule.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a scheduled job (a backup, a restore test) is due for an agent: the first due time after the
 * latest start, or after the policy began before any start, once it has come. A start up to {@link
 * #CLOCK_DRIFT} before a due time counts for it, so a host whose clock runs a little behind does
 * not run the job twice; a late start counts for the due times before it, so an agent that was down
 * runs a missed job once, not once per missed time.
 */
public final class JobDue {

  /** How far ahead of the service's clock a host's clock may run. */
  public static final Duration CLOCK_DRIFT = Duration.ofMinutes(1);

  private JobDue() {}

  /**
   * The due time the job now serves, if it has come.
   *
   * @param latestStart the latest start of the job, or null
   * @param since when the policy began to be watched
   */
  public static Optional<Instant> due(
      CronSchedule schedule, Instant latestStart, Instant since, Instant now) {
    return schedule.next(reference(latestStart, since)).filter(due -> !due.isAfter(now));
  }

  /** The due time missed by more than {@code grace}, if any: the job is overdue. */
  public static Optional<Instant> overdue(
      CronSchedule schedule, Instant latestStart, Instant since, Duration grace, Instant now) {
    return schedule.next(reference(latestStart, since)).filter(due -> now.isAfter(due.plus(grace)));
  }

  private static Instant reference(Instant latestStart, Instant since) {
    return latestStart == null || latestStart.isBefore(since)
        ? since
        : latestStart.plus(CLOCK_DRIFT);
  }
}
