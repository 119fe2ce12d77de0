package io.vigie.ticket.report;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.ticket.ReportPublished;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.events.ticket.TicketType;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.outbox.Outbox;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.tenancy.TenantScope;
import io.vigie.ticket.inventory.KnownClient;
import io.vigie.ticket.report.ReportViews.PublishedReport;
import io.vigie.ticket.report.ReportViews.ReportEdit;
import io.vigie.ticket.report.ReportViews.ReportView;
import io.vigie.ticket.tickets.Ticket;
import io.vigie.ticket.tickets.TicketLink;
import io.vigie.ticket.tickets.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Post-incident reports. When an incident is resolved its report is drafted from its public
 * timeline and alert history ({@link ReportAssembly}); resolved again after a reopening, the facts
 * are assembled anew and the engineer's text is kept. Staff write the cause, solution and follow-up
 * actions (If-Match on the report's version; every version is kept) and publish a version to the
 * client, which publishes {@link ReportPublished} through the outbox. A client reads only the last
 * published version of its own incidents' reports; an internal parent's report is never published.
 */
@ApplicationScoped
public class ReportService {

  static final String WHAT = "Incident report";
  static final String ACTOR = "ticket-service";

  /** Newest publication first, then by id: the list's order and its cursor. */
  static final Keyset NEWEST_PUBLISHED =
      Keyset.descending("published_at", "timestamptz").then("id", "uuid");

  private final InstantSource time;
  private final Outbox outbox;
  private final Reads reads;

  public ReportService(InstantSource time, Outbox outbox, Reads reads) {
    this.time = time;
    this.outbox = outbox;
    this.reads = reads;
  }

  /** Published reports the caller may read, newest publication first; a client's own only. */
  public Uni<Listing<PublishedReport>> published(String tenant, PageRequest page, Caller caller) {
    SqlQuery query =
        SqlQuery.select("doc", "published_incident_report_document")
            .where("tenant = ?", tenant)
            .keyset(NEWEST_PUBLISHED);
    return reads.page(TenantScope.restrict(query, caller, "tenant = ?"), page);
  }

  /** Drafts (or refreshes) the report of a resolved incident. Runs in the caller's transaction. */
  public Uni<Void> draft(UUID ticketId) {
    return Ticket.<Ticket>findById(ticketId)
        .chain(
            t -> {
              if (t == null
                  || t.type != TicketType.INCIDENT
                  || (t.status != TicketStatus.RESOLVED && t.status != TicketStatus.CLOSED)) {
                // reopened since: the next resolution drafts it
                return Uni.createFrom().voidItem();
              }
              return facts(t)
                  .chain(
                      facts ->
                          IncidentReport.<IncidentReport>find("ticketId", t.id)
                              .withLock(LockModeType.PESSIMISTIC_WRITE)
                              .firstResult()
                              .chain(existing -> keepDraft(t, existing, facts)));
            });
  }

  private Uni<Void> keepDraft(Ticket t, IncidentReport existing, IncidentFacts facts) {
    Instant now = time.instant();
    IncidentReport r = existing;
    if (r == null) {
      r = new IncidentReport();
      r.id = Uuids.timeOrdered();
      r.ticketId = t.id;
      r.tenant = t.tenant;
      r.reference = t.reference;
      r.cause = "";
      r.solution = "";
      r.followUps = new String[0];
      r.draftedAt = now;
      r.version = 0;
    } else if (facts.equals(r.facts)) {
      return Uni.createFrom().voidItem();
    }
    r.facts = facts;
    r.version++;
    r.updatedAt = now;
    r.updatedBy = ACTOR;
    IncidentReport report = r;
    return report
        .persist()
        .chain(() -> IncidentReportVersion.of(report).persist())
        .replaceWithVoid();
  }

  /** One query after the other: a reactive session runs one operation at a time. */
  private static Uni<IncidentFacts> facts(Ticket t) {
    Uni<List<String>> tenants =
        t.tenant != null
            ? Uni.createFrom().item(List.of(t.tenant))
            : Ticket.<Ticket>list("parentId", t.id)
                .map(children -> children.stream().map(c -> c.tenant).distinct().toList());
    return TimelineEntry.<TimelineEntry>list("ticketId = ?1 order by at, seq", t.id)
        .chain(
            entries ->
                TicketLink.<TicketLink>list("ticketId", t.id)
                    .chain(
                        links ->
                            tenants
                                .chain(ReportService::clientNames)
                                .map(
                                    clients ->
                                        ReportAssembly.assemble(
                                            new ReportAssembly.Incident(
                                                t.reference,
                                                t.title,
                                                t.clockStartedAt,
                                                t.firstActionAt,
                                                t.resolvedAt,
                                                t.interventionClock),
                                            entries.stream()
                                                .map(
                                                    e ->
                                                        new ReportAssembly.Entry(
                                                            e.at,
                                                            e.kind.name(),
                                                            e.visibility
                                                                == TimelineEntry.Visibility
                                                                    .INTERNAL,
                                                            e.author,
                                                            e.body))
                                                .toList(),
                                            clients,
                                            labels(links, TicketLink.Kind.HOSTED_SERVICE),
                                            labels(links, TicketLink.Kind.SERVER)))));
  }

  private static Uni<List<String>> clientNames(List<String> codes) {
    if (codes.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return KnownClient.<KnownClient>list("code in ?1", codes)
        .map(
            found -> {
              Map<String, String> names =
                  found.stream().collect(Collectors.toMap(c -> c.code, c -> c.name, (a, b) -> a));
              return codes.stream().map(c -> names.getOrDefault(c, c)).toList();
            });
  }

  private static List<String> labels(List<TicketLink> links, TicketLink.Kind kind) {
    return links.stream()
        .filter(l -> l.kind == kind)
        .map(l -> l.label == null ? l.target : l.label)
        .toList();
  }

  // --- API use cases

  /** The time zone a client's documents are shown in: its support hours', else UTC. */
  @WithSession
  public Uni<ZoneId> zoneOf(String tenant) {
    if (tenant == null) {
      return Uni.createFrom().item(ZoneOffset.UTC);
    }
    return KnownClient.byCode(tenant)
        .map(client -> client == null ? ZoneOffset.UTC : ServiceReportService.zoneOf(client));
  }

  /** Staff: the current version; a client: the last published one. 404 otherwise. */
  @WithSession
  public Uni<ReportView> read(UUID ticketId, Caller caller) {
    return reportOf(ticketId, caller, false)
        .chain(
            r -> {
              if (caller.isStaff()) {
                return Uni.createFrom().item(ReportView.current(r));
              }
              if (r.publishedVersion == null) {
                throw ProblemException.notFound(WHAT, ticketId);
              }
              return IncidentReportVersion.<IncidentReportVersion>find(
                      "reportId = ?1 and version = ?2", r.id, r.publishedVersion)
                  .firstResult()
                  .map(v -> ReportView.of(r, v));
            });
  }

  /** Every kept version, newest first (staff). */
  @WithSession
  public Uni<List<ReportView>> versions(UUID ticketId, Caller caller) {
    return reportOf(ticketId, caller, false)
        .chain(
            r ->
                IncidentReportVersion.<IncidentReportVersion>list(
                        "reportId = ?1 order by version desc", r.id)
                    .map(all -> all.stream().map(v -> ReportView.of(r, v)).toList()));
  }

  /** The engineer's text: a new version when anything changed. */
  @WithTransaction
  public Uni<ReportView> edit(UUID ticketId, String ifMatch, ReportEdit edit, Caller caller) {
    return reportOf(ticketId, caller, true)
        .chain(
            r -> {
              ReportTags.requireMatch(ifMatch, r);
              String cause = edit.cause() == null ? r.cause : edit.cause().strip();
              String solution = edit.solution() == null ? r.solution : edit.solution().strip();
              List<String> followUps =
                  edit.followUps() == null
                      ? List.of(r.followUps)
                      : edit.followUps().stream().map(String::strip).toList();
              if (cause.equals(r.cause)
                  && solution.equals(r.solution)
                  && followUps.equals(List.of(r.followUps))) {
                return Uni.createFrom().item(ReportView.current(r));
              }
              r.cause = cause;
              r.solution = solution;
              r.followUps = followUps.toArray(String[]::new);
              r.version++;
              r.updatedAt = time.instant();
              r.updatedBy = caller.name();
              return IncidentReportVersion.of(r).persist().map(ignored -> ReportView.current(r));
            });
  }

  /** Publishes the current version to the client: cause and solution must be written. */
  @WithTransaction
  public Uni<ReportView> publish(UUID ticketId, String ifMatch, Caller caller) {
    return reportOf(ticketId, caller, true)
        .chain(
            r -> {
              ReportTags.requireMatch(ifMatch, r);
              if (r.tenant == null) {
                throw ProblemException.conflict(
                    "Report "
                        + r.reference
                        + " is the internal parent's: publish each client's incident report");
              }
              if (r.cause.isBlank()) {
                throw ProblemException.invalidField("cause", "must be written before publishing");
              }
              if (r.solution.isBlank()) {
                throw ProblemException.invalidField(
                    "solution", "must be written before publishing");
              }
              if (r.publishedVersion != null && r.publishedVersion == r.version) {
                throw ProblemException.conflict(
                    "Version " + r.version + " of report " + r.reference + " is already published");
              }
              Instant now = time.instant();
              r.publishedVersion = r.version;
              r.publishedAt = now;
              return IncidentReportVersion.<IncidentReportVersion>find(
                      "reportId = ?1 and version = ?2", r.id, r.version)
                  .withLock(LockModeType.PESSIMISTIC_WRITE)
                  .firstResult()
                  .invoke(v -> v.publishedAt = now)
                  .chain(() -> Ticket.<Ticket>findById(r.ticketId))
                  .chain(
                      t ->
                          outbox.record(
                              new ReportPublished(t.ref(), r.id, r.version, caller.name(), now),
                              caller.name()))
                  .map(ignored -> ReportView.current(r));
            });
  }

  /** The report of a ticket the caller may see; 404 for a foreign ticket or no report yet. */
  private static Uni<IncidentReport> reportOf(UUID ticketId, Caller caller, boolean forUpdate) {
    return Ticket.<Ticket>findById(ticketId)
        .map(t -> TenantScope.visibleOr404(t, t == null ? null : t.tenant, caller, WHAT, ticketId))
        .chain(
            t -> {
              PanacheQuery<IncidentReport> query = IncidentReport.find("ticketId", t.id);
              return forUpdate
                  ? query.withLock(LockModeType.PESSIMISTIC_WRITE).<IncidentReport>firstResult()
                  : query.<IncidentReport>firstResult();
            })
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound(WHAT, ticketId));
  }
}
