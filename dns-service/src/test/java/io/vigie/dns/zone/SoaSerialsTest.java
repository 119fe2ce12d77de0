package io.vigie.dns.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SoaSerialsTest {

  private static SoaSerials at(String instant) {
    return new SoaSerials(Clock.fixed(Instant.parse(instant), ZoneId.of("Europe/Paris")));
  }

  @Test
  void firstChangeOfTheDayStartsAtZeroAndLaterOnesCount() {
    SoaSerials serials = at("2026-11-29T22:00:00Z");
    assertThat(serials.first()).isEqualTo(2026112900L);
    assertThat(serials.next(2026112900L)).isEqualTo(2026112901L);
    assertThat(serials.next(2026112901L)).isEqualTo(2026112902L);
  }

  @Test
  void aNewDayRestartsTheCounterInUtcWhateverTheClockZone() {
    // 23:30 UTC is already Nov 30 in Paris; serials follow UTC
    assertThat(at("2026-11-29T23:30:00Z").next(2026112807L)).isEqualTo(2026112900L);
    assertThat(at("2026-11-30T00:00:00Z").next(2026112957L)).isEqualTo(2026113000L);
  }

  @Test
  void neverGoesBackwards() {
    SoaSerials serials = at("2026-11-29T10:00:00Z");
    // a hundredth change of the day borrows tomorrow's numbers
    assertThat(serials.next(2026112999L)).isEqualTo(2026113000L);
    // an imported zone with a counter serial ahead of the date keeps counting
    assertThat(serials.next(2030010100L)).isEqualTo(2030010101L);
    assertThatThrownBy(() -> serials.next(SoaSerials.MAX))
        .isInstanceOf(IllegalStateException.class);
  }
}
