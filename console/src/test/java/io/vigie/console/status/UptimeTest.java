package io.vigie.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.console.api.Interval;
import io.vigie.console.api.TargetAvailability;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UptimeTest {

  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final Instant FROM = Instant.parse("2026-09-02T00:00:00Z");

  static Interval at(String start, String end) {
    return new Interval(Instant.parse(start), Instant.parse(end));
  }

  static TargetAvailability target(List<Interval> down, List<Interval> maintenance) {
    Duration maintained =
        maintenance.stream()
            .map(i -> Duration.between(i.start(), i.end()))
            .reduce(Duration.ZERO, Duration::plus);
    return new TargetAvailability(
        FROM,
        NOW,
        NOW,
        null,
        Duration.between(FROM, NOW).minus(maintained),
        maintained,
        3,
        down,
        maintenance);
  }

  static Uptime.Day day(Uptime uptime, String date) {
    return uptime.days().stream()
        .filter(d -> d.date().equals(LocalDate.parse(date)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void ninetyUtcDaysEndingTodayAndADownDayCutNeverRoundedUp() {
    Uptime uptime =
        Uptime.of(
            List.of(target(List.of(at("2026-11-10T08:00:00Z", "2026-11-10T10:00:00Z")), List.of())),
            NOW);

    assertThat(Uptime.from(NOW)).isEqualTo(FROM);
    assertThat(uptime.days()).hasSize(90);
    assertThat(uptime.days().get(0).date()).isEqualTo(LocalDate.parse("2026-09-02"));
    assertThat(uptime.days().get(89).date()).isEqualTo(LocalDate.parse("2026-11-30"));
    Uptime.Day down = day(uptime, "2026-11-10");
    assertThat(down.percent()).isEqualByComparingTo("91.66"); // 22 of 24 hours
    assertThat(down.down()).isEqualTo(Duration.ofHours(2));
    assertThat(down.level()).isEqualTo("major");
    assertThat(down.label()).isEqualTo("2026-11-10: 91.66 %");
    assertThat(day(uptime, "2026-11-11").level()).isEqualTo("up");
    // today counts until now: 89 days and 12 hours measured, 2 hours down: 99.9068... cut to 99.90
    assertThat(uptime.percent()).isEqualByComparingTo("99.90");
    assertThat(uptime.percentText()).isEqualTo("99.90");
    assertThat(uptime.daysWithDowntime()).isEqualTo(1);
  }

  @Test
  void thePlatformIsDownWhileAnyTargetIsAndMaintenanceIsNeitherMeasuredNorDown() {
    Uptime uptime =
        Uptime.of(
            List.of(
                target(List.of(at("2026-11-10T08:00:00Z", "2026-11-10T10:00:00Z")), List.of()),
                target(
                    List.of(
                        at("2026-11-10T09:00:00Z", "2026-11-10T11:00:00Z"),
                        at("2026-11-12T21:00:00Z", "2026-11-12T23:00:00Z")),
                    List.of(at("2026-11-12T22:00:00Z", "2026-11-13T00:00:00Z")))),
            NOW);

    assertThat(day(uptime, "2026-11-10").down()).isEqualTo(Duration.ofHours(3));
    // 22 hours measured, 1 hour down outside the maintenance: 95.4545... cut to 95.45
    assertThat(day(uptime, "2026-11-12").percent()).isEqualByComparingTo("95.45");
    assertThat(day(uptime, "2026-11-12").level()).isEqualTo("major");
  }

  @Test
  void timeMonitoringDidNotCountIsNoDataAndNothingMeasuredIsNoData() {
    Instant since = Instant.parse("2026-11-20T12:00:00Z");
    TargetAvailability lately =
        new TargetAvailability(
            FROM,
            NOW,
            NOW,
            null,
            Duration.between(since, NOW),
            Duration.ZERO,
            1,
            List.of(),
            List.of());

    Uptime uptime = Uptime.of(List.of(lately), NOW);

    assertThat(day(uptime, "2026-11-19").level()).isEqualTo("none");
    assertThat(day(uptime, "2026-11-19").label()).isEqualTo("2026-11-19: —");
    assertThat(day(uptime, "2026-11-20").percent()).isEqualByComparingTo(BigDecimal.valueOf(100));
    assertThat(uptime.percent()).isEqualByComparingTo("100");

    TargetAvailability unchecked =
        new TargetAvailability(
            FROM, NOW, NOW, null, Duration.ZERO, Duration.ZERO, 0, List.of(), List.of());
    Uptime none = Uptime.of(List.of(unchecked), NOW);
    assertThat(none.percent()).isNull();
    assertThat(none.days()).allMatch(d -> d.level().equals("none"));
    assertThat(Uptime.of(List.of(), NOW).percent()).isNull();
  }

  /**
   * Monitoring counts a target's time before its first check as up: over 90 days, a target first
   * checked on 20 November at 15:00 answers a whole period measured. The hour it was first checked
   * makes the days before it no data, not 100 %.
   */
  @Test
  void daysBeforeTheFirstCheckAreNoDataNotAHundredPercent() {
    TargetAvailability asMonitoringAnswers =
        target(List.of(at("2026-11-25T10:00:00Z", "2026-11-25T11:00:00Z")), List.of());
    Instant firstChecked = Instant.parse("2026-11-20T15:00:00Z");

    Uptime before = Uptime.of(List.of(asMonitoringAnswers), NOW);
    assertThat(day(before, "2026-09-02").level()).isEqualTo("up");

    Uptime uptime =
        Uptime.measured(List.of(new Uptime.Measured(asMonitoringAnswers, firstChecked)), NOW);
    assertThat(uptime.days().subList(0, 79)).allMatch(d -> d.level().equals("none"));
    assertThat(day(uptime, "2026-11-19").label()).isEqualTo("2026-11-19: —");
    // the first day counts from 15:00: nine hours, all up
    assertThat(day(uptime, "2026-11-20").percent()).isEqualByComparingTo("100");
    // 9 days and 9 + 12 hours measured (237 h), one down: 99.578... cut to 99.57
    assertThat(uptime.percent()).isEqualByComparingTo("99.57");
    assertThat(uptime.since()).isEqualTo("2026-11-20");
    assertThat(before.since()).isNull();

    // a target checked since before the period, beside it: the platform is measured all along
    Uptime both =
        Uptime.measured(
            List.of(
                new Uptime.Measured(asMonitoringAnswers, firstChecked),
                new Uptime.Measured(target(List.of(), List.of()), null)),
            NOW);
    assertThat(both.days()).noneMatch(d -> d.level().equals("none"));
    assertThat(both.since()).isNull();
  }

  @Test
  void levelsSayHowBadADayWas() {
    LocalDate d = LocalDate.parse("2026-11-30");
    assertThat(new Uptime.Day(d, new BigDecimal("100.00"), Duration.ZERO).level()).isEqualTo("up");
    assertThat(new Uptime.Day(d, new BigDecimal("99.50"), Duration.ZERO).level())
        .isEqualTo("minor");
    assertThat(new Uptime.Day(d, new BigDecimal("98.99"), Duration.ZERO).level())
        .isEqualTo("major");
    assertThat(new Uptime.Day(d, null, Duration.ZERO).level()).isEqualTo("none");
  }
}
