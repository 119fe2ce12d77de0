package io.vigie.ticket.incident;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vigie.events.monitoring.AlertFired;
import io.vigie.events.monitoring.AlertResolved;
import io.vigie.events.ticket.SupportLevel;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.events.ticket.TicketType;
import io.vigie.kit.messaging.PoisonMessageException;
import io.vigie.ticket.TicketConfig;
import io.vigie.ticket.inventory.KnownHostedService;
import io.vigie.ticket.inventory.KnownServer;
import io.vigie.ticket.priority.Impact;
import io.vigie.ticket.priority.Urgency;
import io.vigie.ticket.tickets.Ticket;
import io.vigie.ticket.tickets.TicketLink;
import io.vigie.ticket.tickets.TicketService;
import io.vigie.ticket.tickets.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Incidents from monitoring's alerts. An {@code AlertFired} lands on one internal parent incident
 * (staff only) and on one incident per affected client, each linked to the parent; their contract
 * clocks start at the alert's start. The same firing seen again (a replay, or a republication under
 * another event id) changes nothing. The same fingerprint firing anew while its incident is open
 * annotates it; within {@code vigie.ticket.alert-repeat-period} after the incident was resolved it
 * reopens it; later, or once closed, a new incident is opened. An {@code AlertResolved} lands on
 * the timeline of every incident of that fingerprint not closed yet and, per {@code
 * vigie.ticket.alert-resolved-policy}, resolves them pending confirmation; it never closes one. A
 * host-down alert ({@code hostDown}) groups the open incidents of the server's other alerts under
 * its own (a client's under that client's, the parent under the parent): a link and a timeline
 * entry on each side, and no further {@code ResponderNeeded} for the grouped ones; an alert of that
 * server arriving while its host-down incident is open is grouped on arrival, unpaged.
 */
@ApplicationScoped
public class IncidentService {

  static final String ACTOR = "monitoring";
  private static final int TITLE_MAX = 200;

  private final TicketService tickets;
  private final InstantSource time;
  private final TicketConfig config;

  public IncidentService(TicketService tickets, InstantSource time, TicketConfig config) {
    this.tickets = tickets;
    this.time = time;
    this.config = config;
  }

  /** Must run in the consumer's transaction. */
  public Uni<Void> alertFired(AlertFired alert) {
    if (alert.fingerprint() == null || alert.startedAt() == null) {
      throw new PoisonMessageException("AlertFired without fingerprint or start");
    }
    List<String> tenants =
        alert.tenants() == null
            ? List.of()
            : alert.tenants().stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .distinct()
                .sorted()
                .toList();
    return firstSighting(alert)
        .chain(
            first -> {
              if (!first) {
                return Uni.createFrom().voidItem();
              }
              return openHostDown(alert)
                  .chain(
                      hostDown -> {
                        // under a server that is down, the new incidents are covered by its page
                        boolean page = hostDown.isEmpty();
                        Map<String, Ticket> landed = new HashMap<>();
                        return landOn(alert, null, null, page)
                            .chain(
                                parent -> {
                                  landed.put(groupKey(null), parent);
                                  Uni<Void> chain = Uni.createFrom().voidItem();
                                  for (String tenant : tenants) {
                                    chain =
                                        chain.chain(
                                            () ->
                                                landOn(alert, tenant, parent.id, page)
                                                    .invoke(t -> landed.put(groupKey(tenant), t))
                                                    .replaceWithVoid());
                                  }
                                  return chain;
                                })
                            .chain(
                                () ->
                                    alert.hostDown()
                                        ? groupExisting(alert, landed)
                                        : groupUnder(landed.values(), hostDown));
                      });
            });
  }

  /**
   * A host-down alert: its incidents are marked as the server's host-down incidents, and the open
   * incidents opened from the server's other alerts are grouped under them, client by client (a
   * client's under its own host-down incident, the internal parent under the internal parent).
   */
  private Uni<Void> groupExisting(AlertFired alert, Map<String, Ticket> landed) {
    if (alert.serverId() == null) {
      return Uni.createFrom().voidItem();
    }
    landed.values().forEach(t -> t.hostDownServer = alert.serverId());
    return Ticket.<Ticket>find(
            "status not in ?1 and type = ?2 and alertFingerprint is not null"
                + " and alertFingerprint <> ?3 and groupedUnder is null and hostDownServer is null"
                + " and id in (select l.ticketId from TicketLink l where l.kind = ?4"
                + " and l.target = ?5) order by openedAt",
            List.of(TicketStatus.RESOLVED, TicketStatus.CLOSED),
            TicketType.INCIDENT,
            alert.fingerprint(),
            TicketLink.Kind.SERVER,
            alert.serverId().toString())
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list()
        .chain(open -> groupUnder(open, landed));
  }

  /** The open host-down incidents of the alert's server, by client ("" for the parent). */
  private static Uni<Map<String, Ticket>> openHostDown(AlertFired alert) {
    if (alert.hostDown() || alert.serverId() == null) {
      return Uni.createFrom().item(Map.of());
    }
    return Ticket.<Ticket>find(
            "hostDownServer = ?1 and status not in ?2 order by openedAt",
            alert.serverId(),
            List.of(TicketStatus.RESOLVED, TicketStatus.CLOSED))
        .list()
        .map(
            found -> {
              Map<String, Ticket> byClient = new HashMap<>();
              found.forEach(t -> byClient.putIfAbsent(groupKey(t.tenant), t));
              return byClient;
            });
  }

  /** Groups each incident under its client's host-down incident, when there is one. */
  private Uni<Void> groupUnder(Collection<Ticket> incidents, Map<String, Ticket> hostDown) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (Ticket incident : incidents) {
      Ticket under = hostDown.get(groupKey(incident.tenant));
      if (under == null
          || under.id.equals(incident.id)
          || incident.groupedUnder != null
          || incident.hostDownServer != null) {
        continue;
      }
      chain = chain.chain(() -> group(incident, under));
    }
    return chain;
  }

  /** A link and a timeline entry on each side; the grouped incident is no longer paged for. */
  private Uni<Void> group(Ticket incident, Ticket hostDown) {
    Instant now = time.instant();
    incident.groupedUnder = hostDown.id;
    incident.version++;
    hostDown.version++;
    return TicketLink.of(
            incident.id, TicketLink.Kind.INCIDENT, hostDown.id.toString(), hostDown.reference)
        .persist()
        .chain(
            () ->
                tickets.entry(
                    incident,
                    now,
                    TimelineEntry.Kind.GROUPED,
                    TimelineEntry.Visibility.PUBLIC,
                    ACTOR,
                    "Grouped under "
                        + hostDown.reference
                        + ": the server is down ("
                        + hostDown.title
                        + "); this incident is followed there"))
        .chain(
            () ->
                tickets.entry(
                    hostDown,
                    now,
                    TimelineEntry.Kind.GROUPED,
                    TimelineEntry.Visibility.PUBLIC,
                    ACTOR,
                    "Grouped here: " + incident.reference + " (" + incident.title + ")"));
  }

  private static String groupKey(String tenant) {
    return tenant == null ? "" : tenant;
  }

  /** Must run in the consumer's transaction. */
  public Uni<Void> alertResolved(AlertResolved resolved) {
    if (resolved.fingerprint() == null || resolved.resolvedAt() == null) {
      throw new PoisonMessageException("AlertResolved without fingerprint or resolution time");
    }
    return firstResolution(resolved)
        .chain(
            first ->
                !first
                    ? Uni.createFrom().voidItem()
                    : Ticket.<Ticket>find(
                            "alertFingerprint = ?1 and status <> ?2 order by openedAt",
                            resolved.fingerprint(),
                            TicketStatus.CLOSED)
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .list()
                        .chain(
                            open -> resolveEach(open, resolved).chain(() -> releaseGrouped(open))));
  }

  /**
   * The server is back: the open incidents grouped under its host-down incidents are followed on
   * their own again (paged for again); their link stays as history.
   */
  private Uni<Void> releaseGrouped(List<Ticket> cleared) {
    Map<UUID, Ticket> hostDown = new HashMap<>();
    cleared.stream().filter(t -> t.hostDownServer != null).forEach(t -> hostDown.put(t.id, t));
    if (hostDown.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Instant now = time.instant();
    return Ticket.<Ticket>find(
            "groupedUnder in ?1 and status not in ?2 order by openedAt",
            List.copyOf(hostDown.keySet()),
            List.of(TicketStatus.RESOLVED, TicketStatus.CLOSED))
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list()
        .chain(
            grouped -> {
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (Ticket g : grouped) {
                Ticket under = hostDown.get(g.groupedUnder);
                g.groupedUnder = null;
                g.version++;
                chain =
                    chain.chain(
                        () ->
                            tickets.entry(
                                g,
                                now,
                                TimelineEntry.Kind.GROUPED,
                                TimelineEntry.Visibility.PUBLIC,
                                ACTOR,
                                "No longer grouped under "
                                    + under.reference
                                    + ": the server is back; this incident is followed on its"
                                    + " own again"));
              }
              return chain;
            });
  }

  /** Alert entries are dated when the alert fired or cleared, not when the event arrived. */
  private Uni<Void> resolveEach(List<Ticket> open, AlertResolved resolved) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (Ticket t : open) {
      chain =
          chain.chain(
              () -> {
                t.version++;
                String lasted =
                    resolved.startedAt() == null
                        ? ""
                        : " after " + Duration.between(resolved.startedAt(), resolved.resolvedAt());
                Uni<Void> noted =
                    tickets.entry(
                        t,
                        resolved.resolvedAt(),
                        TimelineEntry.Kind.ALERT_RESOLVED,
                        TimelineEntry.Visibility.PUBLIC,
                        ACTOR,
                        "The alert cleared at " + resolved.resolvedAt() + lasted);
                boolean resolve =
                    config.alertResolvedPolicy() == TicketConfig.AlertResolvedPolicy.RESOLVE
                        && t.status != TicketStatus.RESOLVED;
                return resolve
                    ? noted.chain(
                        () ->
                            tickets.moveBySystem(
                                t,
                                TicketStatus.RESOLVED,
                                ACTOR,
                                "Resolved when the alert cleared; awaiting confirmation"))
                    : noted;
              });
    }
    return chain;
  }

  /** Where one firing lands for {@code tenant} (null: the internal parent). */
  private Uni<Ticket> landOn(AlertFired alert, String tenant, UUID parentId, boolean page) {
    Instant now = time.instant();
    return Ticket.<Ticket>find(
            tenant == null
                ? "alertFingerprint = ?1 and tenant is null order by openedAt desc"
                : "alertFingerprint = ?1 and tenant = ?2 order by openedAt desc",
            tenant == null
                ? new Object[] {alert.fingerprint()}
                : new Object[] {alert.fingerprint(), tenant})
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult()
        .chain(
            existing -> {
              if (existing != null
                  && existing.status != TicketStatus.CLOSED
                  && existing.status != TicketStatus.RESOLVED) {
                existing.version++;
                return tickets
                    .entry(
                        existing,
                        alert.startedAt(),
                        TimelineEntry.Kind.ALERT_FIRED_AGAIN,
                        TimelineEntry.Visibility.PUBLIC,
                        ACTOR,
                        "The alert fired again at " + alert.startedAt() + ": " + alert.summary())
                    .replaceWith(existing);
              }
              if (existing != null
                  && existing.status == TicketStatus.RESOLVED
                  && existing.resolvedAt != null
                  && now.isBefore(existing.resolvedAt.plus(config.alertRepeatPeriod()))) {
                return tickets
                    .moveBySystem(
                        existing,
                        TicketStatus.IN_PROGRESS,
                        ACTOR,
                        "Reopened: the alert fired again at "
                            + alert.startedAt()
                            + ": "
                            + alert.summary())
                    .replaceWith(existing);
              }
              return links(alert, tenant)
                  .chain(
                      links ->
                          tickets.open(
                              new TicketService.Draft(
                                  TicketType.INCIDENT,
                                  tenant,
                                  title(alert),
                                  description(alert),
                                  impact(alert.severity()),
                                  urgency(alert.severity()),
                                  SupportLevel.L1,
                                  parentId,
                                  alert.fingerprint(),
                                  alert.startedAt(),
                                  links),
                              ACTOR,
                              page))
                  .call(
                      opened ->
                          tickets.entry(
                              opened,
                              alert.startedAt(),
                              TimelineEntry.Kind.ALERT_FIRED,
                              TimelineEntry.Visibility.PUBLIC,
                              ACTOR,
                              "Alert fired at "
                                  + alert.startedAt()
                                  + " on "
                                  + alert.target()
                                  + ": "
                                  + alert.summary()));
            });
  }

  /** The server, the tenant's hosted services (all for the parent) and the alert itself. */
  private static Uni<List<TicketLink>> links(AlertFired alert, String tenant) {
    List<TicketLink> links = new ArrayList<>();
    links.add(
        TicketLink.of(null, TicketLink.Kind.ALERT, alert.fingerprint(), truncate(alert.summary())));
    Uni<Void> server =
        alert.serverId() == null
            ? Uni.createFrom().voidItem()
            : KnownServer.<KnownServer>findById(alert.serverId())
                .invoke(
                    s ->
                        links.add(
                            TicketLink.of(
                                null,
                                TicketLink.Kind.SERVER,
                                alert.serverId().toString(),
                                s == null ? alert.target() : s.hostname)))
                .replaceWithVoid();
    List<UUID> serviceIds = alert.hostedServiceIds() == null ? List.of() : alert.hostedServiceIds();
    Uni<Void> services =
        serviceIds.isEmpty()
            ? Uni.createFrom().voidItem()
            : KnownHostedService.<KnownHostedService>list("id in ?1", serviceIds)
                .invoke(
                    found ->
                        found.stream()
                            .filter(s -> tenant == null || tenant.equals(s.tenant))
                            .forEach(
                                s ->
                                    links.add(
                                        TicketLink.of(
                                            null,
                                            TicketLink.Kind.HOSTED_SERVICE,
                                            s.id.toString(),
                                            s.name))))
                .replaceWithVoid();
    return server.chain(() -> services).replaceWith(links);
  }

  private Uni<Boolean> firstSighting(AlertFired alert) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "insert into alert_firing (fingerprint, started_at, seen_at, rule,"
                            + " runbook) values (:fingerprint, :started, :seen, :rule, :runbook)"
                            + " on conflict do nothing")
                    .setParameter("fingerprint", alert.fingerprint())
                    .setParameter("started", alert.startedAt())
                    .setParameter("seen", time.instant())
                    // the incident shows the rule's runbook (knowledge/IncidentRunbooks)
                    .setParameter("rule", truncate(alert.rule()))
                    .setParameter("runbook", runbook(alert.runbook()))
                    .executeUpdate())
        .map(inserted -> inserted == 1);
  }

  private Uni<Boolean> firstResolution(AlertResolved resolved) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "insert into alert_firing (fingerprint, started_at, seen_at, resolved_at)"
                            + " values (:fingerprint, :started, :seen, :resolved)"
                            + " on conflict (fingerprint, started_at) do update"
                            + " set resolved_at = excluded.resolved_at"
                            + " where alert_firing.resolved_at is null")
                    .setParameter("fingerprint", resolved.fingerprint())
                    .setParameter(
                        "started",
                        resolved.startedAt() == null ? resolved.resolvedAt() : resolved.startedAt())
                    .setParameter("seen", time.instant())
                    .setParameter("resolved", resolved.resolvedAt())
                    .executeUpdate())
        .map(changed -> changed == 1);
  }

  /**
   * The runbook as monitoring validated it (an http(s) URL or {@code kb:<slug or id>}); anything
   * else from the topic is dropped rather than shown as a link.
   */
  static String runbook(String runbook) {
    if (runbook == null || runbook.length() > 2000) {
      return null;
    }
    String r = runbook.strip();
    return r.matches("(?i)https?://[^\\s]+|kb:[A-Za-z0-9][A-Za-z0-9-]{0,99}") ? r : null;
  }

  /** critical: P1 (high impact and urgency); warning: P2; anything else: P4. */
  static Impact impact(String severity) {
    return switch (severity == null ? "" : severity.toLowerCase()) {
      case "critical" -> Impact.HIGH;
      case "warning" -> Impact.MEDIUM;
      default -> Impact.LOW;
    };
  }

  static Urgency urgency(String severity) {
    return switch (severity == null ? "" : severity.toLowerCase()) {
      case "critical", "warning" -> Urgency.HIGH;
      default -> Urgency.MEDIUM;
    };
  }

  private static String title(AlertFired alert) {
    String summary =
        alert.summary() == null || alert.summary().isBlank()
            ? alert.fingerprint()
            : alert.summary();
    return truncate(summary);
  }

  private static String description(AlertFired alert) {
    return "Opened by monitoring: alert "
        + alert.fingerprint()
        + " ("
        + alert.severity()
        + ") on "
        + alert.target()
        + " since "
        + alert.startedAt()
        + ".";
  }

  private static String truncate(String text) {
    if (text == null) {
      return null;
    }
    return text.length() <= TITLE_MAX ? text : text.substring(0, TITLE_MAX - 1) + "…";
  }
}
