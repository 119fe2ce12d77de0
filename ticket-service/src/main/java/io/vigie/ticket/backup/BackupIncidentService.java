package io.vigie.ticket.backup;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vigie.events.backup.BackupFailed;
import io.vigie.events.backup.BackupKind;
import io.vigie.events.backup.BackupOverdue;
import io.vigie.events.backup.BackupSucceeded;
import io.vigie.events.backup.BackupTarget;
import io.vigie.events.backup.DrpAborted;
import io.vigie.events.backup.DrpActivated;
import io.vigie.events.backup.DrpCompleted;
import io.vigie.events.backup.DrpDirection;
import io.vigie.events.backup.DrpStepCompleted;
import io.vigie.events.backup.DrpStepFailed;
import io.vigie.events.backup.RpoBreached;
import io.vigie.events.backup.RpoRestored;
import io.vigie.events.ticket.SupportLevel;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.events.ticket.TicketType;
import io.vigie.kit.messaging.PoisonMessageException;
import io.vigie.ticket.inventory.KnownServer;
import io.vigie.ticket.priority.Impact;
import io.vigie.ticket.priority.Urgency;
import io.vigie.ticket.tickets.Ticket;
import io.vigie.ticket.tickets.TicketLink;
import io.vigie.ticket.tickets.TicketService;
import io.vigie.ticket.tickets.TimelineEntry;
import io.vigie.ticket.tickets.TimelineEntry.Kind;
import io.vigie.ticket.tickets.TimelineEntry.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Tickets from backup-service's events. A failed run, an overdue run or a broken RPO lands on the
 * newest incident of its policy still open (a timeline entry with the backup facts), else opens an
 * incident for the client of the policy's target, its clocks starting when the problem was seen. A
 * good run arriving adds an entry; {@code RpoRestored} adds one and, per {@code
 * vigie.ticket.backup.rpo-restored-policy}, resolves the incident pending the client's
 * confirmation; nothing is closed silently. Each DRP run has one ticket with a public entry per
 * phase: activated, each step done, "switch-over done" or "DRP finalised". A run's log excerpt is
 * an internal note: it may name paths and hosts the client must not read. Each fact is applied once
 * even when republished under another event id.
 */
@ApplicationScoped
public class BackupIncidentService {

  static final String ACTOR = "backup-service";
  private static final int TITLE_MAX = 200;
  private static final int LOG_MAX = 4_000;
  private static final Set<TicketStatus> DONE = Set.of(TicketStatus.RESOLVED, TicketStatus.CLOSED);

  private final TicketService tickets;
  private final InstantSource time;
  private final BackupTicketConfig config;

  public BackupIncidentService(
      TicketService tickets, InstantSource time, BackupTicketConfig config) {
    this.tickets = tickets;
    this.time = time;
    this.config = config;
  }

  // --- backups; each must run in the consumer's transaction

  public Uni<Void> backupFailed(BackupFailed e) {
    require(e.policyId(), e.tenant(), e.failedAt(), "BackupFailed");
    String facts =
        "The "
            + kind(e.kind())
            + " backup of "
            + name(e.target())
            + (e.startedAt() == null ? "" : " started at " + e.startedAt())
            + " failed at "
            + e.failedAt()
            + (e.reason() == null || e.reason().isBlank() ? "" : ": " + e.reason().strip())
            + ".";
    String log =
        e.logExcerpt() == null || e.logExcerpt().isBlank()
            ? null
            : "Run " + e.runId() + " log:\n" + cut(e.logExcerpt(), LOG_MAX);
    return once(
        "failed:" + e.runId() + ":" + e.policyId(),
        () ->
            problem(
                e.policyId(),
                e.tenant(),
                e.target(),
                Impact.MEDIUM,
                Urgency.MEDIUM,
                e.failedAt(),
                "Backup failed: " + name(e.target()),
                Kind.BACKUP_FAILED,
                facts,
                log));
  }

  public Uni<Void> backupOverdue(BackupOverdue e) {
    require(e.policyId(), e.tenant(), e.detectedAt(), "BackupOverdue");
    String facts =
        "The "
            + kind(e.kind())
            + " backup of "
            + name(e.target())
            + " due at "
            + e.dueAt()
            + " did not start (seen at "
            + e.detectedAt()
            + ").";
    return once(
        "overdue:" + e.policyId() + ":" + e.dueAt(),
        () ->
            problem(
                e.policyId(),
                e.tenant(),
                e.target(),
                Impact.MEDIUM,
                Urgency.MEDIUM,
                e.detectedAt(),
                "Backup overdue: " + name(e.target()),
                Kind.BACKUP_OVERDUE,
                facts,
                null));
  }

  /** A broken RPO is the promise itself failing: higher urgency than one failed run. */
  public Uni<Void> rpoBreached(RpoBreached e) {
    require(e.policyId(), e.tenant(), e.breachedAt(), "RpoBreached");
    String facts =
        "The recovery point objective of "
            + e.rpo()
            + " for "
            + name(e.target())
            + (e.datacenterCode() == null ? "" : " (copy in datacenter " + e.datacenterCode() + ")")
            + " is broken since "
            + e.breachedAt()
            + ": "
            + (e.newestGoodPointAt() == null
                ? "there is no good backup point."
                : "the newest good backup point dates from " + e.newestGoodPointAt() + ".");
    return once(
        "rpo-breached:" + e.policyId() + ":" + e.datacenterCode() + ":" + e.breachedAt(),
        () ->
            problem(
                e.policyId(),
                e.tenant(),
                e.target(),
                Impact.MEDIUM,
                Urgency.HIGH,
                e.breachedAt(),
                "Backup RPO broken: " + name(e.target()),
                Kind.RPO_BREACHED,
                facts,
                null));
  }

  public Uni<Void> rpoRestored(RpoRestored e) {
    require(e.policyId(), e.tenant(), e.restoredAt(), "RpoRestored");
    String facts =
        "The recovery point objective for "
            + name(e.target())
            + (e.datacenterCode() == null ? "" : " (copy in datacenter " + e.datacenterCode() + ")")
            + " holds again since "
            + e.restoredAt()
            + (e.newestGoodPointAt() == null
                ? "."
                : ": a good backup point was made at " + e.newestGoodPointAt() + ".");
    boolean resolve = config.rpoRestoredPolicy() == BackupTicketConfig.RestoredPolicy.RESOLVE;
    return once(
        "rpo-restored:" + e.policyId() + ":" + e.datacenterCode() + ":" + e.restoredAt(),
        () ->
            notClosed(e.policyId())
                .chain(
                    open -> {
                      Uni<Void> chain = none();
                      for (Ticket t : open) {
                        chain =
                            chain
                                .chain(
                                    () -> note(t, e.restoredAt(), Kind.RPO_RESTORED, facts, null))
                                .chain(
                                    () ->
                                        resolve && t.status != TicketStatus.RESOLVED
                                            ? tickets.moveBySystem(
                                                t,
                                                TicketStatus.RESOLVED,
                                                ACTOR,
                                                "Resolved when the RPO held again;"
                                                    + " awaiting your confirmation")
                                            : none());
                      }
                      return chain;
                    }));
  }

  /** A good run is good news on an open incident; it resolves nothing by itself. */
  public Uni<Void> backupSucceeded(BackupSucceeded e) {
    require(e.policyId(), e.tenant(), e.finishedAt(), "BackupSucceeded");
    String facts =
        "A "
            + kind(e.kind())
            + " backup of "
            + name(e.target())
            + " succeeded at "
            + e.finishedAt()
            + (e.snapshotId() == null ? "" : " (snapshot " + e.snapshotId() + ")")
            + ".";
    return once(
        "succeeded:" + e.runId() + ":" + e.policyId(),
        () ->
            notClosed(e.policyId())
                .chain(
                    open -> {
                      Uni<Void> chain = none();
                      for (Ticket t : open) {
                        if (!DONE.contains(t.status)) {
                          chain =
                              chain.chain(
                                  () ->
                                      note(t, e.finishedAt(), Kind.BACKUP_SUCCEEDED, facts, null));
                        }
                      }
                      return chain;
                    }));
  }

  // --- DRP runs

  public Uni<Void> drpActivated(DrpActivated e) {
    require(e.runId(), e.tenant(), e.activatedAt(), "DrpActivated");
    return once(
        "drp-activated:" + e.runId(),
        () ->
            servers(e.fromServerId(), e.toServerId())
                .chain(
                    links ->
                        run(
                            e.planId(),
                            e.runId(),
                            e.tenant(),
                            e.direction(),
                            e.activatedAt(),
                            links))
                .chain(
                    t ->
                        note(
                            t,
                            e.activatedAt(),
                            Kind.DRP_ACTIVATED,
                            "DRP activated by "
                                + e.activatedBy()
                                + " at "
                                + e.activatedAt()
                                + (e.direction() == DrpDirection.FAILOVER
                                    ? ": switching to the recovery server"
                                    : ": returning to production")
                                + (e.reason() == null || e.reason().isBlank()
                                    ? "."
                                    : " (" + e.reason().strip() + ")."),
                            null)));
  }

  public Uni<Void> drpStepCompleted(DrpStepCompleted e) {
    require(e.runId(), e.tenant(), e.completedAt(), "DrpStepCompleted");
    return once(
        "drp-step:" + e.runId() + ":" + e.position(),
        () ->
            run(
                    e.planId(),
                    e.runId(),
                    e.tenant(),
                    e.direction(),
                    e.startedAt() == null ? e.completedAt() : e.startedAt(),
                    List.of())
                .chain(
                    t ->
                        note(
                            t,
                            e.completedAt(),
                            Kind.DRP_STEP_COMPLETED,
                            "DRP step "
                                + e.position()
                                + " done: "
                                + e.name()
                                + (e.startedAt() == null
                                    ? ""
                                    : " (" + e.startedAt() + " to " + e.completedAt() + ")")
                                + ".",
                            null)));
  }

  /**
   * A step failed: the client reads which step and why (public); who reported it, the step's kind
   * and times stay internal. Each failure of a step once (a step retried and failing again is a new
   * failure, with its own time).
   */
  public Uni<Void> drpStepFailed(DrpStepFailed e) {
    require(e.runId(), e.tenant(), e.failedAt(), "DrpStepFailed");
    String step = "DRP step " + e.position() + (e.name() == null ? "" : " (" + e.name() + ")");
    String facts =
        step
            + " failed at "
            + e.failedAt()
            + (e.reason() == null || e.reason().isBlank() ? "" : ": " + e.reason().strip())
            + ". The run waits for our team to retry the step or stop the run.";
    String detail =
        "Step failure reported by "
            + (e.failedBy() == null ? "an unnamed reporter" : e.failedBy())
            + "; step kind "
            + e.kind()
            + ", position "
            + e.position()
            + (e.startedAt() == null ? "" : ", started " + e.startedAt())
            + ", failed "
            + e.failedAt()
            + "; run "
            + e.runId()
            + " of plan "
            + e.planId()
            + ".";
    return once(
        "drp-step-failed:" + e.runId() + ":" + e.position() + ":" + e.failedAt(),
        () ->
            run(
                    e.planId(),
                    e.runId(),
                    e.tenant(),
                    e.direction(),
                    e.startedAt() == null ? e.failedAt() : e.startedAt(),
                    List.of())
                .chain(t -> note(t, e.failedAt(), Kind.DRP_STEP_FAILED, facts, detail)));
  }

  /**
   * The run was stopped for good: the client reads when and why (public); who stopped it and the
   * run's identifiers stay internal. Once per run.
   */
  public Uni<Void> drpAborted(DrpAborted e) {
    require(e.runId(), e.tenant(), e.abortedAt(), "DrpAborted");
    String facts =
        "DRP run stopped at "
            + e.abortedAt()
            + (e.reason() == null || e.reason().isBlank() ? "" : ": " + e.reason().strip())
            + ". What was done stays done; our team tells you here what comes next.";
    String detail =
        "Run aborted by "
            + (e.abortedBy() == null ? "an unnamed person" : e.abortedBy())
            + "; run "
            + e.runId()
            + " of plan "
            + e.planId()
            + ", direction "
            + e.direction()
            + (e.activatedAt() == null ? "" : ", activated " + e.activatedAt())
            + ".";
    return once(
        "drp-aborted:" + e.runId(),
        () ->
            run(
                    e.planId(),
                    e.runId(),
                    e.tenant(),
                    e.direction(),
                    e.activatedAt() == null ? e.abortedAt() : e.activatedAt(),
                    List.of())
                .chain(t -> note(t, e.abortedAt(), Kind.DRP_ABORTED, facts, detail)));
  }

  public Uni<Void> drpCompleted(DrpCompleted e) {
    require(e.runId(), e.tenant(), e.completedAt(), "DrpCompleted");
    String body =
        e.direction() == DrpDirection.FAILOVER
            ? "Switch-over done: your services run on the recovery server since "
                + e.completedAt()
                + "."
            : "DRP finalised: your services are back in production since " + e.completedAt() + ".";
    return once(
        "drp-completed:" + e.runId(),
        () ->
            run(
                    e.planId(),
                    e.runId(),
                    e.tenant(),
                    e.direction(),
                    e.activatedAt() == null ? e.completedAt() : e.activatedAt(),
                    List.of())
                .chain(t -> note(t, e.completedAt(), Kind.DRP_COMPLETED, body, null)));
  }

  // --- inside

  /** Lands a backup problem on the policy's open incident, or opens one. */
  private Uni<Void> problem(
      UUID policyId,
      String tenant,
      BackupTarget target,
      Impact impact,
      Urgency urgency,
      Instant seenAt,
      String title,
      Kind kind,
      String facts,
      String internalLog) {
    return notClosed(policyId)
        .chain(
            open -> {
              Ticket existing =
                  open.stream().filter(t -> !DONE.contains(t.status)).findFirst().orElse(null);
              if (existing != null) {
                return note(existing, seenAt, kind, facts, internalLog);
              }
              return tickets
                  .open(
                      new TicketService.Draft(
                          TicketType.INCIDENT,
                          tenant,
                          cut(title, TITLE_MAX),
                          "Opened by backup-service for the backup policy "
                              + policyId
                              + ". "
                              + facts,
                          impact,
                          urgency,
                          SupportLevel.L1,
                          null,
                          null,
                          seenAt,
                          link(target)),
                      ACTOR)
                  .call(
                      t -> {
                        BackupIncident incident = new BackupIncident();
                        incident.ticketId = t.id;
                        incident.policyId = policyId;
                        incident.tenant = tenant;
                        return incident.persist();
                      })
                  .chain(t -> entries(t, seenAt, kind, facts, internalLog));
            });
  }

  /** The DRP run's ticket, opened at its first event. */
  private Uni<Ticket> run(
      UUID planId,
      UUID runId,
      String tenant,
      DrpDirection direction,
      Instant at,
      List<TicketLink> links) {
    return DrpRunTicket.<DrpRunTicket>findById(runId)
        .chain(
            known -> {
              if (known != null) {
                return Ticket.<Ticket>findById(known.ticketId, LockModeType.PESSIMISTIC_WRITE);
              }
              boolean failover = direction == DrpDirection.FAILOVER;
              return tickets
                  .open(
                      new TicketService.Draft(
                          failover ? TicketType.INCIDENT : TicketType.CHANGE,
                          tenant,
                          failover
                              ? "Disaster recovery: switching to the recovery server"
                              : "Disaster recovery: return to production",
                          "Opened by backup-service for the run "
                              + runId
                              + " of the disaster-recovery plan "
                              + planId
                              + "; each phase is on the timeline.",
                          failover ? Impact.HIGH : Impact.MEDIUM,
                          failover ? Urgency.HIGH : Urgency.LOW,
                          failover ? SupportLevel.L2 : SupportLevel.L1,
                          null,
                          null,
                          at,
                          links),
                      ACTOR)
                  .call(
                      t -> {
                        DrpRunTicket row = new DrpRunTicket();
                        row.runId = runId;
                        row.planId = planId;
                        row.ticketId = t.id;
                        return row.persist();
                      });
            });
  }

  /** The policy's incidents not closed, newest first, locked. */
  private static Uni<List<Ticket>> notClosed(UUID policyId) {
    return Ticket.<Ticket>find(
            "id in (select b.ticketId from BackupIncident b where b.policyId = ?1)"
                + " and status <> ?2 order by openedAt desc",
            policyId,
            TicketStatus.CLOSED)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list();
  }

  /** A ticket changed by an entry: its version moves. */
  private Uni<Void> note(Ticket t, Instant at, Kind kind, String facts, String internalLog) {
    t.version++;
    return entries(t, at, kind, facts, internalLog);
  }

  private Uni<Void> entries(Ticket t, Instant at, Kind kind, String facts, String internalLog) {
    Uni<Void> chain = tickets.entry(t, at, kind, Visibility.PUBLIC, ACTOR, facts);
    if (internalLog != null) {
      chain =
          chain.chain(
              () ->
                  tickets.entry(
                      t, at, TimelineEntry.Kind.COMMENT, Visibility.INTERNAL, ACTOR, internalLog));
    }
    return chain;
  }

  /**
   * Runs {@code action} only the first time {@code fact} is seen (a redelivered event is a no-op).
   */
  private Uni<Void> once(String fact, Supplier<Uni<Void>> action) {
    return recordFirst(fact).chain(first -> first ? action.get() : none());
  }

  private Uni<Boolean> recordFirst(String fact) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "insert into backup_fact (fact, seen_at) values (:fact, :seen)"
                            + " on conflict do nothing")
                    .setParameter("fact", fact)
                    .setParameter("seen", time.instant())
                    .executeUpdate())
        .map(inserted -> inserted == 1);
  }

  private static Uni<List<TicketLink>> servers(UUID from, UUID to) {
    List<UUID> ids = new ArrayList<>();
    if (from != null) {
      ids.add(from);
    }
    if (to != null && !to.equals(from)) {
      ids.add(to);
    }
    if (ids.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return KnownServer.<KnownServer>list("id in ?1", ids)
        .map(
            known ->
                ids.stream()
                    .map(
                        id ->
                            TicketLink.of(
                                null,
                                TicketLink.Kind.SERVER,
                                id.toString(),
                                known.stream()
                                    .filter(s -> s.id.equals(id))
                                    .map(s -> s.hostname)
                                    .findFirst()
                                    .orElse(null)))
                    .toList());
  }

  /** The policy's target as a link, when it is something a ticket links to. */
  private static List<TicketLink> link(BackupTarget target) {
    if (target == null || target.id() == null || target.kind() == null) {
      return List.of();
    }
    TicketLink.Kind kind;
    try {
      kind = TicketLink.Kind.valueOf(target.kind());
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    if (kind == TicketLink.Kind.ALERT) {
      return List.of();
    }
    return List.of(TicketLink.of(null, kind, target.id().toString(), target.name()));
  }

  private static void require(UUID id, String tenant, Instant at, String what) {
    if (id == null || tenant == null || tenant.isBlank() || at == null) {
      throw new PoisonMessageException(what + " without its id, tenant or time");
    }
  }

  private static String name(BackupTarget target) {
    if (target == null) {
      return "the policy's target";
    }
    return target.name() != null ? target.name() : String.valueOf(target.id());
  }

  private static String kind(BackupKind kind) {
    return kind == BackupKind.DATABASE ? "database" : "files";
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static Uni<Void> none() {
    return Uni.createFrom().voidItem();
  }
}
