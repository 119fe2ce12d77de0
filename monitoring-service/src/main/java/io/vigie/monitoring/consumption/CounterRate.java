package io.vigie.monitoring.consumption;

import io.vigie.monitoring.metrics.Sample;
import java.util.List;

/**
 * The average per-second rate of a counter over a period, as a hoster's 5-minute traffic sample:
 * the increase from the last sample at or before the period's start (else its first sample) to the
 * last one at or before its end, over the time between them. A drop is a counter reset (the
 * exporter or the machine restarted): the value after it is what was counted since. Plain Java.
 */
public final class CounterRate {

  private CounterRate() {}

  /**
   * Bytes (or whatever the counter counts) per second over {@code [fromMillis, toMillis)}, or null
   * when the samples cover less than {@code minCoverage} (0 to 1) of the period: a missing sample
   * is not made up.
   *
   * @param samples in timestamp order
   */
  public static Double perSecond(
      List<Sample> samples, long fromMillis, long toMillis, double minCoverage) {
    int first = -1;
    int last = -1;
    long oldestBaseline = fromMillis - (toMillis - fromMillis) / 2;
    for (int i = 0; i < samples.size(); i++) {
      long t = samples.get(i).timestampMillis();
      if (t < oldestBaseline) {
        continue;
      }
      if (t <= fromMillis) {
        first = i; // the latest at or before the start
      } else if (first < 0 && t < toMillis) {
        first = i;
      }
      if (t <= toMillis) {
        last = i;
      }
    }
    if (first < 0 || last <= first) {
      return null;
    }
    long start = Math.max(samples.get(first).timestampMillis(), fromMillis);
    long end = samples.get(last).timestampMillis();
    if (end - start < minCoverage * (toMillis - fromMillis) || end <= start) {
      return null;
    }
    double increase = 0;
    for (int i = first + 1; i <= last; i++) {
      double previous = samples.get(i - 1).value();
      double current = samples.get(i).value();
      increase += current >= previous ? current - previous : current;
    }
    long span = end - samples.get(first).timestampMillis();
    return increase / (span / 1000.0);
  }
}
