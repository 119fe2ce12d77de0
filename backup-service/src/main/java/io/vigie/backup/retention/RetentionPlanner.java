package io.vigie.backup.retention;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Plans retention exactly as {@code restic forget} does for one group of snapshots (one host and
 * path set): newest first, a snapshot is kept by {@code within} when it is younger than the newest
 * snapshot minus that duration, and by a count rule when it is the newest of its bucket (hour, day,
 * ISO week, month, year in the policy's time zone) while the rule still has buckets left; {@code
 * last} counts every snapshot. A snapshot kept by several rules is kept once, with every reason.
 */
public final class RetentionPlanner {

  private RetentionPlanner() {}

  public static RetentionPlan plan(List<Snapshot> snapshots, RetentionRules rules, ZoneId zone) {
    List<Snapshot> newestFirst = new ArrayList<>(snapshots);
    newestFirst.sort(Comparator.comparing(Snapshot::time).reversed());
    if (rules.isEmpty()) {
      return new RetentionPlan(
          newestFirst.stream()
              .map(s -> new RetentionPlan.Decision(s, true, List.of("policy is empty")))
              .toList());
    }
    Bucket[] counted = {
      new Bucket(rules.last(), null, "last snapshot", (t) -> 0),
      new Bucket(rules.hourly(), null, "hourly snapshot", RetentionPlanner::hour),
      new Bucket(rules.daily(), null, "daily snapshot", RetentionPlanner::day),
      new Bucket(rules.weekly(), null, "weekly snapshot", RetentionPlanner::week),
      new Bucket(rules.monthly(), null, "monthly snapshot", RetentionPlanner::month),
      new Bucket(rules.yearly(), null, "yearly snapshot", t -> t.getYear()),
    };
    Bucket[] within = {
      new Bucket(0, rules.withinHourly(), "hourly within", RetentionPlanner::hour),
      new Bucket(0, rules.withinDaily(), "daily within", RetentionPlanner::day),
      new Bucket(0, rules.withinWeekly(), "weekly within", RetentionPlanner::week),
      new Bucket(0, rules.withinMonthly(), "monthly within", RetentionPlanner::month),
      new Bucket(0, rules.withinYearly(), "yearly within", t -> t.getYear()),
    };
    ZonedDateTime latest = newestFirst.isEmpty() ? null : newestFirst.get(0).time().atZone(zone);
    List<RetentionPlan.Decision> decisions = new ArrayList<>();
    int nr = 0;
    for (Snapshot snapshot : newestFirst) {
      ZonedDateTime time = snapshot.time().atZone(zone);
      List<String> reasons = new ArrayList<>();
      if (!RetentionRules.zero(rules.within())
          && snapshot.time().isAfter(rules.within().before(latest).toInstant())) {
        reasons.add("within " + rules.within());
      }
      for (Bucket bucket : counted) {
        if (bucket.remaining > 0) {
          // "last" gives every snapshot a bucket of its own
          long value = bucket.reason.equals("last snapshot") ? nr : bucket.key.applyAsLong(time);
          if (value != bucket.previous) {
            bucket.previous = value;
            bucket.remaining--;
            reasons.add(bucket.reason);
          }
        }
      }
      for (Bucket bucket : within) {
        if (!RetentionRules.zero(bucket.within)) {
          Instant limit = bucket.within.before(latest).toInstant();
          if (snapshot.time().isAfter(limit)) {
            long value = bucket.key.applyAsLong(time);
            if (value != bucket.previous) {
              bucket.previous = value;
              reasons.add(bucket.reason + " " + bucket.within);
            }
          }
        }
      }
      decisions.add(new RetentionPlan.Decision(snapshot, !reasons.isEmpty(), List.copyOf(reasons)));
      nr++;
    }
    return new RetentionPlan(List.copyOf(decisions));
  }

  private static long hour(ZonedDateTime t) {
    return day(t) * 100 + t.getHour();
  }

  private static long day(ZonedDateTime t) {
    return t.getYear() * 10_000L + t.getMonthValue() * 100L + t.getDayOfMonth();
  }

  private static long week(ZonedDateTime t) {
    return t.get(IsoFields.WEEK_BASED_YEAR) * 100L + t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  private static long month(ZonedDateTime t) {
    return t.getYear() * 100L + t.getMonthValue();
  }

  private static final class Bucket {
    final String reason;
    final ResticDuration within;
    final ToLongFunction<ZonedDateTime> key;
    int remaining;
    long previous = Long.MIN_VALUE;

    Bucket(int count, ResticDuration within, String reason, ToLongFunction<ZonedDateTime> key) {
      this.remaining = count;
      this.within = within;
      this.reason = reason;
      this.key = key;
    }
  }
}
