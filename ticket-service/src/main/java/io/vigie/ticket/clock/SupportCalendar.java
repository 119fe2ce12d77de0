package io.vigie.ticket.clock;

import io.vigie.events.inventory.BusinessDay;
import io.vigie.events.inventory.SupportHours;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * When a client's contract clocks run: always (24/7, counted in elapsed time, so a DST change
 * neither adds nor removes an hour), or during the business days and hours of the contract, read as
 * wall-clock times in the client's time zone, minus its holidays. Opening hours are turned into
 * instants day by day, so a DST change moves them with the wall clock; an opening that spans the
 * change counts the hours that really elapse (01:00-05:00 on the spring-forward Sunday in Paris is
 * three hours). A closing time of 00:00 means midnight at the end of the day.
 */
public final class SupportCalendar {

  /** A calendar that never opens is refused; this bounds the search for the next opening. */
  private static final int MAX_DAYS_SEARCHED = 3_660;

  private final ZoneId zone;
  private final List<BusinessDay> days;
  private final Set<LocalDate> holidays;

  private SupportCalendar(ZoneId zone, List<BusinessDay> days, Set<LocalDate> holidays) {
    this.zone = zone;
    this.days = days;
    this.holidays = holidays;
  }

  /** 24/7/365: every instant is support time. */
  public static SupportCalendar always() {
    return new SupportCalendar(null, List.of(), Set.of());
  }

  /**
   * Business hours in {@code zone}. Each day must close after it opens (or at 00:00, midnight);
   * several entries for one day of the week are allowed (a lunch break).
   *
   * @throws InvalidCalendar naming the field at fault
   */
  public static SupportCalendar businessHours(
      ZoneId zone, List<BusinessDay> days, List<LocalDate> holidays) {
    if (days == null || days.isEmpty()) {
      throw new InvalidCalendar("businessDays", "business hours need at least one business day");
    }
    for (int i = 0; i < days.size(); i++) {
      BusinessDay day = days.get(i);
      if (day == null || day.day() == null || day.opensAt() == null || day.closesAt() == null) {
        throw new InvalidCalendar("businessDays[" + i + "]", "needs day, opensAt and closesAt");
      }
      if (!day.closesAt().equals(LocalTime.MIDNIGHT) && !day.closesAt().isAfter(day.opensAt())) {
        throw new InvalidCalendar(
            "businessDays[" + i + "].closesAt", "must be after opensAt (or 00:00 for midnight)");
      }
    }
    return new SupportCalendar(
        zone, List.copyOf(days), holidays == null ? Set.of() : Set.copyOf(holidays));
  }

  /** The calendar of a contract's support hours. */
  public static SupportCalendar of(SupportHours hours) {
    if (hours == null || hours.coverage() == null) {
      throw new InvalidCalendar("supportHours.coverage", "is required");
    }
    if (hours.coverage() == SupportHours.Coverage.ALWAYS) {
      return always();
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(hours.timeZone());
    } catch (DateTimeException | NullPointerException e) {
      throw new InvalidCalendar("supportHours.timeZone", "not a time zone: " + hours.timeZone());
    }
    return businessHours(zone, hours.businessDays(), hours.holidays());
  }

  public boolean isAlways() {
    return zone == null;
  }

  /** Support time between two instants; zero when {@code to} is not after {@code from}. */
  public Duration supportTime(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    if (isAlways()) {
      return Duration.between(from, to);
    }
    Duration total = Duration.ZERO;
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate day = firstDay(from); !day.isAfter(last); day = day.plusDays(1)) {
      for (Opening opening : openingsOn(day)) {
        Instant start = max(opening.start(), from);
        Instant end = min(opening.end(), to);
        if (end.isAfter(start)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  /**
   * The instant at which {@code amount} of support time has elapsed from {@code from}: a deadline.
   * A zero amount answers {@code from} itself.
   */
  public Instant after(Instant from, Duration amount) {
    if (amount.isZero() || amount.isNegative()) {
      return from;
    }
    if (isAlways()) {
      return from.plus(amount);
    }
    Duration remaining = amount;
    LocalDate day = firstDay(from);
    for (int i = 0; i < MAX_DAYS_SEARCHED; i++, day = day.plusDays(1)) {
      for (Opening opening : openingsOn(day)) {
        Instant start = max(opening.start(), from);
        if (!opening.end().isAfter(start)) {
          continue;
        }
        Duration available = Duration.between(start, opening.end());
        if (available.compareTo(remaining) >= 0) {
          return start.plus(remaining);
        }
        remaining = remaining.minus(available);
      }
    }
    throw new InvalidCalendar(
        "supportHours", "no support hours in the " + MAX_DAYS_SEARCHED + " days after " + from);
  }

  /**
   * The first instant of support time at or after {@code from}: {@code from} itself while the clock
   * runs (always, for 24/7), else the next opening (on-call holds lower priorities until then).
   */
  public Instant nextSupportInstant(Instant from) {
    if (isAlways()) {
      return from;
    }
    LocalDate day = firstDay(from);
    for (int i = 0; i < MAX_DAYS_SEARCHED; i++, day = day.plusDays(1)) {
      for (Opening opening : openingsOn(day)) {
        if (opening.end().isAfter(from)) {
          return max(opening.start(), from);
        }
      }
    }
    throw new InvalidCalendar(
        "supportHours", "no support hours in the " + MAX_DAYS_SEARCHED + " days after " + from);
  }

  /** The day before {@code from}'s local date, so an opening that started earlier is seen. */
  private LocalDate firstDay(Instant from) {
    return from.atZone(zone).toLocalDate().minusDays(1);
  }

  private List<Opening> openingsOn(LocalDate date) {
    if (holidays.contains(date)) {
      return List.of();
    }
    List<Opening> openings = new ArrayList<>(2);
    for (BusinessDay day : days) {
      if (day.day() != date.getDayOfWeek()) {
        continue;
      }
      // ZonedDateTime.of moves a time in the spring-forward gap to after it, and takes the
      // earlier offset in the autumn overlap: the wall-clock reading people mean
      Instant start = ZonedDateTime.of(date, day.opensAt(), zone).toInstant();
      Instant end =
          day.closesAt().equals(LocalTime.MIDNIGHT)
              ? date.plusDays(1).atStartOfDay(zone).toInstant()
              : ZonedDateTime.of(date, day.closesAt(), zone).toInstant();
      if (end.isAfter(start)) {
        openings.add(new Opening(start, end));
      }
    }
    openings.sort(Comparator.comparing(Opening::start));
    return openings;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private record Opening(Instant start, Instant end) {}

  /** Contract support hours that cannot be counted in, with the field at fault. */
  public static final class InvalidCalendar extends IllegalArgumentException {

    private final String field;

    public InvalidCalendar(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }
}
