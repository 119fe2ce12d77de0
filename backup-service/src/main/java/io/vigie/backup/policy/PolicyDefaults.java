package io.vigie.backup.policy;

import io.vigie.backup.retention.ResticDuration;
import io.vigie.backup.retention.RetentionRules;
import io.vigie.backup.schedule.CronSchedule;
import io.vigie.events.backup.BackupKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a policy gets from the client's contract when the request leaves it out: database dumps
 * every N hours kept D days, files nightly at 01:00 kept D days, the DRP's RPO when there is one
 * (else one schedule interval plus an hour), and for each copy the longest gap between its
 * scheduled runs plus the start grace.
 */
public final class PolicyDefaults {

  private PolicyDefaults() {}

  public static String schedule(Promise promise, BackupKind kind) {
    if (kind == BackupKind.FILES || promise.databaseEveryHours() >= 24) {
      return "0 1 * * *";
    }
    return promise.databaseEveryHours() == 1
        ? "0 * * * *"
        : "0 */" + promise.databaseEveryHours() + " * * *";
  }

  public static RetentionRules retention(Promise promise, BackupKind kind) {
    int days =
        kind == BackupKind.DATABASE
            ? promise.databaseRetentionDays()
            : promise.filesRetentionDays();
    return RetentionRules.counts(0, 0, 0, 0, 0, 0).withWithin(new ResticDuration(0, 0, days, 0));
  }

  public static Duration rpo(Promise promise, BackupKind kind) {
    if (promise.drpRpo() != null) {
      return promise.drpRpo();
    }
    return kind == BackupKind.DATABASE && promise.databaseEveryHours() < 24
        ? Duration.ofHours(promise.databaseEveryHours() + 1L)
        : Duration.ofHours(25);
  }

  /** The longest a copy on this schedule normally waits for its next point, plus the grace. */
  public static Duration copyMaxAge(CronSchedule schedule, Duration grace, Instant from) {
    List<Instant> due = schedule.dueTimes(from, from.plus(Duration.ofDays(62)));
    Duration longest = Duration.ZERO;
    for (int i = 1; i < due.size(); i++) {
      Duration gap = Duration.between(due.get(i - 1), due.get(i));
      if (gap.compareTo(longest) > 0) {
        longest = gap;
      }
    }
    if (longest.isZero()) {
      longest = Duration.ofDays(366);
    }
    return longest.plus(grace);
  }
}
