package io.vigie.backup.rpo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** saint-roch's MySQL dump: RPO 2 h, copies in PAR-DC3 and PAR-DC5 (USE-CASES.md). */
class RpoWatchTest {

  private static final Duration RPO = Duration.ofHours(2);
  private static final Map<String, Duration> SITES =
      Map.of("PAR-DC3", Duration.ofHours(2), "PAR-DC5", Duration.ofHours(26));
  private static final Instant SINCE = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void freshCopiesInBothDatacentersKeepThePromise() {
    Instant now = Instant.parse("2026-11-21T12:30:00Z");
    RpoVerdict verdict =
        RpoWatch.judge(
            RPO,
            SITES,
            List.of(
                new RestorePoint(Instant.parse("2026-11-21T12:00:00Z"), "PAR-DC3"),
                new RestorePoint(Instant.parse("2026-11-21T01:00:00Z"), "PAR-DC5")),
            SINCE,
            now);
    assertThat(verdict.anyBreach()).isFalse();
    assertThat(verdict.age()).isEqualTo(Duration.ofMinutes(30));
    assertThat(verdict.sites())
        .extracting(RpoVerdict.SiteVerdict::datacenterCode, RpoVerdict.SiteVerdict::age)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PAR-DC3", Duration.ofMinutes(30)),
            org.assertj.core.groups.Tuple.tuple("PAR-DC5", Duration.ofMinutes(690)));
  }

  @Test
  void theRpoBreachesTheMomentTheNewestPointIsOlderThanIt() {
    List<RestorePoint> points =
        List.of(new RestorePoint(Instant.parse("2026-11-21T10:00:00Z"), "PAR-DC3"));
    assertThat(
            RpoWatch.judge(RPO, Map.of(), points, SINCE, Instant.parse("2026-11-21T12:00:00Z"))
                .breached())
        .isFalse();
    RpoVerdict late =
        RpoWatch.judge(RPO, Map.of(), points, SINCE, Instant.parse("2026-11-21T12:00:01Z"));
    assertThat(late.breached()).isTrue();
    assertThat(late.newest()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
  }

  @Test
  void aMissingSecondCopyInTheOtherDatacenterIsReportedEvenWhenTheRpoHolds() {
    Instant now = Instant.parse("2026-11-21T12:30:00Z");
    RpoVerdict verdict =
        RpoWatch.judge(
            RPO,
            SITES,
            List.of(new RestorePoint(Instant.parse("2026-11-21T12:00:00Z"), "PAR-DC3")),
            SINCE,
            now);
    assertThat(verdict.breached()).isFalse();
    assertThat(verdict.anyBreach()).isTrue();
    RpoVerdict.SiteVerdict dc5 = verdict.sites().get(1);
    assertThat(dc5.datacenterCode()).isEqualTo("PAR-DC5");
    assertThat(dc5.newest()).isNull();
    assertThat(dc5.breached()).isTrue();
  }

  @Test
  void aNewPolicyWithoutPointsWaitsOneRpoFromWhenItBegan() {
    Instant began = Instant.parse("2026-11-21T10:00:00Z");
    assertThat(
            RpoWatch.judge(RPO, Map.of(), List.of(), began, Instant.parse("2026-11-21T11:59:00Z"))
                .breached())
        .isFalse();
    RpoVerdict breached =
        RpoWatch.judge(RPO, Map.of(), List.of(), began, Instant.parse("2026-11-21T12:01:00Z"));
    assertThat(breached.breached()).isTrue();
    assertThat(breached.newest()).isNull();
  }
}
