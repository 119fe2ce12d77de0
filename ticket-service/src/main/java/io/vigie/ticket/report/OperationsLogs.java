package io.vigie.ticket.report;

import io.vigie.events.ticket.TicketType;
import io.vigie.ticket.report.OperationsLog.LoggedArticle;
import io.vigie.ticket.report.OperationsLog.LoggedIncident;
import io.vigie.ticket.report.OperationsLog.LoggedReport;
import io.vigie.ticket.report.OperationsLog.LoggedTicket;
import io.vigie.ticket.report.OperationsLog.OperationsLogSummary;
import io.vigie.ticket.report.ServiceMonth.InterventionDone;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Assembles a month's operations log from the client's records (plain Java). The month runs from
 * its first midnight to the next month's in {@code zone}; a ticket belongs to it when it was
 * opened, resolved or closed in it; an intervention when it ended in it; an article when it was
 * updated in it. Whatever the caller passes outside the month is left out, so the boundaries are
 * decided here alone.
 */
public final class OperationsLogs {

  private OperationsLogs() {}

  /**
   * @param reports the latest report version published by the end of the month, by ticket reference
   */
  public static OperationsLog assemble(
      String tenant,
      String client,
      YearMonth month,
      ZoneId zone,
      List<LoggedTicket> tickets,
      Map<String, LoggedReport> reports,
      List<InterventionDone> interventions,
      List<LoggedArticle> articles) {
    Instant from = ServiceMonthFigures.from(month, zone);
    Instant to = ServiceMonthFigures.to(month, zone);
    List<LoggedTicket> handled =
        tickets.stream()
            .filter(
                t ->
                    within(t.openedAt(), from, to)
                        || within(t.resolvedAt(), from, to)
                        || within(t.closedAt(), from, to))
            .sorted(Comparator.comparing(LoggedTicket::openedAt))
            .toList();
    List<LoggedIncident> incidents =
        handled.stream()
            .filter(t -> t.type() == TicketType.INCIDENT)
            .map(t -> new LoggedIncident(t, reports.get(t.reference())))
            .toList();
    List<LoggedTicket> changes =
        handled.stream().filter(t -> t.type() == TicketType.CHANGE).toList();
    List<LoggedTicket> others =
        handled.stream()
            .filter(t -> t.type() == TicketType.REQUEST || t.type() == TicketType.PROBLEM)
            .toList();
    List<InterventionDone> done =
        interventions.stream()
            .filter(i -> within(i.endedAt(), from, to))
            .sorted(Comparator.comparing(InterventionDone::endedAt))
            .toList();
    List<LoggedArticle> documentation =
        articles.stream()
            .filter(a -> within(a.updatedAt(), from, to))
            .sorted(Comparator.comparing(LoggedArticle::updatedAt))
            .toList();
    int opened = (int) handled.stream().filter(t -> within(t.openedAt(), from, to)).count();
    int resolved = (int) handled.stream().filter(t -> within(t.resolvedAt(), from, to)).count();
    return new OperationsLog(
        tenant,
        client,
        month,
        zone.getId(),
        from,
        to,
        new OperationsLogSummary(
            done.size(),
            incidents.size(),
            changes.size(),
            others.size(),
            opened,
            resolved,
            documentation.size()),
        done,
        incidents,
        changes,
        others,
        documentation);
  }

  static boolean within(Instant at, Instant from, Instant to) {
    return at != null && !at.isBefore(from) && at.isBefore(to);
  }
}
