package io.vigie.console.status;

import io.vigie.console.api.Interval;
import io.vigie.console.api.TargetAvailability;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A platform's availability over the last 90 UTC days, day by day, from monitoring's availability
 * of its targets: the platform is down while any of its targets is (as monitoring counts a target
 * down while any of its checks is), maintenance is neither measured nor down, and time monitoring
 * did not count (after {@code measuredUntil}; before the part its {@code measured} and {@code
 * maintenance} cover; before its first check) is no data. Percentages are cut at two decimals,
 * never rounded up (99.999 % is not 100 %). Plain Java.
 *
 * @param percent over the whole period, or null when nothing was measured
 */
public record Uptime(List<Day> days, BigDecimal percent) {

  static final int DAYS = 90;

  /**
   * One UTC day.
   *
   * @param percent null when nothing of the day was measured
   */
  public record Day(LocalDate date, BigDecimal percent, Duration down) {

    /** What a bar's tooltip says: {@code 2026-11-30: 99.95 %}, or a dash when not measured. */
    public String label() {
      return date + ": " + (percent == null ? "—" : percent.toPlainString() + " %");
    }

    /** {@code up}, {@code minor} (99 % or more), {@code major}, or {@code none} (not measured). */
    public String level() {
      if (percent == null) {
        return "none";
      }
      if (percent.compareTo(HUNDRED) >= 0) {
        return "up";
      }
      return percent.compareTo(BigDecimal.valueOf(99)) >= 0 ? "minor" : "major";
    }
  }

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** The first instant the page asks for: midnight UTC, 89 days before today. */
  public static Instant from(Instant now) {
    return now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(DAYS - 1L));
  }

  /**
   * The whole period's percentage as written ({@code 99.95}), or null when nothing was measured.
   */
  public String percentText() {
    return percent == null ? null : percent.toPlainString();
  }

  /**
   * The first day measured when the days before it were not (a platform monitored for a few weeks),
   * as {@code 2026-11-20}; null when the first day of the period was measured or none was.
   */
  public String since() {
    if (days.isEmpty() || days.get(0).percent() != null) {
      return null;
    }
    return days.stream()
        .filter(d -> d.percent() != null)
        .findFirst()
        .map(d -> d.date().toString())
        .orElse(null);
  }

  /** Days with downtime (worse than 100 %). */
  public long daysWithDowntime() {
    return days.stream()
        .filter(d -> d.percent() != null && d.percent().compareTo(HUNDRED) < 0)
        .count();
  }

  /**
   * A target's availability as monitoring answered it, and the hour monitoring first checked it
   * (null: before the period). Monitoring counts the time before a target's first check as up: it
   * is no data here.
   */
  public record Measured(TargetAvailability availability, Instant firstChecked) {}

  /** Targets monitored since before the period. */
  public static Uptime of(List<TargetAvailability> targets, Instant now) {
    return measured(targets.stream().map(t -> new Measured(t, null)).toList(), now);
  }

  public static Uptime measured(List<Measured> targets, Instant now) {
    Instant from = from(now);
    List<Measured> measuredTargets =
        targets.stream()
            .filter(m -> m.availability().checks() != null && m.availability().checks() > 0)
            .toList();
    Instant until = now;
    for (Measured m : measuredTargets) {
      Instant measuredUntil = m.availability().measuredUntil();
      if (measuredUntil != null && measuredUntil.isBefore(until)) {
        until = measuredUntil;
      }
    }
    List<Interval> down = new ArrayList<>();
    List<Interval> maintenance = new ArrayList<>();
    Instant measuredFrom = null;
    for (Measured m : measuredTargets) {
      TargetAvailability t = m.availability();
      if (t.downtimes() != null) {
        down.addAll(t.downtimes());
      }
      if (t.maintenanceIntervals() != null) {
        maintenance.addAll(t.maintenanceIntervals());
      }
      Instant start = t.from() == null || t.from().isBefore(from) ? from : t.from();
      if (t.measuredUntil() != null && t.measured() != null) {
        // what monitoring counted ends at measuredUntil; anything before it is no data
        Duration counted =
            t.measured().plus(t.maintenance() == null ? Duration.ZERO : t.maintenance());
        Instant countedFrom = t.measuredUntil().minus(counted);
        start = max(start, countedFrom);
      }
      if (m.firstChecked() != null) {
        start = max(start, m.firstChecked());
      }
      measuredFrom = measuredFrom == null || start.isBefore(measuredFrom) ? start : measuredFrom;
    }
    List<Interval> downs = merge(down);
    List<Interval> maintenances = merge(maintenance);
    List<Day> days = new ArrayList<>(DAYS);
    long measuredTotal = 0;
    long downTotal = 0;
    for (int i = 0; i < DAYS; i++) {
      Instant dayStart = from.plus(Duration.ofDays(i));
      Instant dayEnd = dayStart.plus(Duration.ofDays(1));
      LocalDate date = LocalDate.ofInstant(dayStart, ZoneOffset.UTC);
      if (measuredFrom == null) {
        days.add(new Day(date, null, Duration.ZERO));
        continue;
      }
      Instant start = max(dayStart, measuredFrom);
      Instant end = min(dayEnd, until);
      if (!end.isAfter(start)) {
        days.add(new Day(date, null, Duration.ZERO));
        continue;
      }
      long measured = millis(start, end) - overlap(maintenances, start, end);
      long downMillis = overlapOutside(downs, maintenances, start, end);
      if (measured <= 0) {
        days.add(new Day(date, null, Duration.ZERO));
        continue;
      }
      measuredTotal += measured;
      downTotal += downMillis;
      days.add(new Day(date, percent(measured, downMillis), Duration.ofMillis(downMillis)));
    }
    return new Uptime(days, measuredTotal == 0 ? null : percent(measuredTotal, downTotal));
  }

  static BigDecimal percent(long measured, long down) {
    return BigDecimal.valueOf(measured - down)
        .multiply(HUNDRED)
        .divide(BigDecimal.valueOf(measured), 2, RoundingMode.DOWN);
  }

  /** Sorted, overlapping or touching intervals joined. */
  static List<Interval> merge(List<Interval> intervals) {
    List<Interval> sorted =
        intervals.stream()
            .filter(i -> i.start() != null && i.end() != null && i.end().isAfter(i.start()))
            .sorted(Comparator.comparing(Interval::start))
            .toList();
    List<Interval> merged = new ArrayList<>();
    for (Interval i : sorted) {
      if (!merged.isEmpty() && !i.start().isAfter(merged.get(merged.size() - 1).end())) {
        Interval last = merged.remove(merged.size() - 1);
        merged.add(new Interval(last.start(), max(last.end(), i.end())));
      } else {
        merged.add(i);
      }
    }
    return merged;
  }

  /** Milliseconds of merged {@code intervals} within [start, end). */
  static long overlap(List<Interval> intervals, Instant start, Instant end) {
    long total = 0;
    for (Interval i : intervals) {
      Instant s = max(i.start(), start);
      Instant e = min(i.end(), end);
      if (e.isAfter(s)) {
        total += millis(s, e);
      }
    }
    return total;
  }

  /** Milliseconds of merged {@code downs} within [start, end) outside merged {@code holes}. */
  static long overlapOutside(
      List<Interval> downs, List<Interval> holes, Instant start, Instant end) {
    long total = 0;
    for (Interval d : downs) {
      Instant s = max(d.start(), start);
      Instant e = min(d.end(), end);
      if (e.isAfter(s)) {
        total += millis(s, e) - overlap(holes, s, e);
      }
    }
    return total;
  }

  private static long millis(Instant start, Instant end) {
    return Duration.between(start, end).toMillis();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
