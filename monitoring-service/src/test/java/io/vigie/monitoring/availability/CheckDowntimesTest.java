package io.vigie.monitoring.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.monitoring.availability.Availability.Interval;
import io.vigie.monitoring.availability.CheckDowntimes.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckDowntimesTest {

  private static final Instant FROM = t("2026-09-01T00:00:00Z");
  private static final Instant UNTIL = t("2026-10-01T00:00:00Z");

  @Test
  void aCheckIsDownFromCriticalUntilItsNextNonCriticalResult() {
    List<Sample> samples =
        List.of(
            new Sample("http", t("2026-09-10T10:00:00Z"), true),
            new Sample("http", t("2026-09-10T10:05:00Z"), true), // still down: no new interval
            new Sample("http", t("2026-09-10T10:43:00Z"), false),
            new Sample("http", t("2026-09-20T14:00:00Z"), true),
            new Sample("http", t("2026-09-20T14:05:00Z"), false));

    assertThat(CheckDowntimes.of(samples, FROM, UNTIL))
        .containsExactly(
            i("2026-09-10T10:00:00Z", "2026-09-10T10:43:00Z"),
            i("2026-09-20T14:00:00Z", "2026-09-20T14:05:00Z"));
  }

  @Test
  void warningAndUnknownCountAsUp() {
    List<Sample> samples =
        List.of(
            new Sample("http", t("2026-09-10T10:00:00Z"), true),
            new Sample("http", t("2026-09-10T10:10:00Z"), false), // WARNING: answering, slowly
            new Sample("http", t("2026-09-10T10:20:00Z"), false)); // UNKNOWN: the probe failed
    assertThat(CheckDowntimes.of(samples, FROM, UNTIL))
        .containsExactly(i("2026-09-10T10:00:00Z", "2026-09-10T10:10:00Z"));
  }

  @Test
  void theTargetIsDownWhileAnyOfItsChecksIs() {
    // http down 10:00-10:30, tls down 10:20-10:50: the service is down 10:00-10:50
    List<Sample> samples =
        List.of(
            new Sample("http", t("2026-09-10T10:00:00Z"), true),
            new Sample("tls", t("2026-09-10T10:20:00Z"), true),
            new Sample("http", t("2026-09-10T10:30:00Z"), false),
            new Sample("tls", t("2026-09-10T10:50:00Z"), false));
    Availability.Report report =
        Availability.of(
            new Interval(FROM, UNTIL), CheckDowntimes.of(samples, FROM, UNTIL), List.of());
    assertThat(report.downtimes())
        .containsExactly(i("2026-09-10T10:00:00Z", "2026-09-10T10:50:00Z"));
    assertThat(report.downtime()).isEqualTo(Duration.ofMinutes(50));
    assertThat(CheckDowntimes.checks(samples)).isEqualTo(2);
  }

  @Test
  void theLastResultBeforeThePeriodGivesTheStateAtItsStart() {
    List<Sample> samples =
        List.of(
            new Sample("http", t("2026-08-31T23:50:00Z"), true), // down since August
            new Sample("http", t("2026-09-01T00:20:00Z"), false),
            new Sample("ping", t("2026-08-31T23:00:00Z"), false),
            new Sample("disk", t("2026-09-30T23:55:00Z"), true)); // down until the end
    assertThat(CheckDowntimes.of(samples, FROM, UNTIL))
        .containsExactlyInAnyOrder(
            i("2026-09-01T00:00:00Z", "2026-09-01T00:20:00Z"),
            i("2026-09-30T23:55:00Z", "2026-10-01T00:00:00Z"));
  }

  @Test
  void resultsAfterThePeriodAreIgnored() {
    List<Sample> samples =
        List.of(
            new Sample("http", t("2026-09-30T23:00:00Z"), true),
            new Sample("http", t("2026-10-01T00:10:00Z"), false));
    assertThat(CheckDowntimes.of(samples, FROM, UNTIL))
        .containsExactly(i("2026-09-30T23:00:00Z", "2026-10-01T00:00:00Z"));
  }

  private static Interval i(String start, String end) {
    return new Interval(t(start), t(end));
  }

  private static Instant t(String instant) {
    return Instant.parse(instant);
  }
}
