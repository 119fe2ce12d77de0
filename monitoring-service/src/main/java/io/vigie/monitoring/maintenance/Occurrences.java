package io.vigie.monitoring.maintenance;

import io.vigie.monitoring.availability.Availability.Interval;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * The concrete intervals of a maintenance window: the first one from {@code startsAt} to {@code
 * endsAt}, then one per date of its iCalendar RRULE (RFC 5545, computed by ical4j), each lasting
 * the same wall-clock time in the window's time zone, so a Tuesday 02:00-04:00 window in
 * Europe/Paris stays 02:00-04:00 local on both sides of a DST change. A cancelled window has no
 * occurrence from its cancellation on: an occurrence running then ends there, the ones before it
 * stay as they happened.
 */
public final class Occurrences {

  /** Maintenance recurs at most hourly: a SECONDLY or MINUTELY rule is refused. */
  static final List<Frequency> TOO_FREQUENT = List.of(Frequency.SECONDLY, Frequency.MINUTELY);

  /** A COUNT above this is refused: ten years of weekly windows fit five times over. */
  static final int MAX_COUNT = 2_600;

  /** One occurrence lasts at most this long. */
  public static final Duration MAX_LENGTH = Duration.ofDays(31);

  private static final DateTimeFormatter UTC_BASIC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** A schedule the domain refuses, naming the request field at fault. */
  public static final class InvalidSchedule extends IllegalArgumentException {
    private final String field;

    InvalidSchedule(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  private final Instant startsAt;
  private final Instant endsAt;
  private final ZoneId zone;
  private final Recur<ZonedDateTime> recur;
  private final String rrule;
  private final Duration wallLength;
  private final Instant cancelledAt;

  private Occurrences(
      Instant startsAt,
      Instant endsAt,
      ZoneId zone,
      Recur<ZonedDateTime> recur,
      String rrule,
      Instant cancelledAt) {
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.zone = zone;
    this.recur = recur;
    this.rrule = rrule;
    this.wallLength =
        Duration.between(
            startsAt.atZone(zone).toLocalDateTime(), endsAt.atZone(zone).toLocalDateTime());
    this.cancelledAt = cancelledAt;
  }

  /**
   * Validates and parses a schedule.
   *
   * @param rrule null for a one-off window; an {@code RRULE:} prefix is accepted
   * @param timeZone IANA id such as {@code Europe/Paris}; null means UTC
   * @throws InvalidSchedule naming {@code endsAt}, {@code timeZone}, {@code rrule} or {@code
   *     startsAt}
   */
  public static Occurrences of(Instant startsAt, Instant endsAt, String rrule, String timeZone) {
    if (!endsAt.isAfter(startsAt)) {
      throw new InvalidSchedule("endsAt", "must be after startsAt");
    }
    if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
      throw new InvalidSchedule("endsAt", "one occurrence lasts at most 31 days");
    }
    ZoneId zone = zone(timeZone);
    if (rrule == null || rrule.isBlank()) {
      return new Occurrences(startsAt, endsAt, zone, null, null, null);
    }
    String normalized = normalize(rrule, zone);
    Recur<ZonedDateTime> recur = parse(normalized);
    Occurrences schedule = new Occurrences(startsAt, endsAt, zone, recur, normalized, null);
    ZonedDateTime seed = startsAt.atZone(zone);
    List<ZonedDateTime> first = recur.getDates(seed, seed, seed.plusYears(10), 1);
    if (first.isEmpty() || !first.getFirst().toInstant().equals(startsAt)) {
      throw new InvalidSchedule(
          "startsAt", "must itself be an occurrence of the rrule (e.g. a Tuesday for BYDAY=TU)");
    }
    return schedule;
  }

  /** The same schedule without the occurrences from {@code at} on. */
  public Occurrences cancelledAt(Instant at) {
    return new Occurrences(startsAt, endsAt, zone, recur, rrule, at);
  }

  /** The rule as stored: upper case, without the RRULE: prefix, UNTIL in UTC; null if one-off. */
  public String rrule() {
    return rrule;
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * The occurrences that overlap {@code [from, to)}, in order, not clipped to the period (one
   * already running at {@code from} starts before it); a cancellation cuts them.
   */
  public List<Interval> within(Instant from, Instant to) {
    List<Interval> found = new ArrayList<>();
    if (!to.isAfter(from)) {
      return found;
    }
    if (recur == null) {
      keep(found, startsAt, endsAt, from, to);
      return found;
    }
    // an occurrence starting this early may still run at `from`: wall time plus a DST shift
    Instant searchFrom = max(startsAt, from.minus(wallLength).minus(Duration.ofHours(3)));
    Instant searchTo = cancelledAt == null ? to : min(to, cancelledAt);
    if (searchFrom.isAfter(searchTo)) {
      return found;
    }
    ZonedDateTime seed = startsAt.atZone(zone);
    TreeSet<Instant> starts = new TreeSet<>();
    for (ZonedDateTime date :
        recur.getDates(seed, searchFrom.atZone(zone), searchTo.atZone(zone))) {
      starts.add(date.toInstant());
    }
    for (Instant start : starts) {
      keep(found, start, endOf(start), from, to);
    }
    return found;
  }

  /** Whether an occurrence contains {@code at} (occurrences are half-open, [start, end)). */
  public boolean contains(Instant at) {
    return !within(at, at.plusNanos(1)).isEmpty();
  }

  /**
   * An instant after which no occurrence runs (the end of the last one, or a bound above it for an
   * UNTIL rule); empty when the window recurs forever.
   */
  public Optional<Instant> lastEnd() {
    Instant bound;
    if (recur == null) {
      bound = endsAt;
    } else if (recur.getCount() > 0) {
      ZonedDateTime seed = startsAt.atZone(zone);
      List<ZonedDateTime> all =
          recur.getDates(seed, seed, seed.plusYears(200), recur.getCount() + 1);
      Instant lastStart = all.isEmpty() ? startsAt : all.getLast().toInstant();
      bound = endOf(lastStart);
    } else if (recur.getUntil() != null) {
      Instant until = UTC_BASIC.parse(untilText(rrule), Instant::from);
      bound = until.plus(wallLength).plus(Duration.ofHours(1));
    } else {
      return cancelledAt == null ? Optional.empty() : Optional.of(cancelledAt);
    }
    return Optional.of(cancelledAt == null ? bound : min(bound, cancelledAt));
  }

  private Instant endOf(Instant start) {
    LocalDateTime localEnd = start.atZone(zone).toLocalDateTime().plus(wallLength);
    Instant end = localEnd.atZone(zone).toInstant();
    // a wall-clock end swallowed by a DST change falls back to the absolute length
    return end.isAfter(start) ? end : start.plus(Duration.between(startsAt, endsAt));
  }

  private void keep(List<Interval> found, Instant start, Instant end, Instant from, Instant to) {
    if (cancelledAt != null) {
      if (!start.isBefore(cancelledAt)) {
        return;
      }
      end = min(end, cancelledAt);
    }
    if (start.isBefore(to) && end.isAfter(from)) {
      found.add(new Interval(start, end));
    }
  }

  private static ZoneId zone(String timeZone) {
    if (timeZone == null || timeZone.isBlank()) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw new InvalidSchedule("timeZone", "is not an IANA time zone such as Europe/Paris");
    }
  }

  private static Recur<ZonedDateTime> parse(String rule) {
    Recur<ZonedDateTime> recur;
    try {
      recur = new Recur<>(rule);
    } catch (RuntimeException e) {
      throw new InvalidSchedule(
          "rrule", "is not an iCalendar RRULE such as FREQ=WEEKLY;BYDAY=TU;COUNT=10");
    }
    if (TOO_FREQUENT.contains(recur.getFrequency())) {
      throw new InvalidSchedule("rrule", "maintenance recurs at most HOURLY");
    }
    if (rule.contains("INTERVAL=") && recur.getInterval() < 1) {
      throw new InvalidSchedule("rrule", "INTERVAL must be 1 or more");
    }
    if (rule.contains("COUNT=") && (recur.getCount() < 1 || recur.getCount() > MAX_COUNT)) {
      throw new InvalidSchedule("rrule", "COUNT must be 1 to " + MAX_COUNT);
    }
    if (recur.getCount() > 0 && recur.getUntil() != null) {
      throw new InvalidSchedule("rrule", "give COUNT or UNTIL, not both");
    }
    return recur;
  }

  /**
   * Upper case, no {@code RRULE:} prefix, and UNTIL as a UTC date-time as RFC 5545 requires with a
   * zoned start: a date means the end of that day and a floating date-time is read in {@code zone}.
   */
  static String normalize(String rrule, ZoneId zone) {
    String rule = rrule.strip().toUpperCase(Locale.ROOT);
    if (rule.startsWith("RRULE:")) {
      rule = rule.substring("RRULE:".length());
    }
    List<String> parts = new ArrayList<>();
    for (String part : rule.split(";", -1)) {
      if (part.startsWith("UNTIL=")) {
        parts.add("UNTIL=" + UTC_BASIC.format(until(part.substring("UNTIL=".length()), zone)));
      } else {
        parts.add(part);
      }
    }
    return String.join(";", parts);
  }

  private static Instant until(String value, ZoneId zone) {
    try {
      if (value.matches("\\d{8}")) {
        LocalDate day = LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
        return day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
      }
      if (value.matches("\\d{8}T\\d{6}")) {
        return LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
            .atZone(zone)
            .toInstant();
      }
      if (value.matches("\\d{8}T\\d{6}Z")) {
        return UTC_BASIC.parse(value, Instant::from);
      }
    } catch (DateTimeParseException e) {
      // falls through to the refusal below
    }
    throw new InvalidSchedule("rrule", "UNTIL must be a date (20261231) or a UTC date-time");
  }

  private static String untilText(String rule) {
    for (String part : rule.split(";")) {
      if (part.startsWith("UNTIL=")) {
        return part.substring("UNTIL=".length());
      }
    }
    throw new IllegalStateException("no UNTIL in " + rule);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
