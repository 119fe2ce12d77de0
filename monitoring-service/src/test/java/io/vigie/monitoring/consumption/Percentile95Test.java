package io.vigie.monitoring.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigie.monitoring.metrics.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * A known month (November 2026, 8 640 five-minute slots) of synthetic node_exporter byte counters
 * scraped every minute, with counter resets and one hour without a scrape, through the same rate
 * function the recorder uses and the 95th percentile: the figures equal the hand-computed ones, per
 * link and summed per client.
 */
class Percentile95Test {

  static final YearMonth MONTH = YearMonth.of(2026, 11);
  static final long START = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
  static final long SLOT = Duration.ofMinutes(5).toMillis();
  static final long MINUTE = 60_000;
  static final int SLOTS = 30 * 24 * 12;
  static final double MBPS = 1_000_000;

  /** The hour with no scrape: 14 November 10:00-11:00 (slots 3864 to 3875). */
  static final long GAP_FROM = Instant.parse("2026-11-14T10:00:00Z").toEpochMilli();

  static final long GAP_TO = GAP_FROM + Duration.ofHours(1).toMillis();

  /**
   * A byte counter scraped every minute of the month at the rate (bit/s) of each slot; scrapes in
   * the gap are missing (the counter still counts); at every 1000th scrape the exporter restarted
   * just after the previous scrape, so the counter holds only the last minute's bytes.
   */
  static List<Sample> counter(LongToDoubleFunction bpsOfSlot, boolean gap) {
    List<Sample> samples = new ArrayList<>();
    double value = 0;
    for (long t = START; t <= START + SLOTS * SLOT; t += MINUTE) {
      if (t > START) {
        double bytes = bpsOfSlot.applyAsDouble((t - MINUTE - START) / SLOT) * 60 / 8;
        long scrape = (t - START) / MINUTE;
        value = scrape % 1000 == 0 ? bytes : value + bytes; // reset: counted since the restart
      }
      if (gap && t > GAP_FROM && t < GAP_TO) {
        continue;
      }
      samples.add(new Sample(t, value));
    }
    return samples;
  }

  /** Each slot's rate as the recorder computes it (bit/s); the missing ones left out. */
  static List<Percentile95.Point> slots(List<Sample> rx, List<Sample> tx) {
    List<Percentile95.Point> points = new ArrayList<>();
    for (int i = 0; i < SLOTS; i++) {
      long from = START + i * SLOT;
      List<Sample> rxWindow = window(rx, from);
      List<Sample> txWindow = window(tx, from);
      Double in = CounterRate.perSecond(rxWindow, from, from + SLOT, 0.5);
      Double out = CounterRate.perSecond(txWindow, from, from + SLOT, 0.5);
      if (in != null && out != null) {
        points.add(new Percentile95.Point(from, in * 8, out * 8));
      }
    }
    return points;
  }

  private static List<Sample> window(List<Sample> samples, long from) {
    // what the head holds around the slot (it keeps 15 minutes); samples are in time order
    return samples.subList(
        firstAtOrAfter(samples, from - 10 * MINUTE), firstAtOrAfter(samples, from + 10 * MINUTE));
  }

  private static int firstAtOrAfter(List<Sample> samples, long t) {
    int low = 0;
    int high = samples.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (samples.get(mid).timestampMillis() < t) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  // link A (300 Mbit/s committed, burst to 1 Gbit/s), outside the gap: inbound 900 Mbit/s in 400
  // slots, 500 in 100, 100 otherwise; outbound 800 in 431 slots, 200 in one, 50 otherwise (the gap
  // swallows one 900 slot, 3867, and one 800 slot, 3871)
  static double aIn(long slot) {
    return (slot % 20 == 7 && slot < 8020 ? 900 : slot % 80 == 3 && slot < 8000 ? 500 : 100) * MBPS;
  }

  static double aOut(long slot) {
    return (slot % 20 == 11 ? 800 : slot == 5000 ? 200 : 50) * MBPS;
  }

  @Test
  void theRateFunctionHandlesResetsAndLeavesTheMissingHourOut() {
    List<Percentile95.Point> points =
        slots(counter(Percentile95Test::aIn, true), counter(Percentile95Test::aOut, true));
    assertThat(points).hasSize(SLOTS - 12);
    assertThat(points)
        .noneMatch(p -> p.slotStartMillis() >= GAP_FROM && p.slotStartMillis() < GAP_TO);
    // every slot's rate is exact, including the slots holding a reset (scrapes 1000, 2000 ...)
    for (Percentile95.Point p : points) {
      long slot = (p.slotStartMillis() - START) / SLOT;
      assertThat(p.rxBps()).as("slot %d", slot).isCloseTo(aIn(slot), within(1e-3));
      assertThat(p.txBps()).as("slot %d", slot).isCloseTo(aOut(slot), within(1e-3));
    }
  }

  @Test
  void aKnownMonthGivesTheHandComputedPercentilePerLinkAndPerClient() {
    // check the design of the month: what falls in the gap (slots 3864-3875)
    long bursts = countSlots(s -> aIn(s) == 900 * MBPS);
    long fivehundreds = countSlots(s -> aIn(s) == 500 * MBPS);
    long outPeaks = countSlots(s -> aOut(s) == 800 * MBPS);
    assertThat(bursts).isEqualTo(400);
    assertThat(fivehundreds).isEqualTo(100);
    assertThat(outPeaks).isEqualTo(431);

    List<Percentile95.Point> a =
        slots(counter(Percentile95Test::aIn, true), counter(Percentile95Test::aOut, true));
    // 8 628 samples: the top 431 (5 %, rounded down) dropped. Inbound, sorted from the top: 400
    // at 900 then 100 at 500 -> 400 + 31 dropped, 500 left on top. Outbound: the 431 at 800
    // dropped, 200 left. Billed: the larger, 500.
    Percentile95.Figures link = Percentile95.figures(a, 300 * MBPS, 1000 * MBPS);
    assertThat(link.samples()).isEqualTo(8628);
    assertThat(link.discarded()).isEqualTo(431);
    assertThat(link.rxP95Bps()).isEqualTo(500 * MBPS, within(1e-3));
    assertThat(link.txP95Bps()).isEqualTo(200 * MBPS, within(1e-3));
    assertThat(link.maxP95Bps()).isEqualTo(500 * MBPS, within(1e-3));
    // above the 300 Mbit/s commit: the 400 + 100 inbound peaks and the 431 outbound ones (never
    // the same slot: 7 and 11 mod 20; 3 mod 80 is neither), 5 minutes each; never above 1 Gbit/s
    assertThat(link.minutesAboveCommit()).isEqualTo((400 + 100 + 431) * 5L);
    assertThat(link.minutesAboveBurst()).isZero();

    // the client's second link B: 100 Mbit/s in, 10 out, every slot (no gap)
    List<Percentile95.Point> b =
        slots(counter(s -> 100 * MBPS, false), counter(s -> 10 * MBPS, false));
    assertThat(b).hasSize(SLOTS);
    List<Percentile95.Point> client = Percentile95.sum(List.of(a, b));
    // 8 640 slots (the gap's 12 have B only), 432 dropped. Inbound sums: 400 at 1000, 100 at
    // 600, the rest 200 (B alone in the gap: 100) -> 400 + 32 dropped, 600 on top.
    // Outbound sums: 431 at 810, 1 at 210, the rest 60 -> all 432 peaks dropped, 60 on top.
    Percentile95.Figures total = Percentile95.figures(client, null, null);
    assertThat(total.samples()).isEqualTo(8640);
    assertThat(total.discarded()).isEqualTo(432);
    assertThat(total.rxP95Bps()).isEqualTo(600 * MBPS, within(1e-3));
    assertThat(total.txP95Bps()).isEqualTo(60 * MBPS, within(1e-3));
    assertThat(total.maxP95Bps()).isEqualTo(600 * MBPS, within(1e-3));

    // and the report's figures in Mbit/s, with the month's expected sample count
    Bandwidth.MonthFigures figures = Bandwidth.figures(a, 300, 1000, MONTH);
    assertThat(figures.expectedSamples()).isEqualTo(8640);
    assertThat(figures.billedMbps()).isEqualTo(500.0);
    assertThat(figures.minutesInBurst()).isEqualTo((400 + 100 + 431) * 5L);
  }

  @Test
  void theTopFivePercentIsRoundedDown() {
    // 19 samples: 5 % is 0.95, nothing dropped; 20 samples: one dropped
    double[] nineteen = new double[19];
    for (int i = 0; i < 19; i++) {
      nineteen[i] = i + 1;
    }
    assertThat(Percentile95.of(nineteen)).isEqualTo(19);
    double[] twenty = new double[20];
    for (int i = 0; i < 20; i++) {
      twenty[i] = 20 - i;
    }
    assertThat(Percentile95.of(twenty)).isEqualTo(19);
    assertThat(Percentile95.of(new double[0])).isZero();
  }

  private static long countSlots(java.util.function.LongPredicate inMonthNotInGap) {
    long count = 0;
    for (long s = 0; s < SLOTS; s++) {
      long from = START + s * SLOT;
      if (from >= GAP_FROM && from < GAP_TO) {
        continue;
      }
      if (inMonthNotInGap.test(s)) {
        count++;
      }
    }
    return count;
  }
}
