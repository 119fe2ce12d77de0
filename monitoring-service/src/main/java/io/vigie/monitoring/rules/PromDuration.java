package io.vigie.monitoring.rules;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written as Prometheus does ({@code 30s}, {@code 5m}, {@code 1h30m}) or ISO-8601. */
public final class PromDuration {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

  private PromDuration() {}

  /** Null for null; {@link IllegalArgumentException} for anything unreadable or negative. */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.startsWith("P") || text.startsWith("p")) {
      Duration iso = Duration.parse(text);
      if (iso.isNegative()) {
        throw new IllegalArgumentException("cannot be negative");
      }
      return iso;
    }
    Matcher m = PART.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
              });
      end = m.end();
    }
    if (end == 0 || end != text.length()) {
      throw new IllegalArgumentException("a duration such as 30s, 5m or 1h30m");
    }
    return total;
  }
}
