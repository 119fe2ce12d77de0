package io.vigie.monitoring.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigie.kit.problem.ProblemException;
import io.vigie.monitoring.consumption.GrowthForecast.GrowthTrend;
import io.vigie.monitoring.consumption.GrowthForecast.NoCrossing;
import io.vigie.monitoring.consumption.GrowthForecast.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Growth forecasts of synthetic series against hand-computed days, and why none is given. */
class GrowthForecastTest {

  static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
  static final double GB = 1e9;
  static final double TB = 1e12;

  /** Least squares over values of 10¹¹ bytes is exact to a few bytes, not to the byte. */
  static final org.assertj.core.data.Offset<Double> BYTES = within(16.0);

  /** An instant computed from such a line is exact to the millisecond it is rounded to. */
  static final org.assertj.core.data.TemporalUnitOffset MILLI =
      new org.assertj.core.data.TemporalUnitWithinOffset(1, java.time.temporal.ChronoUnit.MILLIS);

  /** Daily points at 02:00 from {@code first} days before now, {@code values} in GB. */
  static List<Point> daily(int first, double... values) {
    List<Point> out = new ArrayList<>();
    for (int k = 0; k < values.length; k++) {
      out.add(new Point(NOW.minus(Duration.ofDays(first - k)), values[k] * GB));
    }
    return out;
  }

  static List<Point> linear(int first, int count, double startGb, double perDayGb) {
    double[] values = new double[count];
    for (int k = 0; k < count; k++) {
      values[k] = startGb + perDayGb * k;
    }
    return daily(first, values);
  }

  @Test
  void aLinearSeriesGivesTheHandComputedDay() {
    // a 1 TB repository measured daily for 20 days, 300 GB growing 10 GB a day: the line is at
    // 500 GB now; 90 % (900 GB) is (900 - 500) / 10 = 40 days away, on 2027-01-09 at 02:00
    List<Point> points = linear(20, 20, 300, 10);
    GrowthTrend t = GrowthForecast.of(points, NOW, Duration.ofDays(30), TB, 90);
    assertThat(t.points()).isEqualTo(20);
    assertThat(t.slopePerDay()).isCloseTo(10 * GB, BYTES);
    assertThat(t.fittedNow()).isCloseTo(500 * GB, BYTES);
    assertThat(t.lastValue()).isEqualTo(490 * GB);
    assertThat(t.lastAt()).isEqualTo(Instant.parse("2026-11-29T02:00:00Z"));
    assertThat(t.threshold()).isEqualTo(900 * GB);
    assertThat(t.crossesAt()).isCloseTo(Instant.parse("2027-01-09T02:00:00Z"), MILLI);
    assertThat(t.daysUntil()).isEqualTo(40.0);
    assertThat(t.reason()).isNull();
    assertThat(t.forecasts())
        .extracting(GrowthForecast.GrowthValue::inDays)
        .containsExactly(30, 90, 180);
    assertThat(t.forecasts().get(0).value()).isCloseTo(800 * GB, BYTES);
    assertThat(t.forecasts().get(1).value()).isCloseTo(1400 * GB, BYTES);
    assertThat(t.forecasts().get(2).value()).isCloseTo(2300 * GB, BYTES);
    // at 80 %: (800 - 500) / 10 = 30 days
    assertThat(GrowthForecast.of(points, NOW, Duration.ofDays(30), TB, 80).crossesAt())
        .isCloseTo(Instant.parse("2026-12-30T02:00:00Z"), MILLI);
  }

  @Test
  void theWindowChoosesThePointsFitted() {
    // flat at 300 GB for 14 days, then 20 GB more a day for the last 6 (320 .. 420 GB)
    List<Point> points =
        daily(
            20, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 320, 340, 360,
            380, 400, 420);
    // the last 7 days hold 11-24 .. 11-29 (the point exactly 7 days back is outside): 20 GB a
    // day, 440 GB now, 900 GB in (900 - 440) / 20 = 23 days, on 2026-12-23 at 02:00
    GrowthTrend week = GrowthForecast.of(points, NOW, Duration.ofDays(7), TB, 90);
    assertThat(week.points()).isEqualTo(6);
    assertThat(week.windowStart()).isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
    assertThat(week.slopePerDay()).isCloseTo(20 * GB, BYTES);
    assertThat(week.crossesAt()).isCloseTo(Instant.parse("2026-12-23T02:00:00Z"), MILLI);
    // the month's line is flatter, so full comes later
    GrowthTrend month = GrowthForecast.of(points, NOW, Duration.ofDays(30), TB, 90);
    assertThat(month.points()).isEqualTo(20);
    assertThat(month.slopePerDay()).isLessThan(20 * GB);
    assertThat(month.crossesAt()).isAfter(week.crossesAt());
    // points after now are not fitted
    List<Point> withFuture = new ArrayList<>(linear(5, 5, 100, 1));
    withFuture.add(new Point(NOW.plus(Duration.ofDays(1)), 999 * GB));
    assertThat(GrowthForecast.of(withFuture, NOW, Duration.ofDays(30), TB, 90).slopePerDay())
        .isCloseTo(GB, BYTES);
  }

  @Test
  void noDateAndTheReasonWhenThereIsNone() {
    assertThat(GrowthForecast.of(daily(1, 100), NOW, Duration.ofDays(30), TB, 90))
        .satisfies(
            t -> {
              assertThat(t.reason()).isEqualTo(NoCrossing.NOT_ENOUGH_POINTS);
              assertThat(t.points()).isEqualTo(1);
              assertThat(t.lastValue()).isEqualTo(100 * GB);
              assertThat(t.slopePerDay()).isNull();
              assertThat(t.forecasts()).isEmpty();
              assertThat(t.crossesAt()).isNull();
            });
    assertThat(GrowthForecast.of(List.of(), NOW, Duration.ofDays(30), TB, 90).reason())
        .isEqualTo(NoCrossing.NOT_ENOUGH_POINTS);
    // no capacity: the trend and forecasts stand, without a threshold
    GrowthTrend unbounded =
        GrowthForecast.of(linear(20, 20, 300, 10), NOW, Duration.ofDays(30), null, 90);
    assertThat(unbounded.reason()).isEqualTo(NoCrossing.NO_CAPACITY);
    assertThat(unbounded.slopePerDay()).isEqualTo(10 * GB);
    assertThat(unbounded.forecasts()).hasSize(3);
    assertThat(unbounded.threshold()).isNull();
    assertThat(
            GrowthForecast.of(linear(10, 10, 500, -5), NOW, Duration.ofDays(30), TB, 90).reason())
        .isEqualTo(NoCrossing.SHRINKING);
    assertThat(GrowthForecast.of(linear(10, 10, 500, 0), NOW, Duration.ofDays(30), TB, 90).reason())
        .isEqualTo(NoCrossing.FLAT);
    // 0.1 GB a day from 500 GB: 900 GB in 4,000 days
    assertThat(
            GrowthForecast.of(linear(10, 10, 500, 0.1), NOW, Duration.ofDays(30), TB, 90).reason())
        .isEqualTo(NoCrossing.BEYOND_TEN_YEARS);
    // already beyond the threshold, even shrinking: it is crossed now
    GrowthTrend full = GrowthForecast.of(linear(10, 10, 960, -1), NOW, Duration.ofDays(30), TB, 90);
    assertThat(full.crossesAt()).isEqualTo(NOW);
    assertThat(full.daysUntil()).isZero();
    assertThat(full.reason()).isNull();
  }

  @Test
  void windowAndThresholdParametersAreBounded() {
    assertThat(GrowthForecast.window(null)).isEqualTo(Duration.ofDays(30));
    assertThat(GrowthForecast.window("P7D")).isEqualTo(Duration.ofDays(7));
    assertThat(GrowthForecast.window("PT24H")).isEqualTo(Duration.ofDays(1));
    for (String bad : List.of("PT23H", "P0D", "-P3D", "P401D", "soon", "30d")) {
      assertThatThrownBy(() -> GrowthForecast.window(bad))
          .isInstanceOf(ProblemException.class)
          .hasMessageStartingWith("window: ");
    }
    assertThat(GrowthForecast.thresholdPercent(null)).isEqualTo(90);
    assertThat(GrowthForecast.thresholdPercent("100")).isEqualTo(100);
    assertThat(GrowthForecast.thresholdPercent("72.5")).isEqualTo(72.5);
    for (String bad : List.of("0", "-5", "100.5", "NaN", "Infinity", "ninety")) {
      assertThatThrownBy(() -> GrowthForecast.thresholdPercent(bad))
          .isInstanceOf(ProblemException.class)
          .hasMessageStartingWith("thresholdPercent: ");
    }
  }
}
