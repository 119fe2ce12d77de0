package io.vigie.ticket.oncall.paging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.SupportHours;
import io.vigie.events.ticket.PageAcknowledged;
import io.vigie.events.ticket.PageEscalated;
import io.vigie.events.ticket.PageSent;
import io.vigie.events.ticket.ResponderNeeded;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.ticket.clock.SupportCalendar;
import io.vigie.ticket.inventory.KnownClient;
import io.vigie.ticket.knowledge.IncidentRunbooks;
import io.vigie.ticket.knowledge.IncidentRunbooks.IncidentRunbook;
import io.vigie.ticket.oncall.ContactMethod;
import io.vigie.ticket.oncall.DeliveryOutcome;
import io.vigie.ticket.oncall.NotificationRule;
import io.vigie.ticket.oncall.Notifier;
import io.vigie.ticket.oncall.OnCallPerson;
import io.vigie.ticket.oncall.schedule.ScheduleService;
import io.vigie.ticket.oncall.team.TeamService;
import io.vigie.ticket.tickets.Ticket;
import io.vigie.ticket.tickets.TicketLink;
import io.vigie.ticket.tickets.TicketService;
import io.vigie.ticket.tickets.TicketViews.TicketChange;
import io.vigie.ticket.tickets.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Pages people for tickets that need a human. A {@code ResponderNeeded} opens one page per ticket
 * (a redelivered event, or another one while the page is open, opens nothing) on the policy chosen
 * for the ticket's client and priority, and writes the first step's notifications in the same
 * transaction as the page. The watch then, on the injected clock: sends due notifications (claimed
 * first so a crash resends at most the one in flight), retries failures with back-off and records
 * each outcome on the ticket's timeline (internal); moves a page to its next step when its delay
 * ran out, round after round, until acknowledged or exhausted. Acknowledging (API or the single-use
 * link of an email) stops the page, cancels what was not sent, and acknowledges the ticket as that
 * person, which stops its GTI clock.
 */
@ApplicationScoped
public class PagingService {

  private static final Logger LOG = Logger.getLogger(PagingService.class);
  static final String ACTOR = "on-call";
  static final int BATCH = 50;

  /** A page that may still notify someone: held until support hours open, or escalating. */
  static final List<Page.Status> LIVE = List.of(Page.Status.HELD, Page.Status.OPEN);

  /** How long a claimed notification stays claimed before another run may send it again. */
  static final Duration CLAIM = Duration.ofMinutes(2);

  private final InstantSource time;
  private final Notifier notifier;
  private final TicketService tickets;
  private final ScheduleService schedules;
  private final OnCallConfig config;
  private final MeterRegistry meters;
  private final IncidentRunbooks runbooks;
  private final SecureRandom random = new SecureRandom();

  public PagingService(
      InstantSource time,
      Notifier notifier,
      TicketService tickets,
      ScheduleService schedules,
      OnCallConfig config,
      MeterRegistry meters,
      IncidentRunbooks runbooks) {
    this.time = time;
    this.notifier = notifier;
    this.tickets = tickets;
    this.schedules = schedules;
    this.config = config;
    this.meters = meters;
    this.runbooks = runbooks;
  }

  // --- opening, inside the consumer's transaction

  /** Opens the ticket's page unless one is open; the caller holds the transaction. */
  public Uni<Void> open(ResponderNeeded needed) {
    UUID ticketId = needed.ticket().id();
    Instant now = time.instant();
    return Page.<Page>find("ticketId = ?1 and status in ?2", ticketId, LIVE)
        .firstResult()
        .chain(
            open -> {
              if (open != null) {
                return Uni.createFrom().voidItem();
              }
              return Ticket.<Ticket>findById(ticketId)
                  .chain(
                      t -> {
                        if (t == null
                            || t.status == TicketStatus.RESOLVED
                            || t.status == TicketStatus.CLOSED) {
                          return Uni.createFrom().voidItem();
                        }
                        return policyFor(t.tenant, t.priority.name())
                            .chain(
                                policy ->
                                    policy == null
                                        ? noPolicy(t)
                                        : supportHoursOf(t)
                                            .chain(hours -> start(t, needed, policy, hours, now)));
                      });
            });
  }

  private Uni<Void> noPolicy(Ticket t) {
    // logged, not written on the timeline: a hoster without any policy does not page at all
    LOG.infof(
        "No escalation policy for %s (%s, %s): nobody paged", t.reference, t.tenant, t.priority);
    return Uni.createFrom().voidItem();
  }

  Uni<EscalationPolicyRow> policyFor(String tenant, String priority) {
    return EscalationPolicyRow.<EscalationPolicyRow>listAll()
        .map(
            all ->
                PolicyChoice.choose(
                        all.stream()
                            .map(p -> new PolicyChoice.Attachment<>(p, p.tenant, p.priority))
                            .toList(),
                        tenant,
                        priority)
                    .orElse(null));
  }

  /** The support hours of the ticket's client's contract; null without a client or contract. */
  private static Uni<SupportHours> supportHoursOf(Ticket t) {
    if (t.tenant == null) {
      return Uni.createFrom().nullItem();
    }
    return KnownClient.byCode(t.tenant)
        .map(c -> c == null || c.contract == null ? null : c.contract.supportHours());
  }

  /** When paging starts (see {@link PagingHours}); at once when the calendar cannot be read. */
  private static Instant startsAt(Ticket t, SupportHours hours, Instant now) {
    try {
      return PagingHours.startsAt(t.priority, hours, now);
    } catch (SupportCalendar.InvalidCalendar e) {
      LOG.warnf(
          "Support hours of %s unreadable (%s: %s): %s paged at once",
          t.tenant, e.field(), e.getMessage(), t.reference);
      return now;
    }
  }

  private Uni<Void> start(
      Ticket t,
      ResponderNeeded needed,
      EscalationPolicyRow policy,
      SupportHours hours,
      Instant now) {
    Instant starts = startsAt(t, hours, now);
    Page p = new Page();
    p.id = Uuids.timeOrdered();
    p.ticketId = t.id;
    p.ticketReference = t.reference;
    p.tenant = t.tenant;
    p.title = t.title;
    p.priority = t.priority.name();
    p.reason = reasonText(needed.reason());
    p.deadline = needed.deadline();
    p.policyId = policy.id;
    p.round = 0;
    p.step = 0;
    p.openedAt = now;
    p.version = 1;
    meters.counter("vigie.oncall.pages.opened").increment();
    if (starts.isAfter(now)) {
      // a lower priority outside the contract's support hours: held until they open, when the
      // watch starts it (the on-call of a schedule is the one at that time)
      p.status = Page.Status.HELD;
      p.nextStepAt = starts;
      return p.persist()
          .chain(
              () ->
                  tickets.entry(
                      t,
                      now,
                      TimelineEntry.Kind.COMMENT,
                      TimelineEntry.Visibility.INTERNAL,
                      ACTOR,
                      t.priority
                          + " outside the contract's support hours: paging with escalation policy"
                          + " \""
                          + policy.name
                          + "\" held until "
                          + PagingHours.local(starts, hours)
                          + " ("
                          + p.reason
                          + ")"));
    }
    p.status = Page.Status.OPEN;
    p.nextStepAt = now.plus(policy.plan().delay(new EscalationPlan.Position(0, 0)));
    return p.persist()
        .chain(() -> notifyStep(p, policy, now))
        .chain(
            () ->
                tickets.entry(
                    t,
                    now,
                    TimelineEntry.Kind.COMMENT,
                    TimelineEntry.Visibility.INTERNAL,
                    ACTOR,
                    "Paging with escalation policy \"" + policy.name + "\" (" + p.reason + ")"));
  }

  static String reasonText(ResponderNeeded.Reason reason) {
    return switch (reason) {
      case NEW_INCIDENT -> "new incident, nobody acknowledged it yet";
      case INTERVENTION_CLOCK_WARNING -> "the GTI clock crossed a warning threshold";
      case INTERVENTION_CLOCK_BREACHED -> "the GTI clock ran out";
      case ESCALATED -> "the ticket was escalated";
      case REOPENED -> "a resolved incident fired again";
    };
  }

  /** Writes the notifications of the page's current step: its targets' rules, due from now. */
  private Uni<Void> notifyStep(Page p, EscalationPolicyRow policy, Instant now) {
    PolicyStep step = policy.steps.steps().get(p.step);
    Uni<Set<String>> people = Uni.createFrom().item(new LinkedHashSet<>());
    for (PolicyStep.StepTarget target : step.targets()) {
      people =
          people.chain(
              found -> {
                if (target.kind() == PolicyStep.StepTarget.Kind.PERSON) {
                  found.add(target.id());
                  return Uni.createFrom().item(found);
                }
                if (target.kind() == PolicyStep.StepTarget.Kind.TEAM) {
                  return TeamService.members(UUID.fromString(target.id()))
                      .map(
                          members -> {
                            found.addAll(members);
                            return found;
                          });
                }
                return schedules
                    .onCallNow(UUID.fromString(target.id()), now)
                    .map(
                        subject -> {
                          if (subject != null) {
                            found.add(subject);
                          }
                          return found;
                        });
              });
    }
    return people.chain(
        subjects -> {
          Uni<Void> chain = Uni.createFrom().voidItem();
          for (String subject : subjects) {
            chain = chain.chain(() -> notifyPerson(p, subject, now));
          }
          return chain;
        });
  }

  private Uni<Void> notifyPerson(Page p, String subject, Instant now) {
    return OnCallPerson.<OnCallPerson>findById(subject)
        .chain(
            person -> {
              if (person == null) {
                return Uni.createFrom().voidItem();
              }
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (NotificationRule rule : person.rules()) {
                ContactMethod method =
                    person.methods().stream()
                        .filter(m -> m.name().equals(rule.contact()))
                        .findFirst()
                        .orElse(null);
                if (method == null) {
                  continue;
                }
                PageNotification n = new PageNotification();
                n.id = Uuids.timeOrdered();
                n.pageId = p.id;
                n.round = p.round;
                n.step = p.step;
                n.subject = subject;
                n.contact = method.name();
                n.kind = method.kind();
                n.dueAt = now.plus(rule.after());
                n.status = PageNotification.Status.PENDING;
                n.attempts = 0;
                chain = chain.chain(() -> n.persist().replaceWithVoid());
              }
              return chain;
            });
  }

  // --- the watch

  /** Moves every page whose step delay ran out; answers how many moved. */
  public Uni<Integer> escalateDue() {
    Instant now = time.instant();
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    s ->
                        s.createNativeQuery(
                                "select * from oncall_page where status in ('OPEN', 'HELD') and"
                                    + " next_step_at <= :now order by next_step_at limit :batch"
                                    + " for update skip locked",
                                Page.class)
                            .setParameter("now", now)
                            .setParameter("batch", BATCH)
                            .getResultList())
                .chain(
                    due -> {
                      Uni<Void> chain = Uni.createFrom().voidItem();
                      for (Page p : due) {
                        chain = chain.chain(() -> escalate(p, now));
                      }
                      return chain.replaceWith(due.size());
                    }));
  }

  private Uni<Void> escalate(Page p, Instant now) {
    return EscalationPolicyRow.<EscalationPolicyRow>findById(p.policyId)
        .chain(
            policy -> {
              if (p.status == Page.Status.HELD) {
                return release(p, policy, now);
              }
              EscalationPlan plan = policy.plan();
              EscalationPlan.Position next =
                  plan.after(new EscalationPlan.Position(p.round, p.step));
              p.version++;
              return Ticket.<Ticket>findById(p.ticketId)
                  .chain(
                      t -> {
                        if (next == null) {
                          p.status = Page.Status.EXHAUSTED;
                          p.nextStepAt = null;
                          return tickets.entry(
                              t,
                              now,
                              TimelineEntry.Kind.COMMENT,
                              TimelineEntry.Visibility.INTERNAL,
                              ACTOR,
                              "Nobody acknowledged the page; its escalation policy is exhausted");
                        }
                        p.round = next.round();
                        p.step = next.step();
                        p.nextStepAt = p.nextStepAt.plus(plan.delay(next));
                        if (!p.nextStepAt.isAfter(now)) {
                          p.nextStepAt = now.plus(plan.delay(next));
                        }
                        meters.counter("vigie.oncall.pages.escalated").increment();
                        return notifyStep(p, policy, now)
                            .chain(
                                () ->
                                    tickets.record(
                                        List.of(
                                            new PageEscalated(
                                                t.ref(), p.id, p.round + 1, p.step + 1, now)),
                                        ACTOR))
                            .chain(
                                () ->
                                    tickets.entry(
                                        t,
                                        now,
                                        TimelineEntry.Kind.COMMENT,
                                        TimelineEntry.Visibility.INTERNAL,
                                        ACTOR,
                                        "Not acknowledged: page escalated to step "
                                            + (p.step + 1)
                                            + " (round "
                                            + (p.round + 1)
                                            + ")"));
                      });
            });
  }

  /** Support hours opened on a held page: its first step goes now. */
  private Uni<Void> release(Page p, EscalationPolicyRow policy, Instant now) {
    p.status = Page.Status.OPEN;
    p.round = 0;
    p.step = 0;
    p.nextStepAt = now.plus(policy.plan().delay(new EscalationPlan.Position(0, 0)));
    p.version++;
    return notifyStep(p, policy, now)
        .chain(() -> Ticket.<Ticket>findById(p.ticketId))
        .chain(
            t ->
                tickets.entry(
                    t,
                    now,
                    TimelineEntry.Kind.COMMENT,
                    TimelineEntry.Visibility.INTERNAL,
                    ACTOR,
                    "Support hours opened: paging starts with step 1 of escalation policy \""
                        + policy.name
                        + "\""));
  }

  /** A notification claimed for sending, with its link token when it is an email. */
  record Claimed(UUID id, String token) {}

  /** Sends every due notification; answers how many were tried. */
  public Uni<Integer> sendDue() {
    Instant now = time.instant();
    return Panache.withTransaction(
            () ->
                Panache.getSession()
                    .chain(
                        s ->
                            s.createNativeQuery(
                                    "select * from oncall_notification where status = 'PENDING'"
                                        + " and due_at <= :now order by due_at limit :batch"
                                        + " for update skip locked",
                                    PageNotification.class)
                                .setParameter("now", now)
                                .setParameter("batch", BATCH)
                                .getResultList())
                    .map(
                        due -> {
                          List<Claimed> claimed = new ArrayList<>();
                          for (PageNotification n : due) {
                            n.dueAt = now.plus(CLAIM);
                            n.attempts++;
                            String token = null;
                            if (n.kind == ContactMethod.Kind.EMAIL) {
                              token = newToken();
                              n.linkHash = sha256(token);
                              n.linkExpiresAt = now.plus(config.linkValidFor());
                            }
                            claimed.add(new Claimed(n.id, token));
                          }
                          return claimed;
                        }))
        .chain(
            claimed -> {
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (Claimed c : claimed) {
                chain = chain.chain(() -> send(c));
              }
              return chain.replaceWith(claimed.size());
            });
  }

  private Uni<Void> send(Claimed c) {
    return Panache.withSession(
            () ->
                PageNotification.<PageNotification>findById(c.id())
                    .chain(
                        n ->
                            Page.<Page>findById(n.pageId)
                                .chain(
                                    p ->
                                        OnCallPerson.<OnCallPerson>findById(n.subject)
                                            .chain(
                                                person ->
                                                    KnownClient.<KnownClient>find("code", p.tenant)
                                                        .firstResult()
                                                        .chain(
                                                            client ->
                                                                affected(p.ticketId)
                                                                    .map(
                                                                        affected ->
                                                                            new Sending(
                                                                                n,
                                                                                p,
                                                                                person,
                                                                                client == null
                                                                                    ? null
                                                                                    : client.name,
                                                                                affected)))))))
        .chain(
            s -> {
              if (s.page().status != Page.Status.OPEN) {
                return record(c, null, "the page was acknowledged first");
              }
              ContactMethod method =
                  s.person() == null
                      ? null
                      : s.person().methods().stream()
                          .filter(m -> m.name().equals(s.notification().contact))
                          .findFirst()
                          .orElse(null);
              if (method == null) {
                return record(
                    c,
                    new DeliveryOutcome(false, "the contact method was removed", time.instant()),
                    null);
              }
              PageMessage.Links links =
                  c.token() == null
                      ? null
                      : new PageMessage.Links(
                          config.baseUrl() + "/on-call/ack/" + c.token(),
                          config.baseUrl() + "/on-call/resolve/" + c.token(),
                          s.notification().linkExpiresAt);
              return runbookOf(s.page())
                  .chain(
                      runbook ->
                          notifier.send(
                              method,
                              PageMessage.of(
                                  s.page(),
                                  s.clientName(),
                                  config.baseUrl(),
                                  links,
                                  s.affected(),
                                  runbook)))
                  .chain(outcome -> record(c, outcome, null));
            });
  }

  record Sending(
      PageNotification notification,
      Page page,
      OnCallPerson person,
      String clientName,
      List<PageMessage.Affected> affected) {}

  /** Who may read any incident's runbook: the page goes to staff. */
  private static final Caller STAFF = new Caller(ACTOR, Set.of(Roles.SUPPORT), null);

  /**
   * The runbook the incident's alert rule names, as a link staff can open: an http(s) runbook as it
   * is, a knowledge base article at its API address; null when there is none. A failure to look it
   * up never holds a page back (logged, sent without it).
   */
  private Uni<PageMessage.Runbook> runbookOf(Page p) {
    return runbooks
        .find(p.ticketId, STAFF)
        .map(found -> runbookLink(found, config.baseUrl()))
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.warnf(failure, "Runbook of %s not read; paged without it", p.ticketReference);
              return null;
            });
  }

  static PageMessage.Runbook runbookLink(IncidentRunbook found, String baseUrl) {
    if (found == null || found.runbook() == null) {
      return null;
    }
    if (found.url() != null) {
      return new PageMessage.Runbook(found.url(), found.url());
    }
    if (found.article() != null) {
      return new PageMessage.Runbook(
          found.article().title(), baseUrl + "/api/v1/articles/" + found.article().id());
    }
    // kb:<slug> naming no article (yet): the reference tells the engineer what to look for
    return new PageMessage.Runbook(found.runbook() + " (not in the knowledge base)", null);
  }

  /** The servers, VMs and hosted services the ticket is linked to, for the message. */
  private static Uni<List<PageMessage.Affected>> affected(UUID ticketId) {
    return TicketLink.<TicketLink>list(
            "ticketId = ?1 and kind in ?2 order by kind, label",
            ticketId,
            List.of(
                TicketLink.Kind.SERVER,
                TicketLink.Kind.VIRTUAL_MACHINE,
                TicketLink.Kind.HOSTED_SERVICE))
        .map(
            links ->
                links.stream()
                    .map(l -> new PageMessage.Affected(l.kind.name(), l.target, l.label))
                    .toList());
  }

  /** Records an outcome (or a cancellation when {@code cancelled} says why). */
  private Uni<Void> record(Claimed c, DeliveryOutcome outcome, String cancelled) {
    Instant now = time.instant();
    return Panache.withTransaction(
        () ->
            PageNotification.<PageNotification>findById(c.id())
                .chain(
                    n -> {
                      if (n.status != PageNotification.Status.PENDING) {
                        return Uni.createFrom().voidItem();
                      }
                      if (cancelled != null) {
                        n.status = PageNotification.Status.CANCELLED;
                        n.detail = cancelled;
                        return Uni.createFrom().voidItem();
                      }
                      n.detail = outcome.detail();
                      String what =
                          n.subject + " by " + n.kind.name().toLowerCase() + " (" + n.contact + ")";
                      String entry;
                      PageSent sent = null;
                      if (outcome.delivered()) {
                        n.status = PageNotification.Status.SENT;
                        n.sentAt = outcome.at();
                        meters.counter("vigie.oncall.notifications", "outcome", "sent").increment();
                        entry = "Paged " + what + ": " + outcome.detail();
                        sent =
                            new PageSent(
                                null,
                                n.pageId,
                                n.subject,
                                n.kind.name(),
                                n.round + 1,
                                n.step + 1,
                                outcome.at());
                      } else if (n.attempts < config.attempts()) {
                        n.dueAt =
                            now.plus(config.retryAfter().multipliedBy(1L << (n.attempts - 1)));
                        meters
                            .counter("vigie.oncall.notifications", "outcome", "retried")
                            .increment();
                        entry =
                            "Page to "
                                + what
                                + " failed ("
                                + outcome.detail()
                                + "), attempt "
                                + n.attempts
                                + "; retried at "
                                + n.dueAt;
                      } else {
                        n.status = PageNotification.Status.FAILED;
                        meters
                            .counter("vigie.oncall.notifications", "outcome", "failed")
                            .increment();
                        entry =
                            "Page to "
                                + what
                                + " failed after "
                                + n.attempts
                                + " attempts: "
                                + outcome.detail();
                      }
                      PageSent delivered = sent;
                      return Page.<Page>findById(n.pageId)
                          .chain(p -> Ticket.<Ticket>findById(p.ticketId))
                          .chain(
                              t ->
                                  tickets
                                      .entry(
                                          t,
                                          now,
                                          TimelineEntry.Kind.COMMENT,
                                          TimelineEntry.Visibility.INTERNAL,
                                          ACTOR,
                                          entry)
                                      .chain(
                                          () ->
                                              delivered == null
                                                  ? Uni.createFrom().voidItem()
                                                  : tickets.record(
                                                      List.of(
                                                          new PageSent(
                                                              t.ref(),
                                                              delivered.pageId(),
                                                              delivered.person(),
                                                              delivered.contactKind(),
                                                              delivered.round(),
                                                              delivered.step(),
                                                              delivered.sentAt())),
                                                      ACTOR)));
                    }));
  }

  // --- acknowledgement

  /**
   * The ticket was acknowledged (or moved on) in the ticket itself: its open page stops, recorded
   * as acknowledged by whoever did it; nothing when no page is open.
   */
  public Uni<Void> ticketActedOn(UUID ticketId, String actor) {
    // locked here, so the page cannot stop between this read and the acknowledgement
    return Page.<Page>find("ticketId = ?1 and status in ?2", ticketId, LIVE)
        .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
        .firstResult()
        .chain(
            p ->
                p == null
                    ? Uni.createFrom().voidItem()
                    : acknowledge(p.id, actor, "in the ticket", false).replaceWithVoid());
  }

  /** Acknowledges a page as {@code subject}; 409 when it is no longer open. */
  public Uni<Page> acknowledge(UUID pageId, String subject, String how) {
    return acknowledge(pageId, subject, how, true);
  }

  private Uni<Page> acknowledge(UUID pageId, String subject, String how, boolean ticketToo) {
    Instant now = time.instant();
    return Panache.withTransaction(
        () ->
            Page.<Page>findById(pageId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .chain(
                    p -> {
                      if (p == null) {
                        throw ProblemException.notFound("Page", pageId);
                      }
                      if (!LIVE.contains(p.status)) {
                        throw ProblemException.conflict(
                            "The page is "
                                + p.status.name().toLowerCase()
                                + (p.acknowledgedBy == null ? "" : " by " + p.acknowledgedBy));
                      }
                      return Ticket.<Ticket>findById(p.ticketId)
                          .chain(
                              t ->
                                  stop(p, t, subject, how, now)
                                      .chain(
                                          () ->
                                              ticketToo
                                                  ? acknowledgeTicket(t, subject)
                                                  : Uni.createFrom().voidItem()))
                          .replaceWith(p);
                    }));
  }

  /**
   * Stops a live page as acknowledged by {@code subject}: what was not sent is cancelled, the
   * timeline and {@code ticket.events} say who and how. The caller holds the page's lock.
   */
  private Uni<Void> stop(Page p, Ticket t, String subject, String how, Instant now) {
    p.status = Page.Status.ACKNOWLEDGED;
    p.acknowledgedAt = now;
    p.acknowledgedBy = subject;
    p.nextStepAt = null;
    p.version++;
    meters.timer("vigie.oncall.time.to.acknowledge").record(Duration.between(p.openedAt, now));
    return PageNotification.update(
            "status = ?1, detail = ?2 where pageId = ?3 and status = ?4",
            PageNotification.Status.CANCELLED,
            "acknowledged by " + subject + " first",
            p.id,
            PageNotification.Status.PENDING)
        .chain(
            () ->
                tickets.entry(
                    t,
                    now,
                    TimelineEntry.Kind.COMMENT,
                    TimelineEntry.Visibility.INTERNAL,
                    subject,
                    "Page acknowledged by " + subject + " (" + how + ")"))
        .chain(
            () ->
                tickets.record(
                    List.of(new PageAcknowledged(t.ref(), p.id, subject, p.openedAt, now)), ACTOR));
  }

  // --- resolution from the page

  /**
   * Resolves the page's ticket as {@code subject} ({@code how}: the channel, e.g. "API"): a live
   * page stops first (acknowledged by the same person), then the ticket moves to RESOLVED as that
   * person — the resolution the ticket API makes, with its {@code ticket-resolved} event and clocks
   * — and the timeline says who resolved it from the page and through which channel. 409 when the
   * ticket is resolved or closed already.
   */
  public Uni<Page> resolve(UUID pageId, String subject, String how) {
    return Panache.withTransaction(() -> resolveLocked(pageId, subject, how, time.instant()));
  }

  private Uni<Page> resolveLocked(UUID pageId, String subject, String how, Instant now) {
    return Page.<Page>findById(pageId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
        .chain(
            p -> {
              if (p == null) {
                throw ProblemException.notFound("Page", pageId);
              }
              return Ticket.<Ticket>findById(
                      p.ticketId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                  .chain(
                      t -> {
                        if (t.status == TicketStatus.RESOLVED || t.status == TicketStatus.CLOSED) {
                          throw ProblemException.conflict(
                              t.reference
                                  + " is "
                                  + t.status.name().toLowerCase()
                                  + " already: nothing to resolve");
                        }
                        Uni<Void> stopped =
                            LIVE.contains(p.status)
                                ? stop(p, t, subject, how, now)
                                : Uni.createFrom().voidItem();
                        p.resolvedAt = now;
                        p.resolvedBy = subject;
                        p.resolvedThrough = how;
                        p.version++;
                        Caller person = new Caller(subject, Set.of(Roles.ENGINEER), null);
                        return stopped
                            .chain(
                                () ->
                                    tickets.change(
                                        t.id,
                                        "*",
                                        new TicketChange(
                                            null,
                                            null,
                                            null,
                                            null,
                                            TicketStatus.RESOLVED,
                                            null,
                                            null,
                                            null),
                                        person))
                            .chain(
                                () ->
                                    tickets.entry(
                                        t,
                                        now,
                                        TimelineEntry.Kind.COMMENT,
                                        TimelineEntry.Visibility.INTERNAL,
                                        subject,
                                        "Resolved by " + subject + " from the page (" + how + ")"))
                            .replaceWith(p);
                      });
            });
  }

  /**
   * What an email's link stands for, as its GET page shows it (nothing changes): 404 for a link
   * never sent (mistyped or altered), 410 once expired.
   */
  public Uni<LinkState> linkState(String token) {
    Instant now = time.instant();
    return Panache.withSession(
        () ->
            link(token, now, false)
                .chain(
                    n ->
                        Page.<Page>findById(n.pageId)
                            .chain(
                                p ->
                                    Ticket.<Ticket>findById(p.ticketId)
                                        .map(
                                            t ->
                                                new LinkState(
                                                    p.ticketReference,
                                                    p.title,
                                                    p.priority,
                                                    n.subject,
                                                    n.linkUsedAt == null && LIVE.contains(p.status),
                                                    n.resolveUsedAt == null
                                                        && t.status != TicketStatus.RESOLVED
                                                        && t.status != TicketStatus.CLOSED,
                                                    n.linkExpiresAt)))));
  }

  /**
   * An email link's page: the ticket it is about, for whom, and what it can still do.
   *
   * @param canAcknowledge the link was not used to acknowledge and the page still escalates
   * @param canResolve the link was not used to resolve and the ticket is not resolved or closed
   */
  public record LinkState(
      String ticketReference,
      String title,
      String priority,
      String subject,
      boolean canAcknowledge,
      boolean canResolve,
      Instant expiresAt) {}

  /**
   * Resolves the ticket of an email's single-use link as the person it was sent to: 404 for a link
   * never sent, 410 once used to resolve or expired, 409 when the ticket is resolved already; a
   * refusal changes nothing (the link stays as it was).
   */
  public Uni<Page> resolveByLink(String token) {
    Instant now = time.instant();
    return Panache.withTransaction(
        () ->
            link(token, now, true)
                .chain(
                    n -> {
                      if (n.resolveUsedAt != null) {
                        throw new ProblemException(
                            410,
                            "link-used",
                            "Link already used",
                            "This link resolved its ticket at " + n.resolveUsedAt,
                            List.of());
                      }
                      n.resolveUsedAt = now;
                      return resolveLocked(n.pageId, n.subject, "email link", now);
                    }));
  }

  /** The notification an email's link belongs to: 404 when none, 410 when expired. */
  private static Uni<PageNotification> link(String token, Instant now, boolean lock) {
    String hash = sha256(token == null ? "" : token);
    var query = PageNotification.<PageNotification>find("linkHash", hash);
    if (lock) {
      query = query.withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }
    return query
        .firstResult()
        .map(
            n -> {
              if (n == null) {
                throw new ProblemException(
                    404,
                    "not-found",
                    "Unknown link",
                    "No page email carried this link: check that it was copied whole",
                    List.of());
              }
              if (n.linkExpiresAt != null && !now.isBefore(n.linkExpiresAt)) {
                throw new ProblemException(
                    410,
                    "link-expired",
                    "Link expired",
                    "This link expired at "
                        + n.linkExpiresAt
                        + "; acknowledge or resolve the page in Vigie instead",
                    List.of());
              }
              return n;
            });
  }

  /** The person's acknowledgement of the ticket: the engineer action that stops its GTI clock. */
  private Uni<Void> acknowledgeTicket(Ticket t, String subject) {
    if (t.status != TicketStatus.NEW) {
      return Uni.createFrom().voidItem();
    }
    Caller person = new Caller(subject, Set.of(Roles.ENGINEER), null);
    return tickets
        .change(
            t.id,
            "*",
            new TicketChange(null, null, null, null, TicketStatus.ACKNOWLEDGED, null, null, null),
            person)
        .replaceWithVoid();
  }

  /**
   * Acknowledges through an email's single-use link: 404 unknown, 410 when already used or expired,
   * 409 when the page no longer escalates; a refusal changes nothing.
   */
  public Uni<Page> acknowledgeByLink(String token) {
    Instant now = time.instant();
    return Panache.withTransaction(
        () ->
            link(token, now, true)
                .chain(
                    n -> {
                      if (n.linkUsedAt != null) {
                        throw new ProblemException(
                            410,
                            "gone",
                            "Link already used",
                            "This acknowledgement link was used at " + n.linkUsedAt,
                            List.of());
                      }
                      n.linkUsedAt = now;
                      return acknowledge(n.pageId, n.subject, "email link");
                    }));
  }

  // --- tokens

  String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
