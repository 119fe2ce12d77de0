package io.vigie.backup.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RPO compliance over November 2026 in Paris (2026-10-31T23:00Z to 2026-11-30T23:00Z, 720 h),
 * computed by hand.
 */
class RpoComplianceTest {

  private static final Instant FROM = Instant.parse("2026-10-31T23:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-30T23:00:00Z");

  private static Instant at(String utc) {
    return Instant.parse(utc);
  }

  @Test
  void nightlyFilesWithOneMissedNight() {
    // RPO 25 h; a point every night at 00:00Z except the night of the 10th (nothing at 11-10)
    List<Instant> points = new java.util.ArrayList<>();
    points.add(at("2026-10-31T00:00:00Z"));
    for (int day = 1; day <= 30; day++) {
      if (day != 10) {
        points.add(at(String.format("2026-11-%02dT00:00:00Z", day)));
      }
    }
    RpoCompliance.Result r =
        RpoCompliance.over(FROM, TO, at("2026-10-01T00:00:00Z"), Duration.ofHours(25), points);
    // the point of the 9th at 00:00 holds until the 10th at 01:00; the next comes on the 11th
    assertThat(r.breaches())
        .containsExactly(
            new RpoCompliance.Breach(at("2026-11-10T01:00:00Z"), at("2026-11-11T00:00:00Z")));
    assertThat(r.observed()).isEqualTo(Duration.ofHours(720));
    assertThat(r.within()).isEqualTo(Duration.ofHours(697));
    assertThat(r.share()).isEqualTo(697.0 / 720.0);
  }

  @Test
  void aPolicyWatchedFromMidMonthIsJudgedFromThenAndItsFirstRpo() {
    // watched from the 21st 12:00Z, RPO 2 h: first point at 15:00 (1 h late), then hourly to
    // the 25th 15:00, then nothing until the end of the month
    Instant since = at("2026-11-21T12:00:00Z");
    List<Instant> points = new java.util.ArrayList<>();
    for (Instant t = at("2026-11-21T15:00:00Z");
        !t.isAfter(at("2026-11-25T15:00:00Z"));
        t = t.plus(Duration.ofHours(1))) {
      points.add(t);
    }
    points.add(at("2026-12-05T00:00:00Z")); // after the month: ignored
    RpoCompliance.Result r = RpoCompliance.over(FROM, TO, since, Duration.ofHours(2), points);
    assertThat(r.breaches())
        .containsExactly(
            new RpoCompliance.Breach(at("2026-11-21T14:00:00Z"), at("2026-11-21T15:00:00Z")),
            new RpoCompliance.Breach(at("2026-11-25T17:00:00Z"), TO));
    // observed 21st 12:00Z to 30th 23:00Z = 9 d 11 h = 227 h; breached 1 h + 126 h
    assertThat(r.observed()).isEqualTo(Duration.ofHours(227));
    assertThat(r.within()).isEqualTo(Duration.ofHours(100));
  }

  @Test
  void aPolicyNotWatchedDuringTheMonthObservesNothing() {
    RpoCompliance.Result r =
        RpoCompliance.over(FROM, TO, at("2026-12-02T00:00:00Z"), Duration.ofHours(2), List.of());
    assertThat(r.observed()).isZero();
    assertThat(r.breaches()).isEmpty();
    assertThat(r.share()).isEqualTo(1.0);
  }
}
