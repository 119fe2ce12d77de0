package io.vigie.monitoring.consumption;

import io.vigie.kit.problem.ProblemException;
import io.vigie.monitoring.metrics.Sample;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a growing quantity (a backup repository's storage, a filesystem, a host's RAM or CPU) is
 * heading: the least-squares line through its points over a chosen window ({@link LinearTrend}, the
 * fit {@code PREDICT} and the capacity report use), read at 30, 90 and 180 days, and the instant it
 * reaches a threshold — a share of the capacity, 90 % unless asked otherwise ("full in 12 days").
 * When there is no such instant the reason is said: too few points, no capacity known, flat,
 * shrinking, or more than ten years away. A quantity already at or beyond the threshold crosses it
 * now. Plain Java.
 */
public final class GrowthForecast {

  /** The days ahead the line is read at. */
  static final List<Integer> HORIZONS = List.of(30, 90, 180);

  /** Beyond this many days a crossing is not a plan: none is given. */
  static final double MAX_DAYS = 3650;

  /**
   * Below this change per day, relative to the line's value now, the line is flat (a constant
   * series of large values fits a slope of rounding noise).
   */
  static final double FLAT_PER_DAY = 1e-9;

  public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
  public static final Duration MIN_WINDOW = Duration.ofDays(1);
  public static final Duration MAX_WINDOW = Duration.ofDays(400);
  public static final double DEFAULT_THRESHOLD_PERCENT = 90;

  private GrowthForecast() {}

  /** Why no threshold date is given. */
  public enum NoCrossing {
    /** Fewer than two points (at distinct instants) in the window: no line. */
    NOT_ENOUGH_POINTS,
    /** No capacity is known, so no threshold: the trend and forecasts stand alone. */
    NO_CAPACITY,
    /** The line neither grows nor shrinks. */
    FLAT,
    /** The line goes down: it never reaches the threshold from below. */
    SHRINKING,
    /** The line reaches it more than ten years from now. */
    BEYOND_TEN_YEARS
  }

  /** One measured point: when, and the value then. */
  public record Point(Instant at, double value) {}

  /** The value the line gives {@code inDays} days after the forecast's instant (never below 0). */
  public record GrowthValue(int inDays, double value) {}

  /**
   * The trend of a quantity and when it reaches its threshold.
   *
   * @param at the instant the line is anchored to (the request's "now")
   * @param windowStart the window's start: points after it, up to {@code at}, are fitted
   * @param points the points fitted
   * @param lastValue the last point's value, null without points
   * @param lastAt when it was measured
   * @param slopePerDay the line's change per day, null without a line
   * @param fittedNow the line's value at {@code at}, null without a line
   * @param forecasts the line at 30, 90 and 180 days (empty without a line)
   * @param capacity what "full" is, null when not known
   * @param thresholdPercent the share of the capacity the threshold is at
   * @param threshold capacity × thresholdPercent / 100, null without a capacity
   * @param crossesAt when the line reaches the threshold ({@code at} when already beyond it), null
   *     with a {@code reason}
   * @param daysUntil days from {@code at} to {@code crossesAt}
   * @param reason why there is no {@code crossesAt}, null when there is one
   */
  public record GrowthTrend(
      Instant at,
      Instant windowStart,
      int points,
      Double lastValue,
      Instant lastAt,
      Double slopePerDay,
      Double fittedNow,
      List<GrowthValue> forecasts,
      Double capacity,
      double thresholdPercent,
      Double threshold,
      Instant crossesAt,
      Double daysUntil,
      NoCrossing reason) {}

  /**
   * The trend of {@code points} (any order; those outside ({@code at − window}, {@code at}] are
   * left out) against {@code capacity} (null: unknown) at {@code thresholdPercent}.
   */
  public static GrowthTrend of(
      List<Point> points, Instant at, Duration window, Double capacity, double thresholdPercent) {
    Instant start = at.minus(window);
    List<Point> within =
        points.stream()
            .filter(p -> p.at().isAfter(start) && !p.at().isAfter(at))
            .sorted(java.util.Comparator.comparing(Point::at))
            .toList();
    List<Sample> samples = new ArrayList<>(within.size());
    within.forEach(p -> samples.add(new Sample(p.at().toEpochMilli(), p.value())));
    Point last = within.isEmpty() ? null : within.get(within.size() - 1);
    Double threshold = capacity == null ? null : capacity * thresholdPercent / 100;
    LinearTrend line = LinearTrend.fit(samples, at);
    if (line == null) {
      return new GrowthTrend(
          at,
          start,
          within.size(),
          last == null ? null : last.value(),
          last == null ? null : last.at(),
          null,
          null,
          List.of(),
          capacity,
          thresholdPercent,
          threshold == null ? null : round(threshold),
          null,
          null,
          NoCrossing.NOT_ENOUGH_POINTS);
    }
    List<GrowthValue> forecasts = new ArrayList<>();
    for (int days : HORIZONS) {
      forecasts.add(new GrowthValue(days, round(Math.max(0, line.predict(Duration.ofDays(days))))));
    }
    double perDay = line.slope() * 86_400;
    double flat = FLAT_PER_DAY * Math.max(1, Math.abs(line.intercept()));
    Instant crossesAt = null;
    NoCrossing reason = null;
    if (threshold == null) {
      reason = NoCrossing.NO_CAPACITY;
    } else if (line.intercept() >= threshold) {
      crossesAt = at;
    } else if (perDay < -flat) {
      reason = NoCrossing.SHRINKING;
    } else if (perDay <= flat) {
      reason = NoCrossing.FLAT;
    } else {
      double days = (threshold - line.intercept()) / perDay;
      if (days > MAX_DAYS) {
        reason = NoCrossing.BEYOND_TEN_YEARS;
      } else {
        crossesAt = at.plusMillis(Math.round(days * 86_400_000));
      }
    }
    return new GrowthTrend(
        at,
        start,
        within.size(),
        last.value(),
        last.at(),
        round(perDay),
        round(line.intercept()),
        forecasts,
        capacity,
        thresholdPercent,
        threshold == null ? null : round(threshold),
        crossesAt,
        crossesAt == null ? null : round(Duration.between(at, crossesAt).toMillis() / 86_400_000.0),
        reason);
  }

  /** The {@code window} query parameter: an ISO 8601 duration from 1 to 400 days, default 30. */
  public static Duration window(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_WINDOW;
    }
    Duration window;
    try {
      window = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField("window", "must be an ISO 8601 duration such as P30D");
    }
    if (window.compareTo(MIN_WINDOW) < 0) {
      throw ProblemException.invalidField("window", "must be at least P1D");
    }
    if (window.compareTo(MAX_WINDOW) > 0) {
      throw ProblemException.invalidField("window", "must be at most P400D");
    }
    return window;
  }

  /** The {@code thresholdPercent} query parameter: more than 0, at most 100, default 90. */
  public static double thresholdPercent(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_THRESHOLD_PERCENT;
    }
    double percent;
    try {
      percent = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField("thresholdPercent", "must be a number such as 90");
    }
    if (!(percent > 0 && percent <= 100)) {
      throw ProblemException.invalidField("thresholdPercent", "must be more than 0, at most 100");
    }
    return percent;
  }

  static double round(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }
}
