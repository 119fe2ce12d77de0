package io.vigie.ticket.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.events.ticket.TicketType;
import io.vigie.ticket.report.OperationsLog.LoggedArticle;
import io.vigie.ticket.report.OperationsLog.LoggedIncident;
import io.vigie.ticket.report.OperationsLog.LoggedReport;
import io.vigie.ticket.report.OperationsLog.LoggedTicket;
import io.vigie.ticket.report.ServiceMonth.InterventionDone;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A hand-built November 2034 around its edges, in Paris (UTC+1) and in UTC. */
class OperationsLogsTest {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final YearMonth NOVEMBER = YearMonth.of(2034, 11);

  static LoggedTicket ticket(
      String reference, TicketType type, String openedAt, String resolvedAt, String closedAt) {
    return new LoggedTicket(
        reference,
        type,
        reference + " title",
        Priority.P2,
        closedAt != null
            ? TicketStatus.CLOSED
            : resolvedAt != null ? TicketStatus.RESOLVED : TicketStatus.IN_PROGRESS,
        Instant.parse(openedAt),
        resolvedAt == null ? null : Instant.parse(resolvedAt),
        closedAt == null ? null : Instant.parse(closedAt));
  }

  static final List<LoggedTicket> TICKETS =
      List.of(
          // 00:30 on 1 November in Paris, still 31 October in UTC
          ticket("INC-1", TicketType.INCIDENT, "2034-10-31T23:30:00Z", null, null),
          // October's in both, but resolved in November
          ticket(
              "INC-2", TicketType.INCIDENT, "2034-10-20T10:00:00Z", "2034-11-02T10:00:00Z", null),
          // October's in both, closed on 31 October at 23:59:59 UTC: November's in Paris only
          ticket(
              "CHG-1",
              TicketType.CHANGE,
              "2034-10-20T10:00:00Z",
              "2034-10-25T10:00:00Z",
              "2034-10-31T23:59:59Z"),
          ticket("REQ-1", TicketType.REQUEST, "2034-11-10T10:00:00Z", null, null),
          ticket("PRB-1", TicketType.PROBLEM, "2034-11-12T10:00:00Z", "2034-11-13T10:00:00Z", null),
          // 00:00 on 1 December in Paris: December's there, November's in UTC
          ticket("REQ-2", TicketType.REQUEST, "2034-11-30T23:00:00Z", null, null),
          // entirely October's
          ticket(
              "REQ-3", TicketType.REQUEST, "2034-10-01T10:00:00Z", "2034-10-02T10:00:00Z", null));

  static final List<InterventionDone> INTERVENTIONS =
      List.of(
          new InterventionDone(
              "INT-1",
              "Firmware",
              Instant.parse("2034-11-30T22:00:00Z"),
              Instant.parse("2034-11-30T22:59:59Z")),
          new InterventionDone(
              "INT-2",
              "Kernel",
              Instant.parse("2034-11-30T22:30:00Z"),
              Instant.parse("2034-11-30T23:00:00Z")));

  static final List<LoggedArticle> ARTICLES =
      List.of(
          article("Platform", "2034-10-31T23:00:00Z"), // Paris's first instant of November
          article("Contacts", "2034-11-30T23:00:00Z")); // Paris's first instant of December

  static LoggedArticle article(String title, String updatedAt) {
    return new LoggedArticle(
        UUID.randomUUID(),
        "PLATFORM_DOCUMENTATION",
        title,
        2,
        Instant.parse("2034-10-01T00:00:00Z"),
        Instant.parse(updatedAt));
  }

  static final Map<String, LoggedReport> REPORTS =
      Map.of(
          "INC-2",
          new LoggedReport(
              2,
              Instant.parse("2034-11-03T09:00:00Z"),
              "Pool exhausted",
              "Pool raised",
              List.of("Alert at 80 %")));

  static OperationsLog november(ZoneId zone) {
    return OperationsLogs.assemble(
        "lumiere", "Lumière SAS", NOVEMBER, zone, TICKETS, REPORTS, INTERVENTIONS, ARTICLES);
  }

  @Test
  void novemberInParisRunsFromParisMidnightToParisMidnight() {
    OperationsLog log = november(PARIS);
    assertThat(log.from()).isEqualTo(Instant.parse("2034-10-31T23:00:00Z"));
    assertThat(log.to()).isEqualTo(Instant.parse("2034-11-30T23:00:00Z"));
    assertThat(log.timeZone()).isEqualTo("Europe/Paris");
    assertThat(log.incidents())
        .extracting(i -> i.ticket().reference())
        .containsExactly("INC-2", "INC-1");
    assertThat(log.incidents())
        .filteredOn(i -> i.ticket().reference().equals("INC-2"))
        .extracting(LoggedIncident::report)
        .containsExactly(REPORTS.get("INC-2"));
    assertThat(log.incidents())
        .filteredOn(i -> i.ticket().reference().equals("INC-1"))
        .extracting(LoggedIncident::report)
        .containsOnlyNulls();
    assertThat(log.changes()).extracting(LoggedTicket::reference).containsExactly("CHG-1");
    assertThat(log.tickets()).extracting(LoggedTicket::reference).containsExactly("REQ-1", "PRB-1");
    assertThat(log.interventions())
        .extracting(InterventionDone::reference)
        .containsExactly("INT-1");
    assertThat(log.documentation()).extracting(LoggedArticle::title).containsExactly("Platform");
    assertThat(log.summary())
        .isEqualTo(new OperationsLog.OperationsLogSummary(1, 2, 1, 2, 3, 2, 1));
  }

  @Test
  void theSameRecordsInUtcMoveAcrossTheEdges() {
    OperationsLog log = november(ZoneOffset.UTC);
    assertThat(log.from()).isEqualTo(Instant.parse("2034-11-01T00:00:00Z"));
    assertThat(log.incidents()).extracting(i -> i.ticket().reference()).containsExactly("INC-2");
    assertThat(log.changes()).isEmpty();
    assertThat(log.tickets())
        .extracting(LoggedTicket::reference)
        .containsExactly("REQ-1", "PRB-1", "REQ-2");
    assertThat(log.interventions())
        .extracting(InterventionDone::reference)
        .containsExactly("INT-1", "INT-2");
    assertThat(log.documentation()).extracting(LoggedArticle::title).containsExactly("Contacts");
  }

  @Test
  void aMonthWithADaylightSavingChangeEndsAtTheSummerMidnight() {
    OperationsLog march =
        OperationsLogs.assemble(
            "lumiere",
            "Lumière SAS",
            YearMonth.of(2035, 3),
            PARIS,
            List.of(
                ticket("REQ-9", TicketType.REQUEST, "2035-03-31T21:59:59Z", null, null),
                ticket("REQ-10", TicketType.REQUEST, "2035-03-31T22:00:00Z", null, null)),
            Map.of(),
            List.of(),
            List.of());
    assertThat(march.from()).isEqualTo(Instant.parse("2035-02-28T23:00:00Z"));
    assertThat(march.to()).isEqualTo(Instant.parse("2035-03-31T22:00:00Z"));
    assertThat(march.tickets()).extracting(LoggedTicket::reference).containsExactly("REQ-9");
  }
}
