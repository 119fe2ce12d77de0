package io.vigie.console.wall;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.console.api.ClockView;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GtiCountdownTest {

  private static final Instant STARTED = Instant.parse("2026-11-30T02:14:00Z");
  private static final Duration ONE_HOUR = Duration.ofHours(1);

  private static ClockView running(Duration target) {
    return new ClockView(target, "RUNNING", STARTED, STARTED.plus(target), null, null);
  }

  @Test
  void aRunningClockCountsDownTheTimeLeft() {
    GtiCountdown gti = GtiCountdown.of(running(ONE_HOUR), STARTED.plus(Duration.ofMinutes(18)));
    assertThat(gti.state()).isEqualTo(GtiCountdown.State.RUNNING);
    assertThat(gti.remaining()).isEqualTo(Duration.ofMinutes(42));
    assertThat(gti.amount()).isEqualTo("42 min");
    assertThat(gti.urgent()).isFalse();
  }

  @Test
  void turnsUrgentInItsLastQuarterBeforeTheBreach() {
    assertThat(GtiCountdown.of(running(ONE_HOUR), STARTED.plus(Duration.ofMinutes(44))).state())
        .isEqualTo(GtiCountdown.State.RUNNING);
    GtiCountdown gti = GtiCountdown.of(running(ONE_HOUR), STARTED.plus(Duration.ofMinutes(45)));
    assertThat(gti.state()).isEqualTo(GtiCountdown.State.URGENT);
    assertThat(gti.urgent()).isTrue();
    assertThat(gti.running()).isTrue();
  }

  @Test
  void aShortTargetIsUrgentForItsLastFifteenMinutes() {
    Duration twenty = Duration.ofMinutes(20);
    assertThat(GtiCountdown.of(running(twenty), STARTED.plus(Duration.ofMinutes(4))).state())
        .isEqualTo(GtiCountdown.State.RUNNING);
    assertThat(GtiCountdown.of(running(twenty), STARTED.plus(Duration.ofMinutes(5))).state())
        .isEqualTo(GtiCountdown.State.URGENT);
  }

  @Test
  void aLongTargetIsUrgentForItsLastQuarter() {
    Duration fourHours = Duration.ofHours(4);
    assertThat(GtiCountdown.of(running(fourHours), STARTED.plus(Duration.ofMinutes(179))).state())
        .isEqualTo(GtiCountdown.State.RUNNING);
    assertThat(GtiCountdown.of(running(fourHours), STARTED.plus(Duration.ofMinutes(180))).state())
        .isEqualTo(GtiCountdown.State.URGENT);
  }

  @Test
  void isBreachedAtTheDeadlineAndNoLongerUrgent() {
    GtiCountdown atDeadline = GtiCountdown.of(running(ONE_HOUR), STARTED.plus(ONE_HOUR));
    assertThat(atDeadline.state()).isEqualTo(GtiCountdown.State.BREACHED);
    assertThat(atDeadline.urgent()).isFalse();
    GtiCountdown later = GtiCountdown.of(running(ONE_HOUR), STARTED.plus(Duration.ofMinutes(125)));
    assertThat(later.breached()).isTrue();
    assertThat(later.amount()).isEqualTo("1 h 05 min");
  }

  @Test
  void aStoppedClockIsMetOrBreachedForGood() {
    ClockView met = new ClockView(ONE_HOUR, "STOPPED", STARTED, STARTED.plus(ONE_HOUR), 50, true);
    assertThat(GtiCountdown.of(met, STARTED.plus(Duration.ofHours(5))).state())
        .isEqualTo(GtiCountdown.State.MET);
    ClockView missed =
        new ClockView(ONE_HOUR, "STOPPED", STARTED, STARTED.plus(ONE_HOUR), 100, false);
    assertThat(GtiCountdown.of(missed, STARTED.plus(Duration.ofHours(5))).state())
        .isEqualTo(GtiCountdown.State.BREACHED);
  }

  @Test
  void aPausedClockIsNeitherCountingNorRed() {
    ClockView paused = new ClockView(ONE_HOUR, "PAUSED", STARTED, null, null, null);
    GtiCountdown gti = GtiCountdown.of(paused, STARTED.plus(Duration.ofMinutes(59)));
    assertThat(gti.state()).isEqualTo(GtiCountdown.State.PAUSED);
    assertThat(gti.urgent()).isFalse();
  }

  @Test
  void noClockIsNoGti() {
    assertThat(GtiCountdown.of(null, STARTED).state()).isEqualTo(GtiCountdown.State.NONE);
  }
}
