package io.vigie.ticket.oncall.inbound;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.events.ticket.TicketType;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.problem.Problem;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.ticket.inventory.KnownClient;
import io.vigie.ticket.tickets.Ticket;
import io.vigie.ticket.tickets.TicketService;
import io.vigie.ticket.tickets.TicketViews.LinkRequest;
import io.vigie.ticket.tickets.TicketViews.OpenTicket;
import io.vigie.ticket.tickets.TicketViews.TicketChange;
import io.vigie.ticket.tickets.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Incidents opened by a hoster's own tools through the generic webhook. The caller is an
 * integration: an agent token, bound to one client by its {@code tenant} claim (it opens incidents
 * for that client only; naming another answers 404 as an unknown client does), or not bound (the
 * hoster's own tool, naming the client). The dedup key names the problem: the first FIRING opens an
 * incident (as the client would open it, so its targets must be the client's; it pages like any new
 * incident), a repeat while it is open updates its title and priority and notes the repeat,
 * RESOLVED resolves it pending the client's confirmation, a FIRING after that opens a new one. A
 * transaction-scoped advisory lock on (client, key) serialises senders that retry concurrently.
 */
@ApplicationScoped
public class InboundIncidentService {

  private final TicketService tickets;
  private final InstantSource time;

  public InboundIncidentService(TicketService tickets, InstantSource time) {
    this.tickets = tickets;
    this.time = time;
  }

  /** What a delivery did. */
  @Schema(name = "InboundIncidentAction")
  public enum Action {
    OPENED,
    UPDATED,
    RESOLVED,
    UNCHANGED
  }

  /** The incident behind a dedup key, after a delivery. */
  @Schema(name = "InboundIncidentResult")
  public record Result(
      String client,
      String dedupKey,
      UUID ticketId,
      String reference,
      InboundIncident.InboundStatus status,
      int received,
      Instant firstAt,
      Instant lastAt,
      Action action) {

    static Result of(InboundIncidentRow row, String reference, Action action) {
      return new Result(
          row.tenant,
          row.dedupKey,
          row.ticketId,
          reference,
          row.status,
          row.received,
          row.firstAt,
          row.lastAt,
          action);
    }
  }

  /** The client an integration acts for: its bound client, or the one it names. */
  static String clientOf(String named, Caller integration) {
    String bound = integration.tenant();
    if (bound != null && !bound.isBlank()) {
      if (named != null && !named.equals(bound)) {
        // the tenant wall: another client is answered as an unknown one
        throw ProblemException.notFound("Client", named);
      }
      return bound;
    }
    if (named == null) {
      throw ProblemException.invalidField(
          "client", "is required: this integration is not bound to a client");
    }
    return named;
  }

  /** Receives one delivery. */
  public Uni<Result> receive(InboundIncident in, Caller integration) {
    in.check();
    String tenant = clientOf(in.client(), integration);
    String actor = "integration:" + integration.name();
    Instant now = time.instant();
    return Panache.withTransaction(
        () ->
            KnownClient.byCode(tenant)
                .chain(
                    client -> {
                      if (client == null) {
                        throw ProblemException.invalidField("client", "no such client: " + tenant);
                      }
                      return Panache.getSession()
                          .chain(
                              s ->
                                  s.createNativeQuery(
                                          "select count(*) from (select pg_advisory_xact_lock(hashtextextended(:k, 0))) l",
                                          Long.class)
                                      .setParameter("k", tenant + "\n" + in.dedupKey())
                                      .getSingleResult());
                    })
                .chain(
                    locked ->
                        InboundIncidentRow.<InboundIncidentRow>find(
                                "tenant = ?1 and dedupKey = ?2", tenant, in.dedupKey())
                            .<InboundIncidentRow>firstResult())
                .chain(
                    (InboundIncidentRow row) ->
                        row == null
                            ? Uni.createFrom().item(new Found(null, null))
                            : Ticket.<Ticket>findById(row.ticketId).map(t -> new Found(row, t)))
                .chain(
                    found -> {
                      boolean open =
                          found.ticket() != null
                              && found.ticket().status != TicketStatus.RESOLVED
                              && found.ticket().status != TicketStatus.CLOSED;
                      if (in.status() == InboundIncident.InboundStatus.RESOLVED) {
                        if (found.row() == null) {
                          throw ProblemException.notFound("Incident with dedup key", in.dedupKey());
                        }
                        return open
                            ? resolve(found, actor, now)
                            : Uni.createFrom()
                                .item(
                                    Result.of(
                                        found.row(),
                                        found.ticket() == null ? null : found.ticket().reference,
                                        Action.UNCHANGED));
                      }
                      return open
                          ? update(found, in, actor, now)
                          : openNew(found.row(), in, tenant, actor, now);
                    }));
  }

  /** The integration's view of a dedup key's incident; 404 across the tenant wall. */
  public Uni<Result> find(String dedupKey, String named, Caller integration) {
    String tenant = clientOf(named, integration);
    return Panache.withSession(
        () ->
            InboundIncidentRow.<InboundIncidentRow>find(
                    "tenant = ?1 and dedupKey = ?2", tenant, dedupKey)
                .firstResult()
                .chain(
                    row -> {
                      if (row == null) {
                        throw ProblemException.notFound("Incident with dedup key", dedupKey);
                      }
                      return Ticket.<Ticket>findById(row.ticketId)
                          .map(
                              t ->
                                  Result.of(row, t == null ? null : t.reference, Action.UNCHANGED));
                    }));
  }

  private record Found(InboundIncidentRow row, Ticket ticket) {}

  private Uni<Result> openNew(
      InboundIncidentRow previous, InboundIncident in, String tenant, String actor, Instant now) {
    List<InboundIncident.InboundTarget> targets = in.targets() == null ? List.of() : in.targets();
    OpenTicket request =
        new OpenTicket(
            TicketType.INCIDENT,
            in.summary().strip(),
            in.details() == null ? "" : in.details(),
            InboundIncident.impactOf(in.priority()),
            InboundIncident.urgencyOf(in.priority()),
            tenant,
            targets.stream().map(t -> new LinkRequest(t.kind().link(), t.id())).toList());
    // opened as the client would open it: its targets must be the client's own
    Caller asClient = new Caller(actor, Set.of(Roles.CLIENT), tenant);
    return tickets
        .open(request, asClient, null, null)
        .onFailure(ProblemException.class)
        .transform(e -> targetsNamed((ProblemException) e))
        .chain(
            view -> {
              InboundIncidentRow row = previous;
              if (row == null) {
                row = new InboundIncidentRow();
                row.id = Uuids.timeOrdered();
                row.tenant = tenant;
                row.dedupKey = in.dedupKey();
              }
              row.ticketId = view.id();
              row.integration = actor;
              row.summary = in.summary().strip();
              row.priority = in.priority().name();
              row.status = InboundIncident.InboundStatus.FIRING;
              row.received = 1;
              row.firstAt = now;
              row.lastAt = now;
              InboundIncidentRow kept = row;
              return Ticket.<Ticket>findById(view.id())
                  .chain(
                      t ->
                          tickets.entry(
                              t,
                              now,
                              TimelineEntry.Kind.COMMENT,
                              TimelineEntry.Visibility.INTERNAL,
                              actor,
                              "Opened by "
                                  + actor
                                  + " (dedup key "
                                  + in.dedupKey()
                                  + ", "
                                  + in.priority()
                                  + ")"))
                  .chain(() -> kept.persist())
                  .map(ignored -> Result.of(kept, view.reference(), Action.OPENED));
            });
  }

  private Uni<Result> update(Found found, InboundIncident in, String actor, Instant now) {
    InboundIncidentRow row = found.row();
    Ticket t = found.ticket();
    row.received++;
    row.lastAt = now;
    row.integration = actor;
    String summary = in.summary().strip();
    boolean retitled = !summary.equals(t.title);
    boolean reprioritised = t.priority != in.priority();
    row.summary = summary;
    row.priority = in.priority().name();
    Uni<Void> changed = Uni.createFrom().voidItem();
    if (retitled || reprioritised) {
      // the integration speaks for the hoster's monitoring: its update is a system change
      Caller system = new Caller(actor, Set.of(Roles.ENGINEER), null);
      changed =
          tickets
              .change(
                  t.id,
                  "*",
                  new TicketChange(
                      retitled ? summary : null,
                      null,
                      reprioritised ? InboundIncident.impactOf(in.priority()) : null,
                      reprioritised ? InboundIncident.urgencyOf(in.priority()) : null,
                      null,
                      null,
                      null,
                      null),
                  system)
              .replaceWithVoid();
    }
    return changed
        .chain(
            () ->
                tickets.entry(
                    t,
                    now,
                    TimelineEntry.Kind.COMMENT,
                    TimelineEntry.Visibility.INTERNAL,
                    actor,
                    "Fired again ("
                        + row.received
                        + " deliveries) from "
                        + actor
                        + ": "
                        + summary
                        + " ("
                        + in.priority()
                        + ")"))
        .map(ignored -> Result.of(row, t.reference, Action.UPDATED));
  }

  private Uni<Result> resolve(Found found, String actor, Instant now) {
    InboundIncidentRow row = found.row();
    row.status = InboundIncident.InboundStatus.RESOLVED;
    row.received++;
    row.lastAt = now;
    row.integration = actor;
    return tickets
        .moveBySystem(
            found.ticket(),
            TicketStatus.RESOLVED,
            actor,
            "Resolved by " + actor + "; awaiting the client's confirmation")
        .map(ignored -> Result.of(row, found.ticket().reference, Action.RESOLVED));
  }

  /**
   * The ticket's field names turned into this payload's ({@code links[1].target}: targets[1].id).
   */
  static ProblemException targetsNamed(ProblemException e) {
    Problem p = e.toProblem(null);
    if (p.errors() == null || p.errors().isEmpty()) {
      return e;
    }
    List<Problem.FieldError> renamed =
        p.errors().stream()
            .map(
                f ->
                    new Problem.FieldError(
                        f.field()
                            .replaceFirst("^links\\[(\\d+)\\]\\.target$", "targets[$1].id")
                            .replaceFirst("^links", "targets")
                            .replaceFirst("^title$", "summary")
                            .replaceFirst("^tenant$", "client"),
                        f.message()))
            .toList();
    return new ProblemException(
        e.status(),
        "validation",
        p.title(),
        renamed.stream()
            .map(f -> f.field() + ": " + f.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse(""),
        renamed);
  }
}
