package io.vigie.ticket.report;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.ticket.intervention.Intervention;
import io.vigie.ticket.intervention.InterventionStatus;
import io.vigie.ticket.inventory.KnownClient;
import io.vigie.ticket.knowledge.Article;
import io.vigie.ticket.knowledge.ArticleStatus;
import io.vigie.ticket.knowledge.ArticleVisibility;
import io.vigie.ticket.report.OperationsLog.LoggedArticle;
import io.vigie.ticket.report.OperationsLog.LoggedReport;
import io.vigie.ticket.report.OperationsLog.LoggedTicket;
import io.vigie.ticket.report.ServiceMonth.InterventionDone;
import io.vigie.ticket.tickets.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Monthly operations logs: a client's month read from ticket-service's own tables and assembled by
 * {@link OperationsLogs}, in the client's time zone (its contract's support hours) or the one asked
 * for (the hoster's). A client reads only its own; staff any client's; another's answers 404.
 */
@ApplicationScoped
public class OperationsLogService {

  @WithSession
  public Uni<OperationsLog> month(String tenant, String month, String timeZone, Caller caller) {
    YearMonth wanted = parseMonth(month);
    ZoneId asked = parseZone(timeZone);
    if (!caller.sees(tenant)) {
      throw ProblemException.notFound(ServiceReportService.WHAT, tenant);
    }
    return KnownClient.byCode(tenant)
        .chain(
            client -> {
              if (client == null) {
                throw ProblemException.notFound(ServiceReportService.WHAT, tenant);
              }
              ZoneId zone = asked != null ? asked : ServiceReportService.zoneOf(client);
              Instant from = ServiceMonthFigures.from(wanted, zone);
              Instant to = ServiceMonthFigures.to(wanted, zone);
              return tickets(tenant, from, to)
                  .chain(
                      tickets ->
                          reports(tenant, to)
                              .chain(
                                  reports ->
                                      interventions(tenant, from, to)
                                          .chain(
                                              done ->
                                                  documentation(tenant, from, to)
                                                      .map(
                                                          docs ->
                                                              OperationsLogs.assemble(
                                                                  tenant,
                                                                  client.name,
                                                                  wanted,
                                                                  zone,
                                                                  tickets,
                                                                  reports,
                                                                  done,
                                                                  docs)))));
            });
  }

  /** The client's own tickets (never the internal parents) touched in the month. */
  private static Uni<List<LoggedTicket>> tickets(String tenant, Instant from, Instant to) {
    return Ticket.<Ticket>list(
            "tenant = ?1 and ((openedAt >= ?2 and openedAt < ?3)"
                + " or (resolvedAt >= ?2 and resolvedAt < ?3)"
                + " or (closedAt >= ?2 and closedAt < ?3)) order by openedAt",
            tenant,
            from,
            to)
        .map(
            found ->
                found.stream()
                    .map(
                        t ->
                            new LoggedTicket(
                                t.reference,
                                t.type,
                                t.title,
                                t.priority,
                                t.status,
                                t.openedAt,
                                // a reopened ticket's old resolution is history, not its state
                                t.status == TicketStatus.RESOLVED || t.status == TicketStatus.CLOSED
                                    ? t.resolvedAt
                                    : null,
                                t.closedAt))
                    .toList());
  }

  /** For each of the client's reports, the latest version published before the month's end. */
  private static Uni<Map<String, LoggedReport>> reports(String tenant, Instant to) {
    return IncidentReport.<IncidentReport>list(
            "tenant = ?1 and publishedVersion is not null", tenant)
        .chain(
            reports ->
                reports.isEmpty()
                    ? Uni.createFrom().item(Map.<String, LoggedReport>of())
                    : IncidentReportVersion.<IncidentReportVersion>list(
                            "reportId in ?1 and publishedAt < ?2 order by version",
                            reports.stream().map(r -> r.id).toList(),
                            to)
                        .map(
                            versions -> {
                              Map<String, LoggedReport> latest = new HashMap<>();
                              for (IncidentReportVersion v : versions) {
                                IncidentReport r =
                                    reports.stream()
                                        .filter(x -> x.id.equals(v.reportId))
                                        .findFirst()
                                        .orElseThrow();
                                latest.put(
                                    r.reference,
                                    new LoggedReport(
                                        v.version,
                                        v.publishedAt,
                                        v.cause,
                                        v.solution,
                                        List.of(v.followUps)));
                              }
                              return latest;
                            }));
  }

  /** The interventions that concerned the client (it had a consent to give) and ended then. */
  private static Uni<List<InterventionDone>> interventions(
      String tenant, Instant from, Instant to) {
    return Intervention.<Intervention>list(
            "status = ?1 and endedAt >= ?2 and endedAt < ?3 and id in"
                + " (select c.interventionId from InterventionConsent c where c.tenant = ?4)"
                + " order by endedAt",
            InterventionStatus.ENDED,
            from,
            to,
            tenant)
        .map(
            ended ->
                ended.stream()
                    .map(i -> new InterventionDone(i.reference, i.title, i.startedAt, i.endedAt))
                    .toList());
  }

  /** The client's own published articles updated in the month (never an internal one). */
  private static Uni<List<LoggedArticle>> documentation(String tenant, Instant from, Instant to) {
    return Article.<Article>list(
            "tenant = ?1 and visibility = ?2 and status = ?3 and updatedAt >= ?4 and updatedAt < ?5"
                + " order by updatedAt",
            tenant,
            ArticleVisibility.CLIENT,
            ArticleStatus.PUBLISHED,
            from,
            to)
        .map(
            found ->
                found.stream()
                    .map(
                        a ->
                            new LoggedArticle(
                                a.id,
                                a.kind.name(),
                                a.title,
                                a.version,
                                a.publishedAt,
                                a.updatedAt))
                    .toList());
  }

  private static YearMonth parseMonth(String month) {
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException | NullPointerException e) {
      throw ProblemException.invalidField("month", "must be a month such as 2026-11");
    }
  }

  private static ZoneId parseZone(String timeZone) {
    if (timeZone == null || timeZone.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(timeZone.strip());
    } catch (DateTimeException e) {
      throw ProblemException.invalidField(
          "timeZone", "must be a time zone such as Europe/Paris or UTC");
    }
  }
}
