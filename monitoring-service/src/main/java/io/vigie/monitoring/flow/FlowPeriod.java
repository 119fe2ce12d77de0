package io.vigie.monitoring.flow;

import io.vigie.kit.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The hours a flow report covers, {@code [from, to)} on hour boundaries: the hours that start in
 * the period asked for. Both ends are optional ISO instants: {@code to} defaults to now (the hour
 * in progress included), {@code from} to {@link #DEFAULT} before the end of the hour of {@code to};
 * what is asked may span at most {@link #LONGEST}. Plain Java.
 */
public record FlowPeriod(Instant from, Instant to) {

  /** What the wall shows when nothing is asked: the last day. */
  public static final Duration DEFAULT = Duration.ofDays(1);

  /** The longest period one request may ask for. */
  public static final Duration LONGEST = Duration.ofDays(31);

  /** How many hours a period of {@link #LONGEST} touches at most (its ends rounded out). */
  public static final int MOST_HOURS = (int) LONGEST.toHours() + 1;

  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

  public FlowPeriod {
    if (!from.equals(hour(from)) || !to.equals(hour(to)) || !from.isBefore(to)) {
      throw new IllegalArgumentException("a flow period is whole hours: " + from + " " + to);
    }
  }

  /** The period asked for at {@code now}, or a 400 problem naming the field at fault. */
  public static FlowPeriod of(String fromText, String toText, Instant now) {
    Instant to = blank(toText) ? now : instant(toText, "to");
    Instant end = ceiling(to);
    Instant from = blank(fromText) ? end.minus(DEFAULT) : instant(fromText, "from");
    if (!from.isBefore(to)) {
      throw ProblemException.invalidField("to", "must be after from");
    }
    if (Duration.between(from, to).compareTo(LONGEST) > 0) {
      throw ProblemException.invalidField("from", "at most 31 days before to");
    }
    return new FlowPeriod(hour(from), end);
  }

  /** How many hours the period holds. */
  public int hours() {
    return (int) Duration.between(from, to).toHours();
  }

  static Instant hour(Instant instant) {
    return instant.truncatedTo(ChronoUnit.HOURS);
  }

  private static Instant ceiling(Instant instant) {
    Instant hour = hour(instant);
    return hour.equals(instant) ? hour : hour.plus(1, ChronoUnit.HOURS);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static Instant instant(String text, String field) {
    try {
      Instant parsed = Instant.parse(text.trim());
      if (parsed.isBefore(EARLIEST) || !parsed.isBefore(LATEST)) {
        throw ProblemException.invalidField(field, "must be between the years 1970 and 9998");
      }
      return parsed;
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(
          field, "must be an ISO instant such as 2026-11-30T16:00:00Z");
    }
  }
}
