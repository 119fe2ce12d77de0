package io.vigie.monitoring.consumption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bandwidth at the 95th percentile, the way hosters bill it (PROTOCOLS.md): the month's 5-minute
 * average rates, inbound and outbound separately, sorted; the top 5 % of samples (rounded down)
 * discarded; the highest remaining one is the figure. Missing samples are not filled in. The billed
 * figure is the larger of inbound and outbound. Plain Java.
 */
public final class Percentile95 {

  private Percentile95() {}

  /** One 5-minute sample (bits per second). */
  public record Point(long slotStartMillis, double rxBps, double txBps) {}

  /**
   * A month's figures against a link's commitment: the 95th percentiles, how many samples there
   * were and were dropped, and the time spent above the commit and above the burst (by the larger
   * direction of each sample, 5 minutes per sample).
   */
  public record Figures(
      int samples,
      int discarded,
      double rxP95Bps,
      double txP95Bps,
      double maxP95Bps,
      long minutesAboveCommit,
      long minutesAboveBurst) {}

  /**
   * The 95th percentile of {@code values}: sorted, the top 5 % (floor) dropped, the highest left.
   */
  public static double of(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int discard = discarded(sorted.length);
    return sorted[sorted.length - 1 - discard];
  }

  /** How many of {@code n} samples the top 5 % are (rounded down, as hosters do). */
  public static int discarded(int n) {
    return n * 5 / 100;
  }

  /**
   * The figures of {@code points}; {@code commitBps} and {@code burstBps} may be null (no link
   * known, or no burst), then their time is 0.
   */
  public static Figures figures(List<Point> points, Double commitBps, Double burstBps) {
    double[] rx = new double[points.size()];
    double[] tx = new double[points.size()];
    long aboveCommit = 0;
    long aboveBurst = 0;
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      rx[i] = p.rxBps();
      tx[i] = p.txBps();
      double peak = Math.max(p.rxBps(), p.txBps());
      if (commitBps != null && peak > commitBps) {
        aboveCommit += 5;
      }
      if (burstBps != null && peak > burstBps) {
        aboveBurst += 5;
      }
    }
    double rxP95 = of(rx);
    double txP95 = of(tx);
    return new Figures(
        points.size(),
        discarded(points.size()),
        rxP95,
        txP95,
        Math.max(rxP95, txP95),
        aboveCommit,
        aboveBurst);
  }

  /**
   * The samples of several links summed slot by slot (a client's total): a slot counts once, with
   * the sum of the links that have it; a slot no link has stays missing.
   */
  public static List<Point> sum(List<List<Point>> links) {
    Map<Long, double[]> bySlot = new TreeMap<>();
    for (List<Point> link : links) {
      for (Point p : link) {
        double[] s = bySlot.computeIfAbsent(p.slotStartMillis(), k -> new double[2]);
        s[0] += p.rxBps();
        s[1] += p.txBps();
      }
    }
    List<Point> out = new ArrayList<>(bySlot.size());
    bySlot.forEach((slot, s) -> out.add(new Point(slot, s[0], s[1])));
    return out;
  }
}
