package io.vigie.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProbeScheduleTest {

  private static UUID id(int i) {
    return UUID.nameUUIDFromBytes(("check-" + i).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aCheckRunsAtItsPhasePlusWholeIntervals() {
    UUID check = id(1);
    long interval = 30_000;
    long phase = ProbeSchedule.phaseMillis(check, interval);
    assertThat(phase).isBetween(0L, interval - 1);
    long t = 1_800_000_000_000L;
    long first = ProbeSchedule.nextRunAtOrAfter(check, interval, t);
    assertThat(first).isGreaterThanOrEqualTo(t).isLessThan(t + interval);
    assertThat(Math.floorMod(first - phase, interval)).isZero();
    long second = ProbeSchedule.nextRunAfter(check, interval, first);
    assertThat(second - first).isEqualTo(interval);
    assertThat(ProbeSchedule.nextRunAtOrAfter(check, interval, first)).isEqualTo(first);
  }

  @Test
  void thePhaseIsStableAcrossCallsAndReplicas() {
    UUID check = UUID.fromString("0190c5e2-7a41-7cc3-9d0e-5b1f3a2e4c11");
    assertThat(ProbeSchedule.phaseMillis(check, 60_000))
        .isEqualTo(ProbeSchedule.phaseMillis(UUID.fromString(check.toString()), 60_000));
  }

  @Test
  void checksWithTheSameIntervalAreSpreadOverIt() {
    long interval = 30_000;
    int[] perSecond = new int[30];
    for (int i = 0; i < 30_000; i++) {
      perSecond[(int) (ProbeSchedule.phaseMillis(id(i), interval) / 1000)]++;
    }
    // 1000 per second on average; a hash that clumped would leave seconds far off that
    for (int count : perSecond) {
      assertThat(count).isBetween(850, 1150);
    }
  }
}
