package io.vigie.monitoring.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigie.monitoring.metrics.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Least-squares forecasts on synthetic series against hand-computed days. */
class LinearTrendTest {

  static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

  @Test
  void aLinearSeriesGivesTheHandComputedDay() {
    // a 500 GiB filesystem, 2 GiB more used every day, sampled hourly for the last 7 days: 114
    // GiB now. 90 % full is 450 GiB: (450 - 114) / 2 = 168 days, on 2027-05-17.
    List<Sample> used = new ArrayList<>();
    for (int h = 7 * 24; h >= 0; h--) {
      double days = (7 * 24 - h) / 24.0;
      used.add(new Sample(NOW.minus(Duration.ofHours(h)).toEpochMilli(), 100 + 2 * days));
    }
    LinearTrend trend = LinearTrend.fit(used, NOW);
    assertThat(trend.intercept()).isCloseTo(114, within(1e-9));
    assertThat(trend.slope() * 86_400).isCloseTo(2, within(1e-9));
    assertThat(trend.daysUntil(0.9 * 500)).isCloseTo(168, within(1e-6));
    assertThat(trend.reaches(450)).isEqualTo(Instant.parse("2027-05-17T00:00:00Z"));
    assertThat(trend.predict(Duration.ofDays(30))).isCloseTo(174, within(1e-9));
  }

  @Test
  void noDayWhenTheTrendIsFlatOrHeadingAway() {
    List<Sample> flat =
        List.of(
            new Sample(NOW.minusSeconds(120).toEpochMilli(), 10),
            new Sample(NOW.toEpochMilli(), 10));
    assertThat(LinearTrend.fit(flat, NOW).reaches(20)).isNull();
    List<Sample> falling =
        List.of(
            new Sample(NOW.minusSeconds(120).toEpochMilli(), 12),
            new Sample(NOW.toEpochMilli(), 10));
    assertThat(LinearTrend.fit(falling, NOW).daysUntil(20)).isNull();
    assertThat(LinearTrend.fit(falling, NOW).daysUntil(0))
        .isCloseTo(10 / 86_400.0 * 60, within(1e-9));
    assertThat(LinearTrend.fit(List.of(new Sample(NOW.toEpochMilli(), 1)), NOW)).isNull();
  }
}
