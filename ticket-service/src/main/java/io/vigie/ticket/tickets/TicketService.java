package io.vigie.ticket.tickets;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.DomainEvent;
import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.ticket.ClockKind;
import io.vigie.events.ticket.ResponderNeeded;
import io.vigie.events.ticket.SupportLevel;
import io.vigie.events.ticket.TicketClosed;
import io.vigie.events.ticket.TicketEscalated;
import io.vigie.events.ticket.TicketOpened;
import io.vigie.events.ticket.TicketPriorityChanged;
import io.vigie.events.ticket.TicketResolved;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.events.ticket.TicketStatusChanged;
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
import io.vigie.kit.web.ETags;
import io.vigie.ticket.TicketConfig;
import io.vigie.ticket.clock.ContractTargets;
import io.vigie.ticket.clock.SupportCalendar;
import io.vigie.ticket.clock.TicketClocks;
import io.vigie.ticket.inventory.KnownClient;
import io.vigie.ticket.priority.Impact;
import io.vigie.ticket.priority.PriorityMatrix;
import io.vigie.ticket.priority.PriorityPolicyService;
import io.vigie.ticket.priority.Urgency;
import io.vigie.ticket.tickets.TicketViews.EntryView;
import io.vigie.ticket.tickets.TicketViews.NewComment;
import io.vigie.ticket.tickets.TicketViews.OpenTicket;
import io.vigie.ticket.tickets.TicketViews.TicketChange;
import io.vigie.ticket.tickets.TicketViews.TicketView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Tickets: opened by clients, staff or alerts; changed, commented and read behind the tenant wall.
 * Every change bumps the ticket's version, lands on its timeline and is published through the
 * outbox in the same transaction; the ticket's contract clocks follow (see {@link TicketClocks}).
 * Events never carry comment text, so no internal note leaves through them.
 */
@ApplicationScoped
public class TicketService {

  private static final Logger LOG = Logger.getLogger(TicketService.class);
  static final String WHAT = "Ticket";

  private final Outbox outbox;
  private final InstantSource time;
  private final TicketConfig config;
  private final TicketLinks linksCheck;
  private final Reads reads;
  private final PriorityPolicyService policies;

  public TicketService(
      Outbox outbox,
      InstantSource time,
      TicketConfig config,
      TicketLinks linksCheck,
      Reads reads,
      PriorityPolicyService policies) {
    this.outbox = outbox;
    this.policies = policies;
    this.reads = reads;
    this.time = time;
    this.config = config;
    this.linksCheck = linksCheck;
  }

  /** What a new ticket is made of, whoever opens it. */
  public record Draft(
      TicketType type,
      String tenant,
      String title,
      String description,
      Impact impact,
      Urgency urgency,
      SupportLevel supportLevel,
      UUID parentId,
      String alertFingerprint,
      Instant clockStartedAt,
      List<TicketLink> links,
      String requestCategory,
      java.time.Duration requestWithin) {

    /** A draft that is no self-service request. */
    public Draft(
        TicketType type,
        String tenant,
        String title,
        String description,
        Impact impact,
        Urgency urgency,
        SupportLevel supportLevel,
        UUID parentId,
        String alertFingerprint,
        Instant clockStartedAt,
        List<TicketLink> links) {
      this(
          type,
          tenant,
          title,
          description,
          impact,
          urgency,
          supportLevel,
          parentId,
          alertFingerprint,
          clockStartedAt,
          links,
          null,
          null);
    }
  }

  // --- API use cases

  @WithTransaction
  public Uni<TicketView> open(OpenTicket request, Caller caller) {
    return open(request, caller, null, null);
  }

  /**
   * Opens a ticket from the API; a self-service request names its category and the time it is
   * handled within, which becomes its resolution clock's target. Callers hold a transaction.
   */
  public Uni<TicketView> open(
      OpenTicket request, Caller caller, String requestCategory, java.time.Duration requestWithin) {
    String tenant = tenantOf(request, caller);
    List<TicketViews.LinkRequest> wanted = request.links() == null ? List.of() : request.links();
    return KnownClient.byCode(tenant)
        .chain(
            client -> {
              if (client == null) {
                throw ProblemException.invalidField("tenant", "no such client: " + tenant);
              }
              return linksCheck.resolve(wanted, tenant, caller);
            })
        .chain(
            links ->
                open(
                    new Draft(
                        request.type(),
                        tenant,
                        request.title().strip(),
                        request.description() == null ? "" : request.description().strip(),
                        request.impact(),
                        request.urgency(),
                        SupportLevel.L1,
                        null,
                        null,
                        time.instant(),
                        links,
                        requestCategory,
                        requestWithin),
                    caller.name()))
        .chain(ticket -> view(ticket, caller));
  }

  /** Tickets newest first, then by id: the list's order and its cursor. */
  static final Keyset NEWEST_FIRST =
      Keyset.descending("opened_at", "timestamptz").then("id", "uuid");

  /** Timeline entries oldest first, in insertion order at the same instant. */
  static final Keyset OLDEST_FIRST = Keyset.ascending("at", "timestamptz").then("seq", "bigint");

  /** One ticket as the caller may see it, rendered by PostgreSQL; 404 when it may not. */
  public Uni<TicketView> find(UUID id, Caller caller) {
    SqlQuery query = document(caller).where("id = ?", id);
    return reads
        .one(TenantScope.restrict(query, caller, "tenant = ?"), TicketView.class)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound(WHAT, id));
  }

  /** List filters, as the resource receives them. */
  public record ListFilter(
      TicketStatus status,
      TicketType type,
      Priority priority,
      SupportLevel supportLevel,
      String tenant,
      String assignee,
      String reference,
      UUID parentId,
      String alert,
      Boolean open) {}

  /** A page of tickets, newest first, rendered by PostgreSQL ({@code ticket_document}). */
  public Uni<Listing<TicketView>> list(ListFilter f, PageRequest page, Caller caller) {
    SqlQuery query =
        document(caller)
            .where("status = ?", f.status())
            .where("type = ?", f.type())
            .where("priority = ?", f.priority())
            .where("support_level = ?", f.supportLevel())
            .where("tenant = ?", f.tenant())
            .where("assignee = ?", f.assignee())
            .where("reference = ?", f.reference())
            .where("parent_id = ?", caller.isStaff() ? f.parentId() : null)
            .where("alert_fingerprint = ?", f.alert())
            .keyset(NEWEST_FIRST);
    if (Boolean.TRUE.equals(f.open())) {
      query.where("status not in ('RESOLVED', 'CLOSED')");
    } else if (Boolean.FALSE.equals(f.open())) {
      query.where("status in ('RESOLVED', 'CLOSED')");
    }
    return reads.page(TenantScope.restrict(query, caller, "tenant = ?"), page);
  }

  private static SqlQuery document(Caller caller) {
    return SqlQuery.select(caller.isStaff() ? "doc" : "client_doc", "ticket_document");
  }

  @WithTransaction
  public Uni<TicketView> change(UUID id, String ifMatch, TicketChange change, Caller caller) {
    return visible(id, caller, true)
        .chain(
            t -> {
              ETags.requireMatch(ifMatch, t.version);
              if (!caller.isStaff() && touchesMoreThanStatus(change)) {
                throw ProblemException.forbidden("A client may only change a ticket's status");
              }
              return policies.matrix().chain(matrix -> apply(t, change, caller, matrix));
            })
        .chain(t -> view(t, caller));
  }

  @WithTransaction
  public Uni<EntryView> comment(UUID id, NewComment comment, Caller caller) {
    TimelineEntry.Visibility visibility =
        comment.visibility() == null ? TimelineEntry.Visibility.PUBLIC : comment.visibility();
    if (!caller.isStaff() && visibility == TimelineEntry.Visibility.INTERNAL) {
      throw ProblemException.forbidden("Only staff write internal notes");
    }
    return visible(id, caller, true)
        .chain(
            t -> {
              if (t.status == TicketStatus.CLOSED) {
                throw ProblemException.conflict("Ticket " + t.reference + " is closed");
              }
              Instant now = time.instant();
              TimelineEntry entry =
                  TimelineEntry.of(
                      t.id,
                      now,
                      TimelineEntry.Kind.COMMENT,
                      visibility,
                      caller.name(),
                      comment.body().strip());
              return clocksOf(t)
                  .chain(
                      clocks -> {
                        List<DomainEvent> events = new ArrayList<>();
                        t.version++;
                        if (caller.isStaff() && visibility == TimelineEntry.Visibility.PUBLIC) {
                          firstEngineerAction(t, clocks, now);
                        }
                        List<TimelineEntry> entries = new ArrayList<>(List.of(entry));
                        if (!caller.isStaff() && t.status == TicketStatus.WAITING_FOR_CLIENT) {
                          // the client's answer puts the ticket back in the hoster's hands
                          moveStatus(t, clocks, TicketStatus.IN_PROGRESS, caller, now, events);
                          entries.add(
                              entry(
                                  t,
                                  now,
                                  TimelineEntry.Kind.STATUS_CHANGED,
                                  true,
                                  caller.name(),
                                  "WAITING_FOR_CLIENT -> IN_PROGRESS: the client answered"));
                        }
                        keep(t, clocks);
                        return TimelineEntry.persist(entries)
                            .chain(() -> record(events, caller.name()))
                            .map(ignored -> EntryView.of(entry));
                      });
            });
  }

  /** The timeline, oldest first; a client reads only its public entries. */
  public Uni<Listing<EntryView>> timeline(UUID id, PageRequest page, Caller caller) {
    return find(id, caller)
        .chain(
            ticket -> {
              SqlQuery query =
                  SqlQuery.select("doc", "ticket_entry_document")
                      .where("ticket_id = ?", id)
                      .where("visibility = ?", caller.isStaff() ? null : "PUBLIC")
                      .keyset(OLDEST_FIRST);
              return reads.page(query, page);
            });
  }

  // --- building blocks for the other features (incidents, clock job); callers hold a transaction

  /**
   * Opens a ticket from a draft: reference, priority from the current matrix, clocks, links,
   * timeline and events.
   */
  public Uni<Ticket> open(Draft d, String actor) {
    return open(d, actor, true);
  }

  /**
   * As {@link #open(Draft, String)}; {@code page} false opens a new incident without calling for a
   * responder (one grouped under a host-down incident that already did).
   */
  public Uni<Ticket> open(Draft d, String actor, boolean page) {
    return policies.matrix().chain(matrix -> open(d, actor, page, matrix));
  }

  private Uni<Ticket> open(Draft d, String actor, boolean page, PriorityMatrix matrix) {
    Instant now = time.instant();
    return References.next(d.type(), now)
        .chain(
            reference ->
                targetsOf(d.tenant(), d.requestWithin())
                    .chain(
                        targets -> {
                          Ticket t = new Ticket();
                          t.id = Uuids.timeOrdered();
                          t.reference = reference;
                          t.tenant = d.tenant();
                          t.type = d.type();
                          t.status = TicketStatus.NEW;
                          t.impact = d.impact();
                          t.urgency = d.urgency();
                          t.priority = matrix.priorityOf(d.impact(), d.urgency());
                          t.supportLevel = d.supportLevel();
                          t.title = d.title();
                          t.description = d.description();
                          t.parentId = d.parentId();
                          t.alertFingerprint = d.alertFingerprint();
                          t.openedBy = actor;
                          t.openedAt = now;
                          t.clockStartedAt = d.clockStartedAt();
                          t.requestCategory = d.requestCategory();
                          t.requestWithin =
                              d.requestWithin() == null ? null : d.requestWithin().toString();
                          t.version = 1;
                          keep(t, TicketClocks.start(targets, t.priority, d.clockStartedAt()));
                          List<TicketLink> links =
                              d.links().stream()
                                  .map(l -> TicketLink.of(t.id, l.kind, l.target, l.label))
                                  .distinct()
                                  .toList();
                          List<DomainEvent> events = new ArrayList<>();
                          events.add(
                              new TicketOpened(
                                  t.ref(),
                                  t.type,
                                  t.title,
                                  t.priority,
                                  t.supportLevel,
                                  t.parentId,
                                  t.alertFingerprint,
                                  t.clockStartedAt,
                                  t.openedAt));
                          if (page && t.type == TicketType.INCIDENT && t.parentId == null) {
                            // one page per problem: a client's incident under a parent is covered
                            // by the parent's
                            events.add(
                                responderNeeded(t, ResponderNeeded.Reason.NEW_INCIDENT, now));
                          }
                          return t.<Ticket>persist()
                              .call(() -> Panache.getSession().chain(s -> s.flush()))
                              .call(
                                  () ->
                                      links.isEmpty()
                                          ? Uni.createFrom().voidItem()
                                          : TicketLink.persist(links))
                              .call(
                                  () ->
                                      entry(
                                          t,
                                          now,
                                          TimelineEntry.Kind.OPENED,
                                          TimelineEntry.Visibility.PUBLIC,
                                          actor,
                                          "Opened " + t.reference + ": " + t.title))
                              .call(() -> record(events, actor));
                        }));
  }

  /** Adds a timeline entry (the caller bumps the version when the ticket itself changed). */
  public Uni<Void> entry(
      Ticket t,
      Instant at,
      TimelineEntry.Kind kind,
      TimelineEntry.Visibility visibility,
      String author,
      String body) {
    return TimelineEntry.of(t.id, at, kind, visibility, author, body).persist().replaceWithVoid();
  }

  /**
   * Moves a ticket to {@code to} on behalf of a system actor (monitoring, the clock job), with the
   * clocks following and the events recorded.
   */
  public Uni<Void> moveBySystem(Ticket t, TicketStatus to, String actor, String why) {
    Instant now = time.instant();
    Caller system = new Caller(actor, java.util.Set.of(), null);
    return clocksOf(t)
        .chain(
            clocks -> {
              List<DomainEvent> events = new ArrayList<>();
              t.version++;
              moveStatus(t, clocks, to, system, now, events);
              if (to == TicketStatus.IN_PROGRESS && t.groupedUnder == null) {
                events.add(responderNeeded(t, ResponderNeeded.Reason.REOPENED, now));
              }
              keep(t, clocks);
              return entry(
                      t,
                      now,
                      TimelineEntry.Kind.STATUS_CHANGED,
                      TimelineEntry.Visibility.PUBLIC,
                      actor,
                      why)
                  .chain(() -> record(events, actor));
            });
  }

  /** The ticket's clocks on its client's current contract. */
  public Uni<TicketClocks> clocksOf(Ticket t) {
    return targetsOf(t.tenant, t.requestWithinDuration())
        .map(targets -> TicketClocks.restore(targets, t.interventionClock, t.resolutionClock));
  }

  /** Stores the clocks' state, deadlines and next check on the ticket. */
  public static void keep(Ticket t, TicketClocks clocks) {
    t.interventionClock = clocks.interventionState();
    t.resolutionClock = clocks.resolutionState();
    t.interventionDeadline = clocks.deadline(ClockKind.INTERVENTION).orElse(null);
    t.resolutionDeadline = clocks.deadline(ClockKind.RESOLUTION).orElse(null);
    t.nextClockCheck = clocks.nextCheck().orElse(null);
  }

  public Uni<Void> record(List<DomainEvent> events, String actor) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (DomainEvent event : events) {
      chain = chain.chain(() -> outbox.record(event, actor));
    }
    return chain;
  }

  public static ResponderNeeded responderNeeded(
      Ticket t, ResponderNeeded.Reason reason, Instant at) {
    return new ResponderNeeded(
        t.ref(), t.priority, t.supportLevel, reason, t.interventionDeadline, at);
  }

  // --- inside

  private Uni<Ticket> apply(Ticket t, TicketChange c, Caller caller, PriorityMatrix matrix) {
    Instant now = time.instant();
    String actor = caller.name();
    boolean levelChanges = c.supportLevel() != null && c.supportLevel() != t.supportLevel;
    if (levelChanges && (c.reason() == null || c.reason().isBlank())) {
      throw ProblemException.invalidField("reason", "is required to change the support level");
    }
    if (c.status() != null && c.status() != t.status) {
      TicketWorkflow.refusal(
              t.status, c.status(), caller.isStaff(), t.resolvedAt, now, config.reopenPeriod())
          .ifPresent(
              refusal -> {
                throw refusal.forbidden()
                    ? ProblemException.forbidden(refusal.reason())
                    : ProblemException.conflict(refusal.reason());
              });
    }
    if (c.status() == t.status && c.status() != null && onlyStatusIsSet(c)) {
      throw ProblemException.conflict("The ticket is already " + t.status);
    }
    return clocksOf(t)
        .chain(
            clocks -> {
              List<DomainEvent> events = new ArrayList<>();
              List<TimelineEntry> entries = new ArrayList<>();
              boolean changed = false;
              long next = t.version + 1;
              t.version = next;
              if (c.title() != null && !c.title().strip().equals(t.title)) {
                t.title = c.title().strip();
                changed = true;
                entries.add(
                    entry(t, now, TimelineEntry.Kind.UPDATED, true, actor, "Title: " + t.title));
              }
              if (c.description() != null && !c.description().strip().equals(t.description)) {
                t.description = c.description().strip();
                changed = true;
                entries.add(
                    entry(t, now, TimelineEntry.Kind.UPDATED, true, actor, "Description changed"));
              }
              Impact impact = c.impact() == null ? t.impact : c.impact();
              Urgency urgency = c.urgency() == null ? t.urgency : c.urgency();
              if (impact != t.impact || urgency != t.urgency) {
                Priority before = t.priority;
                t.impact = impact;
                t.urgency = urgency;
                t.priority = matrix.priorityOf(impact, urgency);
                changed = true;
                if (t.priority != before) {
                  clocks.priorityChanged(t.priority, now, t.firstActionAt != null);
                  keep(t, clocks);
                  events.add(
                      new TicketPriorityChanged(
                          t.ref(),
                          before,
                          t.priority,
                          t.interventionDeadline,
                          t.resolutionDeadline,
                          actor,
                          now));
                }
                entries.add(
                    entry(
                        t,
                        now,
                        TimelineEntry.Kind.PRIORITY_CHANGED,
                        true,
                        actor,
                        "Impact "
                            + impact
                            + ", urgency "
                            + urgency
                            + ": priority "
                            + before
                            + " -> "
                            + t.priority));
              }
              if (levelChanges) {
                SupportLevel before = t.supportLevel;
                t.supportLevel = c.supportLevel();
                changed = true;
                // the person's reason is an internal timeline entry: the event, which the client
                // reads in its change log (/api/v1/changes), does not carry it
                events.add(
                    new TicketEscalated(t.ref(), before, t.supportLevel, false, null, actor, now));
                events.add(responderNeeded(t, ResponderNeeded.Reason.ESCALATED, now));
                entries.add(
                    entry(
                        t,
                        now,
                        TimelineEntry.Kind.ESCALATED,
                        false,
                        actor,
                        before + " -> " + t.supportLevel + ": " + c.reason().strip()));
              }
              if (c.assignee() != null && !c.assignee().equals(t.assignee)) {
                t.assignee = c.assignee().isBlank() ? null : c.assignee().strip();
                changed = true;
                entries.add(
                    entry(
                        t,
                        now,
                        TimelineEntry.Kind.ASSIGNED,
                        false,
                        actor,
                        t.assignee == null ? "Unassigned" : "Assigned to " + t.assignee));
              }
              if (c.status() != null && c.status() != t.status) {
                TicketStatus before = t.status;
                moveStatus(t, clocks, c.status(), caller, now, events);
                changed = true;
                entries.add(
                    entry(
                        t,
                        now,
                        TimelineEntry.Kind.STATUS_CHANGED,
                        true,
                        actor,
                        before + " -> " + t.status));
              }
              if (!changed) {
                t.version = next - 1;
                return Uni.createFrom().item(t);
              }
              keep(t, clocks);
              return TimelineEntry.persist(entries)
                  .chain(() -> record(events, actor))
                  .replaceWith(t);
            });
  }

  private static TimelineEntry entry(
      Ticket t, Instant at, TimelineEntry.Kind kind, boolean visible, String author, String body) {
    return TimelineEntry.of(
        t.id,
        at,
        kind,
        visible ? TimelineEntry.Visibility.PUBLIC : TimelineEntry.Visibility.INTERNAL,
        author,
        body);
  }

  /** Applies a status move (already checked) and its effect on the clocks; adds its event. */
  private void moveStatus(
      Ticket t,
      TicketClocks clocks,
      TicketStatus to,
      Caller caller,
      Instant now,
      List<DomainEvent> events) {
    TicketStatus from = t.status;
    t.status = to;
    if (caller.isStaff()) {
      firstEngineerAction(t, clocks, now);
    }
    if (from == TicketStatus.WAITING_FOR_CLIENT) {
      clocks.clientAnswered(now);
    }
    switch (to) {
      case ACKNOWLEDGED -> t.acknowledgedAt = now;
      case WAITING_FOR_CLIENT -> clocks.waitForClient(now);
      case RESOLVED -> {
        t.resolvedAt = now;
        clocks.resolved(now);
      }
      case CLOSED -> {
        t.closedAt = now;
        clocks.closed(now);
      }
      case IN_PROGRESS -> {
        if (from == TicketStatus.RESOLVED) {
          t.resolvedAt = null;
          clocks.reopened(now);
        }
      }
      default -> {}
    }
    keep(t, clocks);
    events.add(
        switch (to) {
          case RESOLVED ->
              new TicketResolved(
                  t.ref(),
                  from,
                  clocks.clock(ClockKind.RESOLUTION).map(c -> c.metAt(now)).orElse(null),
                  caller.name(),
                  now);
          case CLOSED -> new TicketClosed(t.ref(), from, caller.name(), now);
          default -> new TicketStatusChanged(t.ref(), from, to, caller.name(), now);
        });
  }

  private static void firstEngineerAction(Ticket t, TicketClocks clocks, Instant now) {
    if (t.firstActionAt == null) {
      t.firstActionAt = now;
      clocks.firstEngineerAction(now);
    }
  }

  /** The client's contract targets; a request's handling time replaces the resolution times. */
  private Uni<ContractTargets> targetsOf(String tenant, java.time.Duration requestWithin) {
    return targetsOf(tenant).map(targets -> targets.withResolution(requestWithin));
  }

  private Uni<ContractTargets> targetsOf(String tenant) {
    if (tenant == null) {
      return Uni.createFrom().item(ContractTargets.of(null));
    }
    return KnownClient.byCode(tenant)
        .map(
            client -> {
              try {
                return ContractTargets.of(client == null ? null : client.contract);
              } catch (SupportCalendar.InvalidCalendar e) {
                LOG.warnf(
                    "Contract of %s has support hours that cannot be counted in (%s: %s); its"
                        + " tickets run no clock",
                    tenant, e.field(), e.getMessage());
                return ContractTargets.of(null);
              }
            });
  }

  /** A ticket the caller may see, locked for update when {@code forUpdate}; 404 otherwise. */
  private static Uni<Ticket> visible(UUID id, Caller caller, boolean forUpdate) {
    Uni<Ticket> found =
        forUpdate
            ? Ticket.<Ticket>findById(id, LockModeType.PESSIMISTIC_WRITE)
            : Ticket.<Ticket>findById(id);
    return found.map(
        t -> TenantScope.visibleOr404(t, t == null ? null : t.tenant, caller, WHAT, id));
  }

  private Uni<TicketView> view(Ticket t, Caller caller) {
    return TicketLink.<TicketLink>list("ticketId = ?1 order by kind, target", t.id)
        .map(links -> TicketView.of(t, links, caller));
  }

  private static String tenantOf(OpenTicket request, Caller caller) {
    if (caller.isStaff()) {
      if (request.tenant() == null || request.tenant().isBlank()) {
        throw ProblemException.invalidField("tenant", "staff must name the client");
      }
      return request.tenant().strip();
    }
    if (request.tenant() != null && !request.tenant().equals(caller.tenant())) {
      throw ProblemException.invalidField("tenant", "a client opens tickets for itself only");
    }
    return caller.tenant();
  }

  /** True when a change touches anything but the status. */
  private static boolean touchesMoreThanStatus(TicketChange c) {
    return c.title() != null
        || c.description() != null
        || c.impact() != null
        || c.urgency() != null
        || c.supportLevel() != null
        || c.assignee() != null;
  }

  private static boolean onlyStatusIsSet(TicketChange c) {
    return !touchesMoreThanStatus(c) && Objects.isNull(c.reason());
  }
}
