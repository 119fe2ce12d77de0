package io.vigie.monitoring.consumption;

import io.vigie.monitoring.metrics.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A least-squares line through a series, as Prometheus' {@code predict_linear} fits it: time in
 * seconds relative to the evaluation instant, so {@link #intercept()} is the fitted value now and
 * {@link #slope()} the change per second. Plain Java.
 *
 * @param slope change per second
 * @param intercept the fitted value at {@code at}
 * @param at the instant the line is anchored to
 */
public record LinearTrend(double slope, double intercept, Instant at) {

  /** The fit of {@code samples} anchored at {@code at}; null with fewer than two distinct times. */
  public static LinearTrend fit(List<Sample> samples, Instant at) {
    int n = samples.size();
    if (n < 2) {
      return null;
    }
    long origin = at.toEpochMilli();
    double sumX = 0;
    double sumY = 0;
    double sumXy = 0;
    double sumX2 = 0;
    for (Sample s : samples) {
      double x = (s.timestampMillis() - origin) / 1000.0;
      sumX += x;
      sumY += s.value();
      sumXy += x * s.value();
      sumX2 += x * x;
    }
    double covXy = sumXy - sumX * sumY / n;
    double varX = sumX2 - sumX * sumX / n;
    if (varX == 0) {
      return null;
    }
    double slope = covXy / varX;
    double intercept = sumY / n - slope * sumX / n;
    return new LinearTrend(slope, intercept, at);
  }

  /** The value the line reaches {@code ahead} after {@link #at()}. */
  public double predict(Duration ahead) {
    return intercept + slope * (ahead.toMillis() / 1000.0);
  }

  /**
   * When the line reaches {@code threshold} from now on, or null when it does not: flat, or its
   * crossing is behind it (heading away, or beyond already — compare {@link #intercept()}).
   */
  public Instant reaches(double threshold) {
    if (slope == 0) {
      return threshold == intercept ? at : null;
    }
    double seconds = (threshold - intercept) / slope;
    return seconds < 0 ? null : at.plusMillis(Math.round(seconds * 1000));
  }

  /** Whole and fractional days from {@link #at()} until {@code threshold}, or null (never). */
  public Double daysUntil(double threshold) {
    Instant when = reaches(threshold);
    return when == null ? null : Duration.between(at, when).toMillis() / 86_400_000.0;
  }
}
