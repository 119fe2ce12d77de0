package io.vigie.ticket.clock;

import static io.vigie.ticket.clock.SupportCalendarTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.events.inventory.BackupTerms;
import io.vigie.events.inventory.BusinessDay;
import io.vigie.events.inventory.ContractTerms;
import io.vigie.events.inventory.PriorityTarget;
import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.inventory.SupportHours;
import io.vigie.events.ticket.ClockKind;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two clocks of a ticket driven by what happens to it; hand-computed instants, Paris CET. */
class TicketClocksTest {

  /** 24/7: P1 GTI 1 h, resolution 4 h; P2 GTI 2 h, resolution 8 h; P4 resolution 2 days only. */
  static ContractTerms aroundTheClock() {
    return new ContractTerms(
        new BigDecimal("99.95"),
        new SupportHours(SupportHours.Coverage.ALWAYS, "Europe/Paris", List.of(), List.of()),
        List.of(
            new PriorityTarget(Priority.P1, Duration.ofHours(1), Duration.ofHours(4)),
            new PriorityTarget(Priority.P2, Duration.ofHours(2), Duration.ofHours(8)),
            new PriorityTarget(Priority.P4, null, Duration.ofDays(2))),
        new BackupTerms(1, 10, 7, 2, 2),
        null);
  }

  static ContractTerms officeHours() {
    return new ContractTerms(
        new BigDecimal("99.9"),
        new SupportHours(
            SupportHours.Coverage.BUSINESS_HOURS,
            "Europe/Paris",
            List.of(DayOfWeek.values()).stream()
                .filter(d -> d.getValue() <= 5)
                .map(d -> new BusinessDay(d, LocalTime.of(9, 0), LocalTime.of(18, 0)))
                .toList(),
            List.of(LocalDate.of(2026, 12, 25))),
        List.of(new PriorityTarget(Priority.P1, Duration.ofHours(1), Duration.ofHours(4))),
        new BackupTerms(1, 10, 7, 2, 2),
        null);
  }

  final ContractTargets contract = ContractTargets.of(aroundTheClock());

  @Test
  void theGtiStopsAtTheFirstEngineerActionAndTheResolutionClockRunsOn() {
    TicketClocks clocks = TicketClocks.start(contract, Priority.P1, at("2026-11-30T08:00:00Z"));
    assertThat(clocks.deadline(ClockKind.INTERVENTION)).contains(at("2026-11-30T09:00:00Z"));
    assertThat(clocks.deadline(ClockKind.RESOLUTION)).contains(at("2026-11-30T12:00:00Z"));
    clocks.firstEngineerAction(at("2026-11-30T08:40:00Z"));
    assertThat(clocks.deadline(ClockKind.INTERVENTION)).isEmpty();
    assertThat(clocks.clock(ClockKind.INTERVENTION).orElseThrow().metAt(at("2026-11-30T10:00:00Z")))
        .isTrue();
    // only the resolution clock speaks from now on: 50 % of 4 h at 10:00
    assertThat(clocks.nextCheck()).contains(at("2026-11-30T10:00:00Z"));
    assertThat(clocks.evaluate(at("2026-11-30T10:00:00Z")))
        .extracting(TicketClocks.Signal::clock)
        .containsExactly(ClockKind.RESOLUTION);
  }

  @Test
  void waitingForTheClientPausesBothAndTheAnswerResumesThem() {
    TicketClocks clocks = TicketClocks.start(contract, Priority.P2, at("2026-11-30T16:00:00Z"));
    clocks.waitForClient(at("2026-11-30T16:30:00Z"));
    assertThat(clocks.nextCheck()).isEmpty();
    clocks.clientAnswered(at("2026-12-01T08:00:00Z"));
    // GTI 2 h: 30 min used, 90 min left -> 09:30; resolution 8 h: 7 h 30 left -> 15:30
    assertThat(clocks.deadline(ClockKind.INTERVENTION)).contains(at("2026-12-01T09:30:00Z"));
    assertThat(clocks.deadline(ClockKind.RESOLUTION)).contains(at("2026-12-01T15:30:00Z"));
  }

  @Test
  void resolvingPausesTheResolutionClockAndReopeningResumesIt() {
    TicketClocks clocks = TicketClocks.start(contract, Priority.P1, at("2026-11-30T08:00:00Z"));
    clocks.firstEngineerAction(at("2026-11-30T08:10:00Z"));
    clocks.resolved(at("2026-11-30T09:00:00Z"));
    assertThat(clocks.deadline(ClockKind.RESOLUTION)).isEmpty();
    clocks.reopened(at("2026-11-30T14:00:00Z"));
    // 1 h used, 3 h left from 14:00
    assertThat(clocks.deadline(ClockKind.RESOLUTION)).contains(at("2026-11-30T17:00:00Z"));
    clocks.closed(at("2026-11-30T15:00:00Z"));
    assertThat(clocks.nextCheck()).isEmpty();
    assertThat(clocks.evaluate(at("2026-12-30T00:00:00Z"))).isEmpty();
  }

  @Test
  void raisingP4ToP1StartsTheGtiAtTheChangeAndRetargetsResolution() {
    TicketClocks clocks = TicketClocks.start(contract, Priority.P4, at("2026-11-30T08:00:00Z"));
    assertThat(clocks.clock(ClockKind.INTERVENTION)).isEmpty();
    assertThat(clocks.deadline(ClockKind.RESOLUTION)).contains(at("2026-12-02T08:00:00Z"));
    clocks.priorityChanged(Priority.P1, at("2026-11-30T09:00:00Z"), false);
    assertThat(clocks.deadline(ClockKind.INTERVENTION)).contains(at("2026-11-30T10:00:00Z"));
    // resolution keeps the hour already used: 4 h - 1 h -> 12:00
    assertThat(clocks.deadline(ClockKind.RESOLUTION)).contains(at("2026-11-30T12:00:00Z"));
  }

  @Test
  void aGtiIsNotStartedForATicketAlreadyActedOn() {
    TicketClocks clocks = TicketClocks.start(contract, Priority.P4, at("2026-11-30T08:00:00Z"));
    clocks.firstEngineerAction(at("2026-11-30T08:05:00Z"));
    clocks.priorityChanged(Priority.P1, at("2026-11-30T09:00:00Z"), true);
    assertThat(clocks.clock(ClockKind.INTERVENTION)).isEmpty();
  }

  @Test
  void aPriorityWithoutPromisedTimesRunsNoClock() {
    TicketClocks clocks = TicketClocks.start(contract, Priority.P3, at("2026-11-30T08:00:00Z"));
    assertThat(clocks.interventionState()).isNull();
    assertThat(clocks.resolutionState()).isNull();
    assertThat(clocks.nextCheck()).isEmpty();
    TicketClocks noContract =
        TicketClocks.start(ContractTargets.of(null), Priority.P1, at("2026-11-30T08:00:00Z"));
    assertThat(noContract.nextCheck()).isEmpty();
  }

  @Test
  void businessHoursClocksRestoredAfterARestartKeepTheirWarnings() {
    ContractTargets office = ContractTargets.of(officeHours());
    // an alert at Friday 27 Nov 17:55 CET: GTI Monday 09:55 CET, resolution Monday 12:55 CET
    TicketClocks clocks = TicketClocks.start(office, Priority.P1, at("2026-11-27T16:55:00Z"));
    assertThat(clocks.deadline(ClockKind.INTERVENTION)).contains(at("2026-11-30T08:55:00Z"));
    assertThat(clocks.deadline(ClockKind.RESOLUTION)).contains(at("2026-11-30T11:55:00Z"));
    assertThat(clocks.nextCheck()).contains(at("2026-11-30T08:25:00Z")); // GTI 50 %
    assertThat(clocks.evaluate(at("2026-11-30T08:25:00Z"))).hasSize(1);

    TicketClocks restored =
        TicketClocks.restore(
            ContractTargets.of(officeHours()),
            clocks.interventionState(),
            clocks.resolutionState());
    assertThat(restored.evaluate(at("2026-11-30T08:25:00Z"))).isEmpty();
    // resolution 50 % (2 h of 4) is at 10:55 CET, after GTI 75 % at 09:40 CET
    assertThat(restored.nextCheck()).contains(at("2026-11-30T08:40:00Z"));
    assertThat(restored.evaluate(at("2026-11-30T10:00:00Z")))
        .extracting(s -> s.clock() + " " + s.crossing().percent())
        .containsExactly("INTERVENTION 100", "RESOLUTION 50");
  }
}
