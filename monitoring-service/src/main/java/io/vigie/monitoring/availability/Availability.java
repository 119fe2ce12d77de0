package io.vigie.monitoring.availability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Availability over a period from down intervals, with approved maintenance left out of both the
 * downtime and the period, as contracts count it: 99.95 % of a 30-day month allows 21 min 36 s.
 */
public final class Availability {

  private Availability() {}

  /** A half-open interval [start, end). */
  public record Interval(Instant start, Instant end) {
    public Interval {
      if (end.isBefore(start)) {
        throw new IllegalArgumentException(
            "an interval ends after it starts: " + start + " > " + end);
      }
    }

    public Duration length() {
      return Duration.between(start, end);
    }
  }

  /**
   * @param counted the period minus maintenance: what the percentage is of
   * @param downtimes the down intervals that count, clipped to the period, maintenance removed
   */
  public record Report(
      Interval period, Duration counted, Duration downtime, List<Interval> downtimes) {

    /** Availability in percent, rounded down to 3 decimals (never shown better than it was). */
    public BigDecimal percent() {
      return percent(3);
    }

    /**
     * Availability in percent from the exact durations, cut (never rounded up) at {@code scale}
     * decimals: 43,105 of 43,140 minutes up is 99.918868 at scale 6.
     */
    public BigDecimal percent(int scale) {
      if (counted.isZero()) {
        return BigDecimal.valueOf(100).setScale(scale);
      }
      BigDecimal up = BigDecimal.valueOf(counted.minus(downtime).toMillis());
      return up.multiply(BigDecimal.valueOf(100))
          .divide(BigDecimal.valueOf(counted.toMillis()), scale, RoundingMode.DOWN);
    }

    /** Exact comparison with a contract target such as 99.95, free of rounding. */
    public boolean meets(BigDecimal targetPercent) {
      BigDecimal allowedDown =
          BigDecimal.valueOf(counted.toMillis())
              .multiply(BigDecimal.valueOf(100).subtract(targetPercent));
      return BigDecimal.valueOf(downtime.toMillis())
              .multiply(BigDecimal.valueOf(100))
              .compareTo(allowedDown)
          <= 0;
    }
  }

  /** One observed change of state: up (true) or down (false) from {@code at} on. */
  public record StateChange(Instant at, boolean up) {}

  public static Report of(Interval period, List<Interval> downtimes, List<Interval> maintenance) {
    List<Interval> windows = clip(merge(maintenance), period);
    List<Interval> down = new ArrayList<>();
    for (Interval interval : clip(merge(downtimes), period)) {
      down.addAll(subtract(interval, windows));
    }
    Duration excluded = total(windows);
    return new Report(period, period.length().minus(excluded), total(down), List.copyOf(down));
  }

  /**
   * Down intervals from a history of state changes; the state before the first change is {@code
   * initiallyUp}, and the last state lasts until {@code until}.
   */
  public static List<Interval> downtimes(
      List<StateChange> history, boolean initiallyUp, Instant from, Instant until) {
    List<StateChange> sorted =
        history.stream().sorted(Comparator.comparing(StateChange::at)).toList();
    List<Interval> down = new ArrayList<>();
    Instant downSince = initiallyUp ? null : from;
    for (StateChange change : sorted) {
      if (!change.up() && downSince == null) {
        downSince = change.at();
      } else if (change.up() && downSince != null) {
        down.add(new Interval(downSince, change.at()));
        downSince = null;
      }
    }
    if (downSince != null && downSince.isBefore(until)) {
      down.add(new Interval(downSince, until));
    }
    return down;
  }

  static List<Interval> merge(List<Interval> intervals) {
    List<Interval> sorted =
        intervals.stream().sorted(Comparator.comparing(Interval::start)).toList();
    List<Interval> merged = new ArrayList<>();
    for (Interval next : sorted) {
      if (!merged.isEmpty() && !next.start().isAfter(merged.getLast().end())) {
        Interval last = merged.removeLast();
        merged.add(new Interval(last.start(), max(last.end(), next.end())));
      } else {
        merged.add(next);
      }
    }
    return merged;
  }

  private static List<Interval> clip(List<Interval> intervals, Interval period) {
    List<Interval> clipped = new ArrayList<>();
    for (Interval i : intervals) {
      Instant start = max(i.start(), period.start());
      Instant end = min(i.end(), period.end());
      if (start.isBefore(end)) {
        clipped.add(new Interval(start, end));
      }
    }
    return clipped;
  }

  /** {@code interval} minus the (merged, sorted) {@code holes}. */
  private static List<Interval> subtract(Interval interval, List<Interval> holes) {
    List<Interval> rest = new ArrayList<>();
    Instant cursor = interval.start();
    for (Interval hole : holes) {
      if (!hole.end().isAfter(cursor) || !hole.start().isBefore(interval.end())) {
        continue;
      }
      if (hole.start().isAfter(cursor)) {
        rest.add(new Interval(cursor, hole.start()));
      }
      cursor = max(cursor, hole.end());
    }
    if (cursor.isBefore(interval.end())) {
      rest.add(new Interval(cursor, interval.end()));
    }
    return rest;
  }

  private static Duration total(List<Interval> intervals) {
    return intervals.stream().map(Interval::length).reduce(Duration.ZERO, Duration::plus);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
