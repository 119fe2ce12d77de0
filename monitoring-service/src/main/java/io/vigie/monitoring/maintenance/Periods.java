package io.vigie.monitoring.maintenance;

import io.vigie.kit.problem.ProblemException;
import io.vigie.monitoring.availability.Availability.Interval;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Periods asked for in query parameters, refused with a 400 naming the parameter at fault. */
public final class Periods {

  /** The longest period a request may ask about unless configured otherwise. */
  public static final Duration DEFAULT_MAX = Duration.ofDays(400);

  private Periods() {}

  /** Parses an ISO 8601 instant such as {@code 2026-11-01T00:00:00Z}; null stays null. */
  public static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(
          field, "must be an ISO 8601 instant such as 2026-11-01T00:00:00Z");
    }
  }

  /** {@code [from, to)}, both required, {@code to} after {@code from}, at most {@code max} long. */
  public static Interval of(String fromText, String toText, Duration max) {
    Instant from = instant("from", fromText);
    Instant to = instant("to", toText);
    if (from == null) {
      throw ProblemException.invalidField("from", "is required");
    }
    if (to == null) {
      throw ProblemException.invalidField("to", "is required");
    }
    return check(from, to, max);
  }

  /** Refuses {@code to <= from} (naming {@code to}) and a period longer than {@code max}. */
  public static Interval check(Instant from, Instant to, Duration max) {
    if (!to.isAfter(from)) {
      throw ProblemException.invalidField("to", "must be after from");
    }
    if (Duration.between(from, to).compareTo(max) > 0) {
      throw ProblemException.invalidField(
          "to", "the period is at most " + max.toDays() + " days long");
    }
    return new Interval(from, to);
  }
}
