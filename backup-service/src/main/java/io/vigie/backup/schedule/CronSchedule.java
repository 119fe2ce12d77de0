package io.vigie.backup.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A crontab(5) schedule in a time zone: five fields (minute, hour, day of month, month, day of
 * week) with lists, ranges, steps and names, or a macro such as {@code @daily}. Day of month and
 * day of week combine as cron does: when both are restricted a day matching either is due.
 *
 * <p>"Even days to repository A, odd days to B" is {@code 0 1 2-30/2 * *} and {@code 0 1 1-31/2 *
 * *} (the 31st and the 1st are both odd, as in cron).
 *
 * <p>Daylight saving time follows ISC cron: a schedule whose hour field starts with {@code *}
 * follows the clock (a local time the spring shift skips does not happen; one the autumn shift
 * repeats happens twice); any other schedule is fixed-time: a time the spring shift skips is due at
 * the moment of the shift, and a repeated time is due once, at its first occurrence.
 */
public final class CronSchedule {

  private static final int SEARCH_DAYS = 366 * 5;
  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private final String expression;
  private final ZoneId zone;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean anyDayOfMonth;
  private final boolean anyDayOfWeek;
  private final boolean followsClock;

  private CronSchedule(String expression, ZoneId zone, String[] fields) {
    this.expression = expression;
    this.zone = zone;
    this.minutes = field("minute", fields[0], 0, 59, List.of());
    this.hours = field("hour", fields[1], 0, 23, List.of());
    this.daysOfMonth = field("day of month", fields[2], 1, 31, List.of());
    this.months = field("month", fields[3], 1, 12, MONTHS);
    BitSet dow = field("day of week", fields[4], 0, 7, DAYS);
    if (dow.get(7)) {
      dow.set(0);
    }
    this.daysOfWeek = dow;
    this.anyDayOfMonth = fields[2].startsWith("*");
    this.anyDayOfWeek = fields[4].startsWith("*");
    this.followsClock = fields[1].startsWith("*");
  }

  /**
   * Parses a crontab expression for a time zone.
   *
   * @throws IllegalArgumentException naming what is wrong, when the expression is not valid or is
   *     never due (such as the 30th of February)
   */
  public static CronSchedule parse(String expression, ZoneId zone) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("a cron expression is required");
    }
    String trimmed = expression.trim();
    String expanded = MACROS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
    String[] fields = expanded.split("\\s+");
    if (fields.length != 5) {
      throw new IllegalArgumentException(
          "expected five fields (minute hour day-of-month month day-of-week) or a macro such as"
              + " @daily, got "
              + fields.length);
    }
    CronSchedule schedule = new CronSchedule(trimmed, zone, fields);
    if (schedule.next(Instant.parse("2024-01-01T00:00:00Z")).isEmpty()) {
      throw new IllegalArgumentException("'" + trimmed + "' is never due");
    }
    return schedule;
  }

  public String expression() {
    return expression;
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * The first due time strictly after {@code after}, or empty when none within five years. A day
   * with no offset change near it jumps straight to its first due minute; only the few days around
   * a daylight-saving shift are expanded minute by minute (a minutely schedule costs a handful of
   * bit lookups per call, not a day's 1,440 candidates).
   */
  public Optional<Instant> next(Instant after) {
    ZoneRules rules = zone.getRules();
    LocalDate day = LocalDateTime.ofInstant(after, zone).toLocalDate().minusDays(1);
    for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
      if (!dayMatches(day)) {
        continue;
      }
      Optional<Instant> due =
          shiftsNear(rules, day) ? firstExpandedAfter(day, after) : firstAfter(rules, day, after);
      if (due.isPresent()) {
        return due;
      }
    }
    return Optional.empty();
  }

  /** {@link #next} computed the slow way, every day expanded: the reference its tests hold. */
  Optional<Instant> nextByExpansion(Instant after) {
    LocalDate day = LocalDateTime.ofInstant(after, zone).toLocalDate().minusDays(1);
    for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
      if (dayMatches(day)) {
        Optional<Instant> due = firstExpandedAfter(day, after);
        if (due.isPresent()) {
          return due;
        }
      }
    }
    return Optional.empty();
  }

  /** Whether the zone's offset changes from the day before {@code day} to the day after it. */
  private static boolean shiftsNear(ZoneRules rules, LocalDate day) {
    if (rules.isFixedOffset()) {
      return false;
    }
    Instant from = day.minusDays(1).atStartOfDay().toInstant(ZoneOffset.MAX);
    Instant to = day.plusDays(2).atStartOfDay().toInstant(ZoneOffset.MIN);
    ZoneOffsetTransition shift = rules.nextTransition(from);
    return shift != null && shift.getInstant().isBefore(to);
  }

  /** On a day of one offset: its first due minute after {@code after}, straight from the bits. */
  private Optional<Instant> firstAfter(ZoneRules rules, LocalDate day, Instant after) {
    ZoneOffset offset = rules.getOffset(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    LocalDateTime threshold = LocalDateTime.ofInstant(after, offset);
    int hour = hours.nextSetBit(0);
    int minute = minutes.nextSetBit(0);
    if (threshold.toLocalDate().isAfter(day)) {
      return Optional.empty();
    }
    if (threshold.toLocalDate().equals(day)) {
      hour = hours.nextSetBit(threshold.getHour());
      if (hour < 0) {
        return Optional.empty();
      }
      if (hour == threshold.getHour()) {
        // due at hh:mm:00, so the threshold's own minute has passed
        minute = minutes.nextSetBit(threshold.getMinute() + 1);
        if (minute < 0) {
          hour = hours.nextSetBit(hour + 1);
          minute = minutes.nextSetBit(0);
          if (hour < 0) {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.of(day.atTime(hour, minute).toInstant(offset));
  }

  private Optional<Instant> firstExpandedAfter(LocalDate day, Instant after) {
    Instant best = null;
    for (Instant due : dueTimesOn(day)) {
      if (due.isAfter(after) && (best == null || due.isBefore(best))) {
        best = due;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Every due time in {@code (from, to]}, in order. */
  public List<Instant> dueTimes(Instant from, Instant to) {
    List<Instant> times = new ArrayList<>();
    Instant cursor = from;
    while (true) {
      Optional<Instant> due = next(cursor);
      if (due.isEmpty() || due.get().isAfter(to)) {
        return times;
      }
      times.add(due.get());
      cursor = due.get();
    }
  }

  /** The last due time at or before {@code at}, looking back at most {@code lookBack}. */
  public Optional<Instant> latestAtOrBefore(Instant at, Duration lookBack) {
    List<Instant> times = dueTimes(at.minus(lookBack), at);
    return times.isEmpty() ? Optional.empty() : Optional.of(times.get(times.size() - 1));
  }

  private boolean dayMatches(LocalDate day) {
    if (!months.get(day.getMonthValue())) {
      return false;
    }
    boolean dom = daysOfMonth.get(day.getDayOfMonth());
    boolean dow =
        daysOfWeek.get(day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : day.getDayOfWeek().getValue());
    return anyDayOfMonth || anyDayOfWeek ? dom && dow : dom || dow;
  }

  private List<Instant> dueTimesOn(LocalDate day) {
    List<Instant> times = new ArrayList<>();
    for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
      for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
        LocalDateTime local = day.atTime(h, m);
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.size() == 1) {
          times.add(local.toInstant(offsets.get(0)));
        } else if (offsets.isEmpty()) {
          if (!followsClock) {
            ZoneOffsetTransition gap = zone.getRules().getTransition(local);
            times.add(gap.getInstant());
          }
        } else {
          times.add(local.toInstant(offsets.get(0)));
          if (followsClock) {
            times.add(local.toInstant(offsets.get(1)));
          }
        }
      }
    }
    return times;
  }

  private static BitSet field(String name, String text, int min, int max, List<String> names) {
    BitSet bits = new BitSet(max + 1);
    for (String item : text.split(",", -1)) {
      String range = item;
      int step = 1;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        step = number(name, item.substring(slash + 1), 1, max, List.of());
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max;
      } else {
        int dash = range.indexOf('-');
        if (dash > 0) {
          from = number(name, range.substring(0, dash), min, max, names);
          to = number(name, range.substring(dash + 1), min, max, names);
        } else {
          from = number(name, range, min, max, names);
          to = slash >= 0 ? max : from;
        }
      }
      if (from > to) {
        throw new IllegalArgumentException(name + ": range '" + range + "' runs backwards");
      }
      for (int v = from; v <= to; v += step) {
        bits.set(v);
      }
    }
    return bits;
  }

  private static int number(String name, String text, int min, int max, List<String> names) {
    int index = names.indexOf(text.toUpperCase(Locale.ROOT));
    if (index >= 0) {
      return index + (names.size() == 12 ? 1 : 0);
    }
    try {
      int value = Integer.parseInt(text);
      if (value < min || value > max) {
        throw new IllegalArgumentException(name + ": " + value + " is outside " + min + "-" + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": '" + text + "' is not a number or a name");
    }
  }

  @Override
  public String toString() {
    return expression + " (" + zone + ")";
  }
}
