package io.vigie.ticket.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.ticket.ClockKind;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.events.ticket.TicketType;
import io.vigie.ticket.clock.ContractClock;
import io.vigie.ticket.clock.ContractClock.Phase;
import io.vigie.ticket.report.ServiceMonth.Breach;
import io.vigie.ticket.report.ServiceMonth.ClockFigures;
import io.vigie.ticket.report.ServiceMonth.InterventionDone;
import io.vigie.ticket.report.ServiceMonth.Publication;
import io.vigie.ticket.report.ServiceMonthFigures.TicketRow;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A month of hand-built tickets, every figure counted by hand. */
class ServiceMonthFiguresTest {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  static Instant at(String instant) {
    return Instant.parse(instant);
  }

  static ContractClock.State clock(Duration target, Duration consumed, Phase phase, int seen) {
    return new ContractClock.State(target, consumed, phase, at("2026-11-01T00:00:00Z"), seen, null);
  }

  static TicketRow row(
      String reference,
      TicketType type,
      Priority priority,
      TicketStatus status,
      String openedAt,
      ContractClock.State gti,
      String gtiDeadline,
      ContractClock.State resolution,
      String resolutionDeadline) {
    return new TicketRow(
        reference,
        reference + " title",
        type,
        priority,
        status,
        at(openedAt),
        gti,
        gtiDeadline == null ? null : at(gtiDeadline),
        resolution,
        resolutionDeadline == null ? null : at(resolutionDeadline));
  }

  static final Duration H1 = Duration.ofHours(1);
  static final Duration H2 = Duration.ofHours(2);
  static final Duration H4 = Duration.ofHours(4);

  /** Tickets around November 2026; Paris is UTC+1 all month (summer time ended 25 October). */
  static final List<TicketRow> TICKETS =
      List.of(
          // 1 Nov 00:30 in Paris: November's. GTI 40 min of 1 h; resolved in 3 h of 4 h
          row(
              "INC-A",
              TicketType.INCIDENT,
              Priority.P1,
              TicketStatus.RESOLVED,
              "2026-10-31T23:30:00Z",
              clock(H1, Duration.ofMinutes(40), Phase.STOPPED, 50),
              null,
              clock(H4, Duration.ofHours(3), Phase.PAUSED, 75),
              null),
          // 31 Oct 23:30 in Paris: October's
          row(
              "REQ-B",
              TicketType.REQUEST,
              Priority.P3,
              TicketStatus.NEW,
              "2026-10-31T22:30:00Z",
              null,
              null,
              null,
              null),
          // GTI 2 h 30 of 2 h: breached when someone acted; closed in 7 h of 8 h
          row(
              "INC-C",
              TicketType.INCIDENT,
              Priority.P2,
              TicketStatus.CLOSED,
              "2026-11-10T10:00:00Z",
              clock(H2, Duration.ofMinutes(150), Phase.STOPPED, 100),
              null,
              clock(Duration.ofHours(8), Duration.ofHours(7), Phase.STOPPED, 75),
              null),
          // 30 Nov 23:59 in Paris: November's, both clocks still running within their deadlines
          row(
              "CHG-D",
              TicketType.CHANGE,
              Priority.P3,
              TicketStatus.NEW,
              "2026-11-30T22:59:00Z",
              clock(H4, Duration.ZERO, Phase.RUNNING, 0),
              "2026-12-01T02:59:00Z",
              clock(Duration.ofDays(2), Duration.ZERO, Phase.RUNNING, 0),
              "2026-12-02T22:59:00Z"),
          // 1 Dec 00:00 in Paris: December's
          row(
              "INC-E",
              TicketType.INCIDENT,
              Priority.P1,
              TicketStatus.NEW,
              "2026-11-30T23:00:00Z",
              clock(H1, Duration.ZERO, Phase.RUNNING, 0),
              "2026-12-01T00:00:00Z",
              null,
              null),
          // P4: nothing promised
          row(
              "REQ-F",
              TicketType.REQUEST,
              Priority.P4,
              TicketStatus.IN_PROGRESS,
              "2026-11-20T08:00:00Z",
              null,
              null,
              null,
              null),
          // nobody acted: GTI deadline 09:00 and resolution deadline 12:00 both passed by now
          row(
              "INC-G",
              TicketType.INCIDENT,
              Priority.P1,
              TicketStatus.NEW,
              "2026-11-25T08:00:00Z",
              clock(H1, Duration.ZERO, Phase.RUNNING, 90),
              "2026-11-25T09:00:00Z",
              clock(H4, Duration.ZERO, Phase.RUNNING, 0),
              "2026-11-25T12:00:00Z"),
          // GTI met in 10 min; waiting for the client: resolution paused, 1 h of 2 days used
          row(
              "PRB-H",
              TicketType.PROBLEM,
              Priority.P3,
              TicketStatus.WAITING_FOR_CLIENT,
              "2026-11-15T12:00:00Z",
              clock(H4, Duration.ofMinutes(10), Phase.STOPPED, 0),
              null,
              clock(Duration.ofDays(2), H1, Phase.PAUSED, 0),
              null));

  static final List<Publication> PUBLISHED =
      List.of(
          new Publication("INC-A", "Shop down", 2, at("2026-11-01T08:00:00Z")),
          // 1 Dec 00:30 in Paris: December's
          new Publication("INC-C", "Slow API", 3, at("2026-11-30T23:30:00Z")));

  static final List<InterventionDone> DONE =
      List.of(
          // ended 1 Nov 00:30 in Paris: November's there, October's in UTC
          new InterventionDone(
              "INT-1", "Kernel updates", at("2026-10-31T22:30:00Z"), at("2026-10-31T23:30:00Z")),
          new InterventionDone(
              "INT-2", "PHP 8.4 on web1", at("2026-11-30T21:00:00Z"), at("2026-11-30T22:30:00Z")),
          // ended 1 Dec 00:30 in Paris: December's there, November's in UTC
          new InterventionDone(
              "INT-3",
              "MySQL failover drill",
              at("2026-11-30T22:00:00Z"),
              at("2026-11-30T23:30:00Z")));

  @Test
  void novemberInParisCountsWhatOpenedBetweenItsParisMidnights() {
    ServiceMonth m =
        ServiceMonthFigures.compute(
            "lumiere", "Lumière SAS", NOVEMBER, PARIS, TICKETS, PUBLISHED, DONE, NOW);

    assertThat(m.from()).isEqualTo(at("2026-10-31T23:00:00Z"));
    assertThat(m.to()).isEqualTo(at("2026-11-30T23:00:00Z"));
    assertThat(m.ticketsOpened()).isEqualTo(6);
    assertThat(m.byType())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                TicketType.INCIDENT, 3,
                TicketType.REQUEST, 1,
                TicketType.CHANGE, 1,
                TicketType.PROBLEM, 1));
    assertThat(m.byPriority())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Priority.P1, 2, Priority.P2, 1, Priority.P3, 2, Priority.P4, 1));
    // GTI: met A, H; breached C, G; pending D; not promised F
    assertThat(m.intervention()).isEqualTo(new ClockFigures(2, 2, 1, 1));
    // resolution: met A (resolved), C (closed); breached G; pending D, H; not promised F
    assertThat(m.resolution()).isEqualTo(new ClockFigures(2, 1, 2, 1));
    assertThat(m.breaches())
        .containsExactly(
            new Breach(
                "INC-C",
                "INC-C title",
                TicketType.INCIDENT,
                Priority.P2,
                ClockKind.INTERVENTION,
                H2,
                Duration.ofMinutes(150),
                null),
            new Breach(
                "INC-G",
                "INC-G title",
                TicketType.INCIDENT,
                Priority.P1,
                ClockKind.INTERVENTION,
                H1,
                null,
                at("2026-11-25T09:00:00Z")),
            new Breach(
                "INC-G",
                "INC-G title",
                TicketType.INCIDENT,
                Priority.P1,
                ClockKind.RESOLUTION,
                H4,
                null,
                at("2026-11-25T12:00:00Z")));
    assertThat(m.reportsPublished()).extracting(Publication::reference).containsExactly("INC-A");
    // ended 1 Nov 00:30 Paris time and 30 Nov 23:30 Paris time; INT-3 ended on 1 Dec in Paris
    assertThat(m.interventionsDone())
        .extracting(InterventionDone::reference)
        .containsExactly("INT-1", "INT-2");
  }

  @Test
  void theSameTicketsInUtcMoveTheBoundaryTickets() {
    ServiceMonth m =
        ServiceMonthFigures.compute(
            "acme", "Acme", NOVEMBER, ZoneOffset.UTC, TICKETS, PUBLISHED, DONE, NOW);
    // INC-A (31 Oct 23:30 UTC) is October's; INC-E (30 Nov 23:00 UTC) is November's
    assertThat(m.from()).isEqualTo(at("2026-11-01T00:00:00Z"));
    assertThat(m.ticketsOpened()).isEqualTo(6);
    assertThat(m.byPriority())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Priority.P1, 2, Priority.P2, 1, Priority.P3, 2, Priority.P4, 1));
    assertThat(m.breaches()).extracting(Breach::reference).doesNotContain("INC-A");
    // INC-E's GTI deadline is the instant of NOW: it has run out
    assertThat(m.breaches()).extracting(Breach::reference).contains("INC-E");
    assertThat(m.reportsPublished())
        .extracting(Publication::reference)
        .containsExactly("INC-A", "INC-C");
    // in UTC, INT-1 (31 Oct 23:30 UTC) is October's and INT-3 (30 Nov 23:30 UTC) November's
    assertThat(m.interventionsDone())
        .extracting(InterventionDone::reference)
        .containsExactly("INT-2", "INT-3");
  }

  @Test
  void aMonthWithTheSpringChangeIsAnHourShorter() {
    YearMonth march = YearMonth.of(2027, 3);
    assertThat(ServiceMonthFigures.from(march, PARIS)).isEqualTo(at("2027-02-28T23:00:00Z"));
    // summer time from 28 March: 1 April 00:00 in Paris is 31 March 22:00 UTC
    assertThat(ServiceMonthFigures.to(march, PARIS)).isEqualTo(at("2027-03-31T22:00:00Z"));
    assertThat(
            Duration.between(
                ServiceMonthFigures.from(march, PARIS), ServiceMonthFigures.to(march, PARIS)))
        .isEqualTo(Duration.ofDays(31).minusHours(1));
  }
}
