package io.vigie.ticket.report;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.ticket.intervention.Intervention;
import io.vigie.ticket.intervention.InterventionStatus;
import io.vigie.ticket.inventory.KnownClient;
import io.vigie.ticket.report.ServiceMonth.InterventionDone;
import io.vigie.ticket.report.ServiceMonth.Publication;
import io.vigie.ticket.report.ServiceMonthFigures.TicketRow;
import io.vigie.ticket.tickets.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Monthly service reports: a client's month, counted in the time zone of its contract's support
 * hours (UTC without a contract). A client reads only its own; staff any client's.
 */
@ApplicationScoped
public class ServiceReportService {

  static final String WHAT = "Client";

  private final InstantSource time;

  public ServiceReportService(InstantSource time) {
    this.time = time;
  }

  @WithSession
  public Uni<ServiceMonth> month(String tenant, String month, Caller caller) {
    YearMonth wanted = parse(month);
    if (!caller.sees(tenant)) {
      throw ProblemException.notFound(WHAT, tenant);
    }
    return KnownClient.byCode(tenant)
        .chain(
            client -> {
              if (client == null) {
                throw ProblemException.notFound(WHAT, tenant);
              }
              ZoneId zone = zoneOf(client);
              Instant from = ServiceMonthFigures.from(wanted, zone);
              Instant to = ServiceMonthFigures.to(wanted, zone);
              return Ticket.<Ticket>list(
                      "tenant = ?1 and openedAt >= ?2 and openedAt < ?3 order by openedAt",
                      tenant,
                      from,
                      to)
                  .chain(
                      tickets ->
                          publications(tenant, from, to)
                              .chain(
                                  published ->
                                      interventionsDone(tenant, from, to)
                                          .map(
                                              done ->
                                                  ServiceMonthFigures.compute(
                                                      tenant,
                                                      client.name,
                                                      wanted,
                                                      zone,
                                                      tickets.stream()
                                                          .map(ServiceReportService::row)
                                                          .toList(),
                                                      published,
                                                      done,
                                                      time.instant()))));
            });
  }

  /** The interventions that concerned the client (it had a consent to give) and ended then. */
  private static Uni<List<InterventionDone>> interventionsDone(
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

  private static Uni<List<Publication>> publications(String tenant, Instant from, Instant to) {
    return IncidentReportVersion.<IncidentReportVersion>list(
            "publishedAt >= ?1 and publishedAt < ?2"
                + " and reportId in (select r.id from IncidentReport r where r.tenant = ?3)"
                + " order by publishedAt",
            from,
            to,
            tenant)
        .chain(
            versions ->
                versions.isEmpty()
                    ? Uni.createFrom().item(List.<Publication>of())
                    : IncidentReport.<IncidentReport>list(
                            "id in ?1", versions.stream().map(v -> v.reportId).toList())
                        .map(
                            reports ->
                                versions.stream()
                                    .map(
                                        v -> {
                                          IncidentReport r =
                                              reports.stream()
                                                  .filter(x -> x.id.equals(v.reportId))
                                                  .findFirst()
                                                  .orElseThrow();
                                          return new Publication(
                                              r.reference,
                                              v.facts.title(),
                                              v.version,
                                              v.publishedAt);
                                        })
                                    .toList()));
  }

  private static TicketRow row(Ticket t) {
    return new TicketRow(
        t.reference,
        t.title,
        t.type,
        t.priority,
        t.status,
        t.openedAt,
        t.interventionClock,
        t.interventionDeadline,
        t.resolutionClock,
        t.resolutionDeadline);
  }

  static ZoneId zoneOf(KnownClient client) {
    if (client.contract == null || client.contract.supportHours() == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(client.contract.supportHours().timeZone());
    } catch (DateTimeException | NullPointerException e) {
      return ZoneOffset.UTC;
    }
  }

  private static YearMonth parse(String month) {
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException | NullPointerException e) {
      throw ProblemException.invalidField("month", "must be a month such as 2026-11");
    }
  }
}
