package io.vigie.backup.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a scheduled backup is late, the way Healthchecks judges cron checks: the run expected next
 * is the first due time after the latest start (or after the policy began, before any start); it is
 * overdue once that time plus the grace has passed with no start. A start counts for every due time
 * up to a grace after it, so a start a few seconds early (clock drift) is not a missed run. A
 * started run that has not finished after the longest a run may take is running too long.
 */
public final class DueWatch {

  private DueWatch() {}

  /**
   * The due time that was missed, if any.
   *
   * @param latestStart the latest start received, or null
   * @param since when the policy began to be watched
   */
  public static Optional<Instant> overdue(
      CronSchedule schedule, Instant latestStart, Instant since, Duration grace, Instant now) {
    Instant reference =
        latestStart == null || latestStart.isBefore(since) ? since : latestStart.plus(grace);
    return schedule.next(reference).filter(due -> now.isAfter(due.plus(grace)));
  }

  /** The next due time after {@code reference} (the latest start, or when the policy began). */
  public static Optional<Instant> nextDue(CronSchedule schedule, Instant reference) {
    return schedule.next(reference);
  }

  /** True when a run started at {@code startedAt} and still unfinished has run too long. */
  public static boolean runningTooLong(Instant startedAt, Duration maxRun, Instant now) {
    return now.isAfter(startedAt.plus(maxRun));
  }
}
