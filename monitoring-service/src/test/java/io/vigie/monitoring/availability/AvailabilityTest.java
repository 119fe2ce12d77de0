package io.vigie.monitoring.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.monitoring.availability.Availability.Interval;
import io.vigie.monitoring.availability.Availability.Report;
import io.vigie.monitoring.availability.Availability.StateChange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

  /** November 2026: 30 days = 43,200 minutes. */
  private static final Interval NOVEMBER =
      new Interval(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));

  @Test
  void aKnownHistoryGivesTheHandComputedFigure() {
    // down 10:00-10:12 on the 3rd, 02:00-02:30 on the 14th (a planned kernel update, in an
    // approved window 01:45-02:45), 23:55 on the 30th to the end of the month (5 min)
    List<StateChange> history =
        List.of(
            new StateChange(t("2026-11-03T10:00:00Z"), false),
            new StateChange(t("2026-11-03T10:12:00Z"), true),
            new StateChange(t("2026-11-14T02:00:00Z"), false),
            new StateChange(t("2026-11-14T02:30:00Z"), true),
            new StateChange(t("2026-11-30T23:55:00Z"), false));
    List<Interval> down = Availability.downtimes(history, true, NOVEMBER.start(), NOVEMBER.end());
    List<Interval> maintenance =
        List.of(new Interval(t("2026-11-14T01:45:00Z"), t("2026-11-14T02:45:00Z")));

    Report report = Availability.of(NOVEMBER, down, maintenance);

    // counted: 43,200 - 60 = 43,140 min; down: 12 + 5 = 17 min; (43,140 - 17) / 43,140 =
    // 99.96059...
    assertThat(report.counted()).isEqualTo(Duration.ofMinutes(43_140));
    assertThat(report.downtime()).isEqualTo(Duration.ofMinutes(17));
    assertThat(report.percent()).isEqualByComparingTo("99.960");
    assertThat(report.meets(new BigDecimal("99.95"))).isTrue();
    assertThat(report.meets(new BigDecimal("99.99"))).isFalse();
    assertThat(report.downtimes()).hasSize(2);
  }

  @Test
  void theContractLimitIsExactNotRounded() {
    // 99.95 % of 43,200 min allows exactly 21.6 min = 21 min 36 s
    Instant start = t("2026-11-10T00:00:00Z");
    Report atLimit =
        Availability.of(
            NOVEMBER, List.of(new Interval(start, start.plusSeconds(21 * 60 + 36))), List.of());
    Report overBySecond =
        Availability.of(
            NOVEMBER, List.of(new Interval(start, start.plusSeconds(21 * 60 + 37))), List.of());
    assertThat(atLimit.meets(new BigDecimal("99.95"))).isTrue();
    assertThat(overBySecond.meets(new BigDecimal("99.95"))).isFalse();
    assertThat(overBySecond.percent()).isEqualByComparingTo("99.949");
  }

  @Test
  void overlappingReportsAndIntervalsOutsideThePeriodCountOnce() {
    List<Interval> down =
        List.of(
            new Interval(
                t("2026-10-31T23:50:00Z"), t("2026-11-01T00:10:00Z")), // 10 min in November
            new Interval(t("2026-11-05T08:00:00Z"), t("2026-11-05T08:20:00Z")),
            new Interval(
                t("2026-11-05T08:10:00Z"), t("2026-11-05T08:30:00Z"))); // overlaps: 30 min in all
    Report report = Availability.of(NOVEMBER, down, List.of());
    assertThat(report.downtime()).isEqualTo(Duration.ofMinutes(40));
  }

  @Test
  void aServiceDownSinceBeforeThePeriodIsDownFromItsStart() {
    List<Interval> down =
        Availability.downtimes(
            List.of(new StateChange(t("2026-11-01T06:00:00Z"), true)),
            false,
            NOVEMBER.start(),
            NOVEMBER.end());
    assertThat(down).containsExactly(new Interval(NOVEMBER.start(), t("2026-11-01T06:00:00Z")));
  }

  private static Instant t(String instant) {
    return Instant.parse(instant);
  }
}
