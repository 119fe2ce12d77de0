package io.vigie.monitoring.usage;

import io.vigie.kit.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The period a usage series covers, {@code [from, to)}: the hours starting in it. Both ends are
 * optional ISO instants: {@code to} defaults to now (the hour in progress included), {@code from}
 * to {@link #DEFAULT} before {@code to}; at most {@link #LONGEST} long, starting before now
 * (nothing is measured later). Plain Java.
 */
public record UsagePeriod(Instant from, Instant to) {

  /** What a graph shows when nothing is asked: the last week. */
  public static final Duration DEFAULT = Duration.ofDays(7);

  /** About a quarter: 2 232 hourly points at most. */
  public static final Duration LONGEST = Duration.ofDays(93);

  /** How many hourly points {@link #LONGEST} holds at most. */
  public static final int MOST_HOURS = (int) LONGEST.toHours();

  /** The period asked for at {@code now}, or a 400 problem naming the field at fault. */
  public static UsagePeriod of(String fromText, String toText, Instant now) {
    Instant to = toText == null || toText.isBlank() ? now : instant(toText, "to");
    Instant from =
        fromText == null || fromText.isBlank() ? to.minus(DEFAULT) : instant(fromText, "from");
    if (!from.isBefore(to)) {
      throw ProblemException.invalidField("to", "must be after from");
    }
    if (Duration.between(from, to).compareTo(LONGEST) > 0) {
      throw ProblemException.invalidField("from", "at most 93 days before to");
    }
    if (!from.isBefore(now)) {
      throw ProblemException.invalidField("from", "must be in the past");
    }
    return new UsagePeriod(from, to);
  }

  private static Instant instant(String text, String field) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(
          field, "must be an ISO instant such as 2026-11-01T00:00:00Z");
    }
  }
}
