package io.vigie.benchmarks;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * A handful of measured values (tens, not millions: each is a whole alert round) with nearest-rank
 * percentiles: of 40 values, p50 is the 20th smallest, p90 the 36th and p99 the largest, which is
 * why the report shows the count next to them.
 */
record Distribution(double[] sorted) {

  static Distribution of(Collection<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return new Distribution(sorted);
  }

  int count() {
    return sorted.length;
  }

  /** Nearest rank: the smallest value with at least {@code percentile} % of them at or below. */
  double percentile(double percentile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
  }

  double min() {
    return sorted.length == 0 ? Double.NaN : sorted[0];
  }

  double max() {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
  }

  double mean() {
    return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(Double.NaN);
  }

  /** Table cells {@code p50 | p90 | p99 | max}, in milliseconds. */
  String percentileCells() {
    return ms(percentile(50))
        + " | "
        + ms(percentile(90))
        + " | "
        + ms(percentile(99))
        + " | "
        + ms(max());
  }

  /** Milliseconds as the report writes them: {@code 4 873 ms}, {@code 61.2 ms}. */
  static String ms(double millis) {
    if (Double.isNaN(millis)) {
      return "n/a";
    }
    return Math.abs(millis) >= 100
        ? String.format(Locale.ROOT, "%,.0f ms", millis).replace(',', ' ')
        : String.format(Locale.ROOT, "%.1f ms", millis);
  }
}
