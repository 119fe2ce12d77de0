package io.vigie.ticket.clock;

import static io.vigie.ticket.clock.SupportCalendarTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.ticket.clock.ContractClock.Crossing;
import io.vigie.ticket.clock.ContractClock.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every expected instant was computed by hand; Paris is UTC+1 in November and December. */
class ContractClockTest {

  final SupportCalendar always = SupportCalendar.always();
  final SupportCalendar office = SupportCalendarTest.parisOffice();

  @Nested
  class Deadlines {

    @Test
    void aRunningClockEndsAfterItsTargetInSupportTime() {
      ContractClock gti =
          ContractClock.start(always, Duration.ofHours(1), at("2026-11-30T16:00:00Z"));
      assertThat(gti.deadline()).contains(at("2026-11-30T17:00:00Z"));
      ContractClock business =
          ContractClock.start(office, Duration.ofHours(1), at("2026-11-27T16:55:00Z"));
      assertThat(business.deadline()).contains(at("2026-11-30T08:55:00Z"));
      assertThat(business.consumedAt(at("2026-11-30T08:30:00Z"))).isEqualTo(Duration.ofMinutes(35));
    }

    @Test
    void theClockOfAnAlertStartsAtTheAlertsStartNotWhenTheTicketIsWritten() {
      // the alert started at 22:00, the incident was written at 22:00:04: the deadline is 23:00
      ContractClock gti =
          ContractClock.start(always, Duration.ofHours(1), at("2026-11-21T22:00:00Z"));
      assertThat(gti.deadline()).contains(at("2026-11-21T23:00:00Z"));
      assertThat(gti.state().startedAt()).isEqualTo(at("2026-11-21T22:00:00Z"));
    }
  }

  @Nested
  class Pauses {

    @Test
    void aPauseAcrossTheNightAroundTheClockCountsNothingWhilePaused() {
      // 4 h from Monday 16:00Z; paused 17:00Z (1 h used) to Tuesday 08:00Z; 3 h left -> 11:00Z
      ContractClock resolution =
          ContractClock.start(always, Duration.ofHours(4), at("2026-11-30T16:00:00Z"));
      resolution.pause(at("2026-11-30T17:00:00Z"));
      assertThat(resolution.phase()).isEqualTo(Phase.PAUSED);
      assertThat(resolution.deadline()).isEmpty();
      assertThat(resolution.consumedAt(at("2026-12-01T07:00:00Z"))).isEqualTo(Duration.ofHours(1));
      resolution.resume(at("2026-12-01T08:00:00Z"));
      assertThat(resolution.deadline()).contains(at("2026-12-01T11:00:00Z"));
    }

    @Test
    void aPauseAcrossNightsInBusinessHoursOnlyTakesOutTheOpenHoursItCovers() {
      // 4 h from Monday 30 Nov 16:00 CET; paused 17:00 CET (1 h used) until Wednesday 10:00 CET:
      // Tuesday's nine open hours are not counted; 3 h left from Wednesday 10:00 -> 13:00 CET
      ContractClock resolution =
          ContractClock.start(office, Duration.ofHours(4), at("2026-11-30T15:00:00Z"));
      resolution.pause(at("2026-11-30T16:00:00Z"));
      resolution.resume(at("2026-12-02T09:00:00Z"));
      assertThat(resolution.deadline()).contains(at("2026-12-02T12:00:00Z"));
    }

    @Test
    void aPauseThatStartsAndEndsWhileClosedChangesNothing() {
      // Monday 17:00 CET + 4 h: 1 h Monday, 3 h Tuesday -> 12:00 CET, with or without a pause
      // from Monday 20:00 to Tuesday 08:00 CET
      ContractClock paused =
          ContractClock.start(office, Duration.ofHours(4), at("2026-11-30T16:00:00Z"));
      paused.pause(at("2026-11-30T19:00:00Z"));
      paused.resume(at("2026-12-01T07:00:00Z"));
      assertThat(paused.deadline()).contains(at("2026-12-01T11:00:00Z"));
    }

    @Test
    void aPauseThatEndsInsideOpenHoursTakesOutTheMorning() {
      // Monday 17:00 CET + 4 h, paused 17:30 Monday to 10:00 Tuesday: 30 min used, 3 h 30 left
      // from Tuesday 10:00 -> 13:30 CET
      ContractClock clock =
          ContractClock.start(office, Duration.ofHours(4), at("2026-11-30T16:00:00Z"));
      clock.pause(at("2026-11-30T16:30:00Z"));
      clock.resume(at("2026-12-01T09:00:00Z"));
      assertThat(clock.deadline()).contains(at("2026-12-01T12:30:00Z"));
    }

    @Test
    void pausingTwiceAndResumingTwiceAreHarmless() {
      ContractClock clock =
          ContractClock.start(always, Duration.ofHours(2), at("2026-11-30T10:00:00Z"));
      clock.pause(at("2026-11-30T10:30:00Z"));
      clock.pause(at("2026-11-30T11:00:00Z"));
      clock.resume(at("2026-11-30T12:00:00Z"));
      clock.resume(at("2026-11-30T13:00:00Z"));
      // 30 min used, 90 min left from 12:00
      assertThat(clock.deadline()).contains(at("2026-11-30T13:30:00Z"));
    }
  }

  @Nested
  class PriorityChanges {

    @Test
    void raisingThePriorityMidWayKeepsTheTimeUsedAndMovesTheDeadline() {
      // P3 (4 h) from 08:00Z, raised to P1 (1 h) at 08:40Z: 40 min used, 20 min left -> 09:00Z
      ContractClock gti =
          ContractClock.start(always, Duration.ofHours(4), at("2026-11-30T08:00:00Z"));
      assertThat(gti.evaluate(at("2026-11-30T08:40:00Z"))).isEmpty(); // 16 %
      gti.retarget(Duration.ofHours(1), at("2026-11-30T08:40:00Z"));
      assertThat(gti.deadline()).contains(at("2026-11-30T09:00:00Z"));
      // 66 % by then: the 50 % warning is due, reached when the priority was raised
      assertThat(gti.evaluate(at("2026-11-30T08:41:00Z")))
          .contains(new Crossing(50, at("2026-11-30T08:40:00Z"), at("2026-11-30T09:00:00Z")));
      assertThat(gti.evaluate(at("2026-11-30T08:46:00Z")))
          .contains(new Crossing(75, at("2026-11-30T08:45:00Z"), at("2026-11-30T09:00:00Z")));
      assertThat(gti.evaluate(at("2026-11-30T08:55:00Z")))
          .contains(new Crossing(90, at("2026-11-30T08:54:00Z"), at("2026-11-30T09:00:00Z")));
      assertThat(gti.evaluate(at("2026-11-30T09:00:00Z")))
          .hasValueSatisfying(
              c -> {
                assertThat(c.isBreach()).isTrue();
                assertThat(c.reachedAt()).isEqualTo(at("2026-11-30T09:00:00Z"));
              });
    }

    @Test
    void raisingItPastTheTargetBreachesAtTheChangeWithoutEarlierWarnings() {
      // P3 (8 h) in business hours from Monday 09:00 CET; raised to P1 (1 h) at 11:00 CET
      ContractClock resolution =
          ContractClock.start(office, Duration.ofHours(8), at("2026-11-30T08:00:00Z"));
      resolution.retarget(Duration.ofHours(1), at("2026-11-30T10:00:00Z"));
      assertThat(resolution.evaluate(at("2026-11-30T10:00:01Z")))
          .contains(new Crossing(100, at("2026-11-30T10:00:00Z"), at("2026-11-30T10:00:00Z")));
      assertThat(resolution.evaluate(at("2026-11-30T12:00:00Z"))).isEmpty();
    }

    @Test
    void loweringThePriorityDoesNotRepeatWarningsAlreadyGiven() {
      ContractClock gti =
          ContractClock.start(always, Duration.ofHours(1), at("2026-11-30T08:00:00Z"));
      assertThat(gti.evaluate(at("2026-11-30T08:31:00Z"))).map(Crossing::percent).contains(50);
      gti.retarget(Duration.ofHours(4), at("2026-11-30T08:31:00Z"));
      assertThat(gti.deadline()).contains(at("2026-11-30T12:00:00Z"));
      // 50 % of 4 h is reached at 10:00: already reported, so nothing until 75 % at 11:00
      assertThat(gti.evaluate(at("2026-11-30T10:30:00Z"))).isEmpty();
      assertThat(gti.evaluate(at("2026-11-30T11:00:00Z")))
          .contains(new Crossing(75, at("2026-11-30T11:00:00Z"), at("2026-11-30T12:00:00Z")));
    }

    @Test
    void aPriorityChangedWhilePausedTakesEffectOnResume() {
      ContractClock clock =
          ContractClock.start(always, Duration.ofHours(4), at("2026-11-30T08:00:00Z"));
      clock.pause(at("2026-11-30T09:00:00Z"));
      clock.retarget(Duration.ofHours(2), at("2026-11-30T10:00:00Z"));
      clock.resume(at("2026-11-30T14:00:00Z"));
      assertThat(clock.deadline()).contains(at("2026-11-30T15:00:00Z"));
    }
  }

  @Nested
  class Thresholds {

    @Test
    void eachWarningAndTheBreachArePublishedOnceInBusinessHours() {
      // GTI 1 h from Friday 17:55 CET: 50 % at Monday 09:25, 75 % at 09:40, 90 % at 09:49,
      // breach at 09:55 CET
      ContractClock gti =
          ContractClock.start(office, Duration.ofHours(1), at("2026-11-27T16:55:00Z"));
      Instant deadline = at("2026-11-30T08:55:00Z");
      assertThat(gti.evaluate(at("2026-11-28T12:00:00Z"))).isEmpty(); // Saturday: 5 min used
      assertThat(gti.evaluate(at("2026-11-30T08:25:00Z")))
          .contains(new Crossing(50, at("2026-11-30T08:25:00Z"), deadline));
      assertThat(gti.evaluate(at("2026-11-30T08:26:00Z"))).isEmpty();
      assertThat(gti.evaluate(at("2026-11-30T08:40:30Z")))
          .contains(new Crossing(75, at("2026-11-30T08:40:00Z"), deadline));
      assertThat(gti.evaluate(at("2026-11-30T08:49:00Z")))
          .contains(new Crossing(90, at("2026-11-30T08:49:00Z"), deadline));
      assertThat(gti.evaluate(at("2026-11-30T08:50:00Z"))).isEmpty();
      assertThat(gti.evaluate(at("2026-11-30T09:10:00Z")))
          .contains(new Crossing(100, deadline, deadline));
      assertThat(gti.evaluate(at("2026-11-30T09:10:00Z"))).isEmpty();
      assertThat(gti.evaluate(at("2026-12-07T09:00:00Z"))).isEmpty();
      assertThat(gti.metAt(at("2026-11-30T09:10:00Z"))).isFalse();
    }

    @Test
    void afterALongSilenceOnlyTheHighestThresholdCrossedIsReported() {
      ContractClock gti =
          ContractClock.start(always, Duration.ofHours(1), at("2026-11-30T08:00:00Z"));
      assertThat(gti.evaluate(at("2026-11-30T08:57:00Z")))
          .contains(new Crossing(90, at("2026-11-30T08:54:00Z"), at("2026-11-30T09:00:00Z")));
      assertThat(gti.evaluate(at("2026-11-30T08:58:00Z"))).isEmpty();
      assertThat(gti.evaluate(at("2026-11-30T09:00:00Z"))).map(Crossing::percent).contains(100);
    }

    @Test
    void pausedTimeDoesNotCrossThresholds() {
      ContractClock gti =
          ContractClock.start(always, Duration.ofHours(1), at("2026-11-30T08:00:00Z"));
      gti.pause(at("2026-11-30T08:20:00Z"));
      assertThat(gti.evaluate(at("2026-11-30T12:00:00Z"))).isEmpty();
      gti.resume(at("2026-11-30T12:00:00Z"));
      // 20 min used before the pause: 50 % at 12:10
      assertThat(gti.evaluate(at("2026-11-30T12:10:00Z")))
          .contains(new Crossing(50, at("2026-11-30T12:10:00Z"), at("2026-11-30T12:40:00Z")));
    }

    @Test
    void aStoppedClockIsMetOrNotAndSaysNothingMore() {
      ContractClock gti =
          ContractClock.start(always, Duration.ofHours(1), at("2026-11-30T08:00:00Z"));
      gti.stop(at("2026-11-30T08:20:00Z"));
      gti.resume(at("2026-11-30T08:30:00Z"));
      assertThat(gti.phase()).isEqualTo(Phase.STOPPED);
      assertThat(gti.deadline()).isEmpty();
      assertThat(gti.evaluate(at("2026-11-30T12:00:00Z"))).isEmpty();
      assertThat(gti.metAt(at("2026-11-30T12:00:00Z"))).isTrue();
      assertThat(gti.consumedAt(at("2026-11-30T12:00:00Z"))).isEqualTo(Duration.ofMinutes(20));
    }
  }

  @Nested
  class Restart {

    @Test
    void aClockRestoredFromItsPersistedStateResumesExactlyWhereItWas() {
      // GTI 1 h from Friday 17:55 CET; 50 % and 75 % were published before the service stopped
      ContractClock before =
          ContractClock.start(office, Duration.ofHours(1), at("2026-11-27T16:55:00Z"));
      before.evaluate(at("2026-11-30T08:30:00Z"));
      before.evaluate(at("2026-11-30T08:41:00Z"));
      ContractClock.State persisted = before.state();

      ContractClock after = ContractClock.restore(SupportCalendarTest.parisOffice(), persisted);
      assertThat(after.deadline()).contains(at("2026-11-30T08:55:00Z"));
      assertThat(after.evaluate(at("2026-11-30T08:42:00Z"))).isEmpty();
      assertThat(after.evaluate(at("2026-11-30T08:50:00Z")))
          .contains(new Crossing(90, at("2026-11-30T08:49:00Z"), at("2026-11-30T08:55:00Z")));
    }

    @Test
    void aPausedClockRestoredStaysPausedUntilResumed() {
      ContractClock before =
          ContractClock.start(always, Duration.ofHours(4), at("2026-11-30T16:00:00Z"));
      before.pause(at("2026-11-30T17:00:00Z"));
      ContractClock after = ContractClock.restore(always, before.state());
      assertThat(after.evaluate(at("2026-12-01T16:00:00Z"))).isEqualTo(Optional.empty());
      after.resume(at("2026-12-01T08:00:00Z"));
      assertThat(after.deadline()).contains(at("2026-12-01T11:00:00Z"));
    }
  }
}
