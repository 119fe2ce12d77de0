package io.vigie.ticket.intervention;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.DomainEvent;
import io.vigie.events.ticket.InterventionCancelled;
import io.vigie.events.ticket.InterventionEnded;
import io.vigie.events.ticket.InterventionScheduled;
import io.vigie.events.ticket.InterventionStarted;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.outbox.Outbox;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.web.ETags;
import io.vigie.ticket.intervention.InterventionLifecycle.Move;
import io.vigie.ticket.intervention.InterventionViews.CancelRequest;
import io.vigie.ticket.intervention.InterventionViews.ConsentRequest;
import io.vigie.ticket.intervention.InterventionViews.InterventionChange;
import io.vigie.ticket.intervention.InterventionViews.InterventionEntryView;
import io.vigie.ticket.intervention.InterventionViews.InterventionView;
import io.vigie.ticket.intervention.InterventionViews.ProposeIntervention;
import io.vigie.ticket.inventory.KnownGuest;
import io.vigie.ticket.inventory.KnownHostedService;
import io.vigie.ticket.inventory.KnownServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Planned interventions: staff propose one over servers, VMs and hosted services (resolved through
 * the inventory read model); each affected client answers for itself; once every consent is
 * accepted it is scheduled, then started, ended or cancelled ({@link InterventionLifecycle}). Each
 * change bumps the version, lands in the history and, for the lifecycle moves monitoring cares
 * about, is published through the outbox in the same transaction. A client reads only the
 * interventions that concern it, and of those only its own consent and parts.
 */
@ApplicationScoped
public class InterventionService {

  static final String WHAT = "Intervention";
  private static final UUID NONE = new UUID(0, 0);

  private final Outbox outbox;
  private final InstantSource time;

  public InterventionService(Outbox outbox, InstantSource time) {
    this.outbox = outbox;
    this.time = time;
  }

  // --- use cases

  @WithTransaction
  public Uni<InterventionView> propose(ProposeIntervention r, Caller caller) {
    requireStaff(caller, "Only staff propose interventions");
    Set<UUID> servers = distinct(r.serverIds());
    Set<UUID> guests = distinct(r.virtualMachineIds());
    Set<UUID> services = distinct(r.hostedServiceIds());
    if (servers.isEmpty() && guests.isEmpty() && services.isEmpty()) {
      throw ProblemException.invalidField(
          "serverIds", "give at least one serverId, virtualMachineId or hostedServiceId");
    }
    InterventionLifecycle.badWindow(r.startsAt(), r.endsAt())
        .ifPresent(
            field -> {
              throw ProblemException.invalidField(field, "must be after startsAt");
            });
    Instant now = now();
    Intervention i = new Intervention();
    i.id = Uuids.timeOrdered();
    i.title = r.title().strip();
    i.clientText = r.clientText().strip();
    i.startsAt = r.startsAt();
    i.endsAt = r.endsAt();
    i.status = InterventionStatus.PROPOSED;
    i.serverIds = servers.toArray(UUID[]::new);
    i.guestIds = guests.toArray(UUID[]::new);
    i.hostedServiceIds = services.toArray(UUID[]::new);
    i.proposedBy = caller.name();
    i.proposedAt = now;
    i.updatedAt = now;
    i.version = 1;
    List<InterventionTarget> targets = new ArrayList<>();
    return KnownServer.<KnownServer>list("id in ?1", orNone(servers))
        .invoke(
            found -> {
              Map<UUID, String> names =
                  found.stream().collect(Collectors.toMap(s -> s.id, s -> s.hostname));
              requireKnown(r.serverIds(), names.keySet(), "serverIds", "server");
              servers.forEach(
                  id ->
                      targets.add(
                          InterventionTarget.of(
                              i.id, InterventionTarget.Kind.SERVER, id, names.get(id))));
            })
        .chain(
            () ->
                KnownGuest.<KnownGuest>list(
                    "id in ?1 or hostServerId in ?2", orNone(guests), orNone(servers)))
        .chain(
            knownGuests -> {
              Map<UUID, KnownGuest> byId =
                  knownGuests.stream().collect(Collectors.toMap(g -> g.id, g -> g));
              requireKnown(r.virtualMachineIds(), byId.keySet(), "virtualMachineIds", "VM");
              guests.forEach(
                  id ->
                      targets.add(
                          InterventionTarget.of(
                              i.id,
                              InterventionTarget.Kind.VIRTUAL_MACHINE,
                              id,
                              byId.get(id).name)));
              return servicesTouching(services, servers, byId.keySet())
                  .map(
                      known -> {
                        Map<UUID, KnownHostedService> servicesById =
                            known.stream().collect(Collectors.toMap(s -> s.id, s -> s));
                        requireKnown(
                            r.hostedServiceIds(),
                            servicesById.keySet(),
                            "hostedServiceIds",
                            "hosted service");
                        services.forEach(
                            id ->
                                targets.add(
                                    InterventionTarget.of(
                                        i.id,
                                        InterventionTarget.Kind.HOSTED_SERVICE,
                                        id,
                                        servicesById.get(id).name)));
                        List<AffectedClients.Guest> g =
                            knownGuests.stream()
                                .map(k -> new AffectedClients.Guest(k.id, k.hostServerId, k.tenant))
                                .toList();
                        List<AffectedClients.Service> s =
                            known.stream()
                                .map(
                                    k ->
                                        new AffectedClients.Service(
                                            k.id,
                                            k.tenant,
                                            Set.of(k.serverIds),
                                            Set.of(k.guestIds)))
                                .toList();
                        i.coveredServiceIds =
                            AffectedClients.covered(guests, services, s).toArray(UUID[]::new);
                        return AffectedClients.of(servers, guests, services, g, s);
                      });
            })
        .chain(
            affected ->
                nextReference(now)
                    .chain(
                        reference -> {
                          i.reference = reference;
                          List<InterventionConsent> consents = new ArrayList<>();
                          affected.forEach(
                              (tenant, parts) -> {
                                InterventionConsent c = new InterventionConsent();
                                c.interventionId = i.id;
                                c.tenant = tenant;
                                c.answer = ConsentAnswer.PENDING;
                                c.serverIds = parts.servers().toArray(UUID[]::new);
                                c.guestIds = parts.guests().toArray(UUID[]::new);
                                c.hostedServiceIds = parts.services().toArray(UUID[]::new);
                                consents.add(c);
                              });
                          List<InterventionEntry> entries = new ArrayList<>();
                          entries.add(
                              InterventionEntry.of(
                                  i.id,
                                  now,
                                  InterventionEntry.Kind.PROPOSED,
                                  null,
                                  caller.name(),
                                  "Proposed "
                                      + i.reference
                                      + ": "
                                      + i.title
                                      + ", "
                                      + i.startsAt
                                      + " to "
                                      + i.endsAt));
                          List<DomainEvent> events = new ArrayList<>();
                          if (consents.isEmpty()) {
                            // no client's service runs there: nobody to ask
                            schedule(i, consents, now, caller, entries, events);
                          }
                          return i.<Intervention>persist()
                              .call(Panache::flush)
                              .call(() -> InterventionTarget.persist(targets))
                              .call(
                                  () ->
                                      consents.isEmpty()
                                          ? Uni.createFrom().voidItem()
                                          : InterventionConsent.persist(consents))
                              .call(() -> InterventionEntry.persist(entries))
                              .call(() -> record(events, caller.name()))
                              .map(x -> InterventionView.of(i, targets, consents, caller));
                        }));
  }

  /** One intervention as the caller may see it; 404 when it does not concern a client. */
  @WithSession
  public Uni<InterventionView> find(UUID id, Caller caller) {
    return visible(id, caller, false).chain(i -> view(i, caller));
  }

  /** Newest window first; a client's list holds only the interventions that concern it. */
  @WithSession
  public Uni<Listing<InterventionView>> list(
      InterventionStatus status, String tenant, PageRequest page, Caller caller) {
    StringBuilder where = new StringBuilder("1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (status != null) {
      where.append(" and i.status = :status");
      params.put("status", status);
    }
    String scope = caller.isStaff() ? tenant : caller.tenant();
    if (scope != null) {
      where.append(
          " and exists (select 1 from InterventionConsent c"
              + " where c.interventionId = i.id and c.tenant = :tenant)");
      params.put("tenant", scope);
    }
    if (page.after != null && !page.after.isEmpty()) {
      String[] cursor = cursor(page.after);
      where.append(" and (i.startsAt < :afterAt or (i.startsAt = :afterAt and i.id < :afterId))");
      try {
        params.put("afterAt", Instant.parse(cursor[0]));
        params.put("afterId", UUID.fromString(cursor[1]));
      } catch (RuntimeException e) {
        throw ProblemException.invalidField("after", "is not a cursor this list gave");
      }
    }
    Uni<Long> total = page.total ? countAll(status, scope) : Uni.createFrom().nullItem();
    return Intervention.<Intervention>find(
            "from Intervention i where " + where + " order by i.startsAt desc, i.id desc", params)
        .range(0, page.size)
        .list()
        .chain(
            found -> {
              boolean more = found.size() > page.size;
              List<Intervention> items = more ? found.subList(0, page.size) : found;
              String next =
                  more ? encode(items.getLast().startsAt + "|" + items.getLast().id) : null;
              return views(items, caller)
                  .chain(views -> total.map(count -> Listing.of(views, next, count)));
            });
  }

  /** The history, oldest first; a client reads the shared entries and its own answers. */
  @WithSession
  public Uni<Listing<InterventionEntryView>> timeline(UUID id, PageRequest page, Caller caller) {
    long after = 0;
    if (page.after != null && !page.after.isEmpty()) {
      try {
        after = Long.parseLong(cursor(page.after)[0]);
      } catch (RuntimeException e) {
        throw ProblemException.invalidField("after", "is not a cursor this list gave");
      }
    }
    long from = after;
    return visible(id, caller, false)
        .chain(
            i -> {
              String query =
                  caller.isStaff()
                      ? "interventionId = ?1 and seq > ?2 order by seq"
                      : "interventionId = ?1 and seq > ?2 and (tenant is null or tenant = ?3)"
                          + " order by seq";
              Object[] params =
                  caller.isStaff()
                      ? new Object[] {i.id, from}
                      : new Object[] {i.id, from, caller.tenant()};
              return InterventionEntry.<InterventionEntry>find(query, params)
                  .range(0, page.size)
                  .list();
            })
        .map(
            found -> {
              boolean more = found.size() > page.size;
              List<InterventionEntry> items = more ? found.subList(0, page.size) : found;
              String next = more ? encode(Long.toString(items.getLast().seq)) : null;
              return Listing.of(items.stream().map(InterventionEntryView::of).toList(), next, null);
            });
  }

  /** A client's answer; once every consent is accepted the intervention is scheduled. */
  @WithTransaction
  public Uni<InterventionView> answer(UUID id, ConsentRequest r, Caller caller) {
    return visible(id, caller, true)
        .chain(
            i -> {
              if (!caller.isClient()) {
                throw ProblemException.forbidden(
                    "Only the client concerned answers; staff do not consent for it");
              }
              validate(r);
              Instant now = now();
              refuseUnless(i, Move.ANSWER, now);
              return consents(i.id)
                  .chain(
                      consents -> {
                        InterventionConsent own =
                            consents.stream()
                                .filter(c -> c.tenant.equals(caller.tenant()))
                                .findFirst()
                                .orElseThrow(() -> ProblemException.notFound(WHAT, id));
                        own.answer = r.answer();
                        own.reason = r.reason() == null ? null : r.reason().strip();
                        own.proposedStartsAt = r.proposedStartsAt();
                        own.proposedEndsAt = r.proposedEndsAt();
                        own.answeredBy = caller.name();
                        own.answeredAt = now;
                        i.version++;
                        i.updatedAt = now;
                        List<InterventionEntry> entries = new ArrayList<>();
                        entries.add(
                            InterventionEntry.of(
                                i.id,
                                now,
                                InterventionEntry.Kind.ANSWERED,
                                own.tenant,
                                caller.name(),
                                describe(own)));
                        List<DomainEvent> events = new ArrayList<>();
                        if (InterventionLifecycle.afterAnswers(
                                consents.stream().map(c -> c.answer).toList())
                            == InterventionStatus.SCHEDULED) {
                          schedule(i, consents, now, caller, entries, events);
                        }
                        return InterventionEntry.persist(entries)
                            .call(() -> record(events, caller.name()))
                            .chain(() -> view(i, caller));
                      });
            });
  }

  /** Staff change a proposed intervention; a new window asks every client again. */
  @WithTransaction
  public Uni<InterventionView> change(
      UUID id, String ifMatch, InterventionChange c, Caller caller) {
    return visible(id, caller, true)
        .chain(
            i -> {
              requireStaff(caller, "Only staff change an intervention");
              ETags.requireMatch(ifMatch, i.version);
              Instant now = now();
              refuseUnless(i, Move.RESCHEDULE, now);
              Instant startsAt = c.startsAt() == null ? i.startsAt : c.startsAt();
              Instant endsAt = c.endsAt() == null ? i.endsAt : c.endsAt();
              InterventionLifecycle.badWindow(startsAt, endsAt)
                  .ifPresent(
                      field -> {
                        throw ProblemException.invalidField(field, "must be after startsAt");
                      });
              boolean moved = !startsAt.equals(i.startsAt) || !endsAt.equals(i.endsAt);
              boolean retitled = c.title() != null && !c.title().strip().equals(i.title);
              boolean retexted =
                  c.clientText() != null && !c.clientText().strip().equals(i.clientText);
              if (!moved && !retitled && !retexted) {
                return view(i, caller);
              }
              i.startsAt = startsAt;
              i.endsAt = endsAt;
              if (retitled) {
                i.title = c.title().strip();
              }
              if (retexted) {
                i.clientText = c.clientText().strip();
              }
              i.changed(now);
              String body =
                  moved
                      ? "Moved to " + startsAt + " to " + endsAt + "; every client is asked again"
                      : "Title or text changed";
              Uni<Void> reset =
                  moved
                      ? consents(i.id)
                          .invoke(list -> list.forEach(InterventionConsent::reset))
                          .replaceWithVoid()
                      : Uni.createFrom().voidItem();
              return reset
                  .chain(
                      () ->
                          InterventionEntry.of(
                                  i.id,
                                  now,
                                  InterventionEntry.Kind.RESCHEDULED,
                                  null,
                                  caller.name(),
                                  body)
                              .persist())
                  .chain(() -> view(i, caller));
            });
  }

  @WithTransaction
  public Uni<InterventionView> start(UUID id, Caller caller) {
    return move(id, caller, Move.START, null);
  }

  @WithTransaction
  public Uni<InterventionView> end(UUID id, Caller caller) {
    return move(id, caller, Move.END, null);
  }

  @WithTransaction
  public Uni<InterventionView> cancel(UUID id, CancelRequest r, Caller caller) {
    return move(id, caller, Move.CANCEL, r == null ? null : r.reason());
  }

  // --- inside

  private Uni<InterventionView> move(UUID id, Caller caller, Move move, String reason) {
    return visible(id, caller, true)
        .chain(
            i -> {
              requireStaff(caller, "Only staff start, end or cancel an intervention");
              Instant now = now();
              refuseUnless(i, move, now);
              return consents(i.id)
                  .chain(
                      consents -> {
                        i.changed(now);
                        InterventionEntry.Kind kind;
                        String body;
                        DomainEvent event;
                        switch (move) {
                          case START -> {
                            i.status = InterventionStatus.STARTED;
                            i.startedAt = now;
                            kind = InterventionEntry.Kind.STARTED;
                            body = "Work started";
                            event =
                                new InterventionStarted(
                                    i.ref(),
                                    i.startsAt,
                                    i.endsAt,
                                    List.of(i.serverIds),
                                    List.of(i.coveredServiceIds),
                                    tenants(consents),
                                    caller.name(),
                                    now);
                          }
                          case END -> {
                            i.status = InterventionStatus.ENDED;
                            i.endedAt = now;
                            kind = InterventionEntry.Kind.ENDED;
                            body = "Work ended";
                            event =
                                new InterventionEnded(
                                    i.ref(),
                                    i.startsAt,
                                    i.endsAt,
                                    List.of(i.serverIds),
                                    List.of(i.coveredServiceIds),
                                    tenants(consents),
                                    caller.name(),
                                    now);
                          }
                          default -> {
                            i.status = InterventionStatus.CANCELLED;
                            i.cancelledAt = now;
                            kind = InterventionEntry.Kind.CANCELLED;
                            body =
                                reason == null || reason.isBlank()
                                    ? "Cancelled"
                                    : "Cancelled: " + reason.strip();
                            event =
                                new InterventionCancelled(
                                    i.ref(),
                                    i.startsAt,
                                    i.endsAt,
                                    List.of(i.serverIds),
                                    List.of(i.coveredServiceIds),
                                    tenants(consents),
                                    caller.name(),
                                    now);
                          }
                        }
                        return InterventionEntry.of(i.id, now, kind, null, caller.name(), body)
                            .persist()
                            .chain(() -> outbox.record(event, caller.name()))
                            .chain(() -> view(i, caller));
                      });
            });
  }

  /** Every consent is in: scheduled now, published for monitoring. */
  private static void schedule(
      Intervention i,
      List<InterventionConsent> consents,
      Instant now,
      Caller caller,
      List<InterventionEntry> entries,
      List<DomainEvent> events) {
    i.status = InterventionStatus.SCHEDULED;
    i.scheduledAt = now;
    i.changed(now);
    entries.add(
        InterventionEntry.of(
            i.id,
            now,
            InterventionEntry.Kind.SCHEDULED,
            null,
            caller.name(),
            consents.isEmpty()
                ? "Scheduled: it concerns no client"
                : "Scheduled: every client concerned accepted"));
    events.add(
        new InterventionScheduled(
            i.ref(),
            i.startsAt,
            i.endsAt,
            List.of(i.serverIds),
            List.of(i.coveredServiceIds),
            tenants(consents),
            caller.name(),
            now));
  }

  private static String describe(InterventionConsent c) {
    return switch (c.answer) {
      case ACCEPTED -> c.tenant + " accepted";
      case DECLINED -> c.tenant + " declined: " + c.reason;
      case OTHER_SLOT_PROPOSED ->
          c.tenant
              + " proposed another slot, "
              + c.proposedStartsAt
              + " to "
              + c.proposedEndsAt
              + (c.reason == null || c.reason.isBlank() ? "" : ": " + c.reason);
      case PENDING -> c.tenant + " has not answered";
    };
  }

  private static void validate(ConsentRequest r) {
    switch (r.answer()) {
      case PENDING ->
          throw ProblemException.invalidField(
              "answer", "answer ACCEPTED, DECLINED or OTHER_SLOT_PROPOSED");
      case DECLINED -> {
        if (r.reason() == null || r.reason().isBlank()) {
          throw ProblemException.invalidField("reason", "is required to decline");
        }
      }
      case OTHER_SLOT_PROPOSED -> {
        if (r.proposedStartsAt() == null) {
          throw ProblemException.invalidField("proposedStartsAt", "is required to propose a slot");
        }
        if (r.proposedEndsAt() == null) {
          throw ProblemException.invalidField("proposedEndsAt", "is required to propose a slot");
        }
        if (!r.proposedEndsAt().isAfter(r.proposedStartsAt())) {
          throw ProblemException.invalidField("proposedEndsAt", "must be after proposedStartsAt");
        }
      }
      case ACCEPTED -> {}
    }
    if (r.answer() != ConsentAnswer.OTHER_SLOT_PROPOSED
        && (r.proposedStartsAt() != null || r.proposedEndsAt() != null)) {
      throw ProblemException.invalidField(
          r.proposedStartsAt() != null ? "proposedStartsAt" : "proposedEndsAt",
          "goes only with OTHER_SLOT_PROPOSED");
    }
  }

  private static void refuseUnless(Intervention i, Move move, Instant now) {
    InterventionLifecycle.refusal(i.status, move, i.startsAt, now)
        .ifPresent(
            why -> {
              throw ProblemException.conflict(i.reference + ": " + why);
            });
  }

  private static void requireStaff(Caller caller, String why) {
    if (!caller.isStaff()) {
      throw ProblemException.forbidden(why);
    }
  }

  /**
   * The intervention if the caller may see it (staff; a client it concerns), locked for update when
   * asked; 404 otherwise, as for an unknown id.
   */
  static Uni<Intervention> visible(UUID id, Caller caller, boolean forUpdate) {
    Uni<Intervention> found =
        forUpdate
            ? Intervention.<Intervention>findById(id, LockModeType.PESSIMISTIC_WRITE)
            : Intervention.<Intervention>findById(id);
    return found.chain(
        i -> {
          if (i == null) {
            throw ProblemException.notFound(WHAT, id);
          }
          if (caller.isStaff()) {
            return Uni.createFrom().item(i);
          }
          if (!caller.isClient()) {
            throw ProblemException.notFound(WHAT, id);
          }
          return InterventionConsent.count(
                  "interventionId = ?1 and tenant = ?2", id, caller.tenant())
              .map(
                  n -> {
                    if (n == 0) {
                      throw ProblemException.notFound(WHAT, id);
                    }
                    return i;
                  });
        });
  }

  static Uni<List<InterventionConsent>> consents(UUID id) {
    return InterventionConsent.list("interventionId = ?1 order by tenant", id);
  }

  private Uni<InterventionView> view(Intervention i, Caller caller) {
    return views(List.of(i), caller).map(List::getFirst);
  }

  private static Uni<List<InterventionView>> views(List<Intervention> items, Caller caller) {
    if (items.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    List<UUID> ids = items.stream().map(i -> i.id).toList();
    return InterventionTarget.<InterventionTarget>list("interventionId in ?1", ids)
        .chain(
            targets ->
                InterventionConsent.<InterventionConsent>list("interventionId in ?1", ids)
                    .map(
                        consents ->
                            items.stream()
                                .map(
                                    i ->
                                        InterventionView.of(
                                            i,
                                            targets.stream()
                                                .filter(t -> t.interventionId.equals(i.id))
                                                .toList(),
                                            consents.stream()
                                                .filter(c -> c.interventionId.equals(i.id))
                                                .toList(),
                                            caller))
                                .toList()));
  }

  private static Uni<Long> countAll(InterventionStatus status, String tenant) {
    String query = "1 = 1";
    Map<String, Object> params = new HashMap<>();
    if (status != null) {
      query += " and status = :status";
      params.put("status", status);
    }
    if (tenant != null) {
      query +=
          " and id in (select c.interventionId from InterventionConsent c where c.tenant = :tenant)";
      params.put("tenant", tenant);
    }
    return Intervention.count(query, params);
  }

  /** Hosted services named, on a named server, or on one of {@code guests}. */
  private static Uni<List<KnownHostedService>> servicesTouching(
      Set<UUID> services, Set<UUID> servers, Set<UUID> guests) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select * from known_hosted_service"
                            + " where id = any(cast(:ids as uuid[]))"
                            + " or server_ids && cast(:servers as uuid[])"
                            + " or guest_ids && cast(:guests as uuid[])",
                        KnownHostedService.class)
                    .setParameter("ids", array(services))
                    .setParameter("servers", array(servers))
                    .setParameter("guests", array(guests))
                    .getResultList());
  }

  private static UUID[] array(Set<UUID> ids) {
    return ids.toArray(UUID[]::new);
  }

  /** {@code INT-2026-000042}: one counter per year, in the caller's transaction. */
  private static Uni<String> nextReference(Instant at) {
    int year = at.atZone(ZoneOffset.UTC).getYear();
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "insert into ticket_counter (prefix, year, last) values ('INT', :year, 1)"
                            + " on conflict (prefix, year) do update set last = ticket_counter.last + 1"
                            + " returning last",
                        Long.class)
                    .setParameter("year", year)
                    .getSingleResult())
        .map(number -> String.format("INT-%d-%06d", year, number));
  }

  private static void requireKnown(List<UUID> asked, Set<UUID> known, String field, String what) {
    if (asked == null) {
      return;
    }
    for (int n = 0; n < asked.size(); n++) {
      if (!known.contains(asked.get(n))) {
        throw ProblemException.invalidField(
            field + "[" + n + "]", "no such " + what + " in the inventory");
      }
    }
  }

  private static Set<UUID> distinct(List<UUID> ids) {
    return ids == null ? Set.of() : new LinkedHashSet<>(ids);
  }

  private static List<UUID> orNone(Set<UUID> ids) {
    return ids.isEmpty() ? List.of(NONE) : List.copyOf(ids);
  }

  static List<String> tenants(List<InterventionConsent> consents) {
    return consents.stream().map(c -> c.tenant).sorted().toList();
  }

  private Uni<Void> record(List<DomainEvent> events, String actor) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (DomainEvent event : events) {
      chain = chain.chain(() -> outbox.record(event, actor));
    }
    return chain;
  }

  private Instant now() {
    return time.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String encode(String cursor) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] cursor(String after) {
    try {
      return new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\\|");
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("after", "is not a cursor this list gave");
    }
  }
}
