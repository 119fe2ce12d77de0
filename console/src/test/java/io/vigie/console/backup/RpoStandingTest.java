package io.vigie.console.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RpoStandingTest {

  static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  static final Duration TWO_HOURS = Duration.ofHours(2);

  @Test
  void withinUntilTheLastQuarterOfTheRpoThenAtRiskThenBreached() {
    assertThat(RpoStanding.of(TWO_HOURS, NOW.minus(Duration.ofMinutes(10)), NOW))
        .isEqualTo(RpoStanding.WITHIN);
    assertThat(RpoStanding.of(TWO_HOURS, NOW.minus(Duration.ofMinutes(89)), NOW))
        .isEqualTo(RpoStanding.WITHIN);
    assertThat(RpoStanding.of(TWO_HOURS, NOW.minus(Duration.ofMinutes(90)), NOW))
        .isEqualTo(RpoStanding.AT_RISK);
    assertThat(RpoStanding.of(TWO_HOURS, NOW.minus(TWO_HOURS), NOW)).isEqualTo(RpoStanding.AT_RISK);
    assertThat(RpoStanding.of(TWO_HOURS, NOW.minus(TWO_HOURS).minusSeconds(1), NOW))
        .isEqualTo(RpoStanding.BREACHED);
  }

  @Test
  void noGoodCopyYetAndNoRpoPromised() {
    assertThat(RpoStanding.of(TWO_HOURS, null, NOW)).isEqualTo(RpoStanding.NO_GOOD_COPY);
    assertThat(RpoStanding.of(null, NOW, NOW)).isEqualTo(RpoStanding.NONE);
    assertThat(RpoStanding.of(Duration.ZERO, null, NOW)).isEqualTo(RpoStanding.NONE);
    assertThat(RpoStanding.AT_RISK.css()).isEqualTo("at-risk");
  }
}
