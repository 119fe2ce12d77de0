package io.vigie.monitoring.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.monitoring.alerting.AlertLifecycle.Change;
import io.vigie.monitoring.alerting.AlertLifecycle.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {

  private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");
  private static final AlertLifecycle.Timing FIVE_MINUTES_TWO_CLEAR =
      new AlertLifecycle.Timing(Duration.ofMinutes(5), Duration.ofMinutes(2));

  @Test
  void firesOnceTheConditionHeldForItsDurationAndKeepsItsStartTime() {
    AlertLifecycle alert = new AlertLifecycle(FIVE_MINUTES_TWO_CLEAR);
    assertThat(alert.observe(true, at(0))).isEmpty();
    assertThat(alert.status()).isEqualTo(Status.PENDING);
    assertThat(alert.observe(true, at(4))).isEmpty();
    Optional<Change> fired = alert.observe(true, at(5));
    assertThat(fired).contains(new Change(Change.Kind.FIRED, at(0), at(5)));
    assertThat(alert.observe(true, at(6))).isEmpty(); // one alert, not one per evaluation
  }

  @Test
  void aBlipShorterThanForNeverFires() {
    AlertLifecycle alert = new AlertLifecycle(FIVE_MINUTES_TWO_CLEAR);
    alert.observe(true, at(0));
    alert.observe(false, at(3));
    assertThat(alert.status()).isEqualTo(Status.INACTIVE);
    assertThat(alert.observe(true, at(4))).isEmpty();
    assertThat(alert.observe(true, at(8))).isEmpty(); // the clock restarted at 4
    assertThat(alert.observe(true, at(9))).map(Change::kind).contains(Change.Kind.FIRED);
  }

  @Test
  void resolvesOnlyAfterStayingClearAndDampsFlapping() {
    AlertLifecycle alert =
        new AlertLifecycle(new AlertLifecycle.Timing(Duration.ZERO, Duration.ofMinutes(2)));
    List<Change> changes = new ArrayList<>();
    boolean[] flapping = {true, false, true, false, true, false, true};
    for (int minute = 0; minute < flapping.length; minute++) {
      alert.observe(flapping[minute], at(minute)).ifPresent(changes::add);
    }
    assertThat(changes).extracting(Change::kind).containsExactly(Change.Kind.FIRED);
    assertThat(alert.flaps()).isEqualTo(3);

    alert.observe(false, at(10));
    Optional<Change> resolved = alert.observe(false, at(12));
    assertThat(resolved).contains(new Change(Change.Kind.RESOLVED, at(0), at(10)));
    assertThat(alert.status()).isEqualTo(Status.INACTIVE);
  }

  @Test
  void lateObservationsChangeNothing() {
    AlertLifecycle alert =
        new AlertLifecycle(new AlertLifecycle.Timing(Duration.ZERO, Duration.ZERO));
    assertThat(alert.observe(true, at(5))).map(Change::kind).contains(Change.Kind.FIRED);
    assertThat(alert.observe(false, at(4))).isEmpty();
    assertThat(alert.status()).isEqualTo(Status.FIRING);
  }

  @Test
  void aRestoredFiringAlertDoesNotFireAgainAndStillResolves() {
    AlertLifecycle alert = new AlertLifecycle(FIVE_MINUTES_TWO_CLEAR);
    alert.observe(true, at(0));
    alert.observe(true, at(5));
    AlertLifecycle restored =
        AlertLifecycle.restore(
            FIVE_MINUTES_TWO_CLEAR,
            alert.status(),
            alert.breachingSince(),
            alert.clearSince(),
            alert.lastObservation(),
            alert.flaps());
    assertThat(restored.observe(true, at(6))).isEmpty();
    restored.observe(false, at(7));
    assertThat(restored.observe(false, at(9))).map(Change::kind).contains(Change.Kind.RESOLVED);
  }

  private static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }
}
