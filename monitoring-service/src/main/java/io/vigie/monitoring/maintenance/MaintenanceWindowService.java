package io.vigie.monitoring.maintenance;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.web.Filter;
import io.vigie.kit.web.Page;
import io.vigie.kit.web.PageRequest;
import io.vigie.monitoring.Availability.Interval;
import io.vigie.monitoring.TargetServer;
import io.vigie.monitoring.TargetService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Maintenance windows: declared by operators, read by staff and by the clients whose targets they
 * cover, cancelled rather than deleted so history (and past availability) stays as it was.
 */
@ApplicationScoped
public class MaintenanceWindowService {

  private static final String WHAT = "Maintenance window";

  private final MeterRegistry registry;

  public MaintenanceWindowService(MeterRegistry registry) {
    this.registry = registry;
  }

  /** One list filter set, as the resource receives it. */
  public record ListFilter(
      UUID serverId,
      UUID hostedServiceId,
      Instant activeAt,
      Instant from,
      Instant to,
      Boolean cancelled) {}

  @WithTransaction
  public Uni<MaintenanceWindowView> create(MaintenanceWindowRequest request, Caller caller) {
    caller.requireOperator();
    List<UUID> serverIds = request.serverIds() == null ? List.of() : request.serverIds();
    List<UUID> serviceIds =
        request.hostedServiceIds() == null ? List.of() : request.hostedServiceIds();
    if (serverIds.isEmpty() && serviceIds.isEmpty()) {
      throw ProblemException.invalidField(
          "serverIds", "give at least one serverId or hostedServiceId");
    }
    Occurrences schedule = schedule(request);
    return requireKnown(serverIds, serviceIds)
        .chain(
            () -> {
              MaintenanceWindow w = new MaintenanceWindow();
              w.id = Uuids.timeOrdered();
              w.startsAt = request.startsAt();
              w.endsAt = request.endsAt();
              w.rrule = schedule.rrule();
              w.timeZone = schedule.zone().getId();
              w.recursUntil = schedule.lastEnd().orElse(null);
              w.reason = request.reason().strip();
              w.source = MaintenanceSource.API;
              w.createdBy = caller.name();
              w.createdAt = Instant.now();
              w.version = 1;
              List<MaintenanceTarget> targets = new ArrayList<>();
              new LinkedHashSet<>(serverIds)
                  .forEach(
                      id ->
                          targets.add(
                              MaintenanceTarget.of(w.id, MaintenanceTarget.Kind.SERVER, id)));
              new LinkedHashSet<>(serviceIds)
                  .forEach(
                      id ->
                          targets.add(
                              MaintenanceTarget.of(
                                  w.id, MaintenanceTarget.Kind.HOSTED_SERVICE, id)));
              return w.<MaintenanceWindow>persist()
                  .call(() -> MaintenanceTarget.persist(targets))
                  .call(Panache::flush)
                  .invoke(
                      () ->
                          registry
                              .counter(
                                  "vigie.monitoring.maintenance.windows.created", "source", "api")
                              .increment())
                  .map(saved -> MaintenanceWindowView.of(saved, targets, null));
            });
  }

  /** A window the caller may see; 404 for an unknown one or one covering none of a client's. */
  @WithSession
  public Uni<MaintenanceWindowView> find(UUID id, Caller caller) {
    return visible(id, caller).map(v -> MaintenanceWindowView.of(v.window, v.targets, v.scope));
  }

  @WithSession
  public Uni<Page<MaintenanceWindowView>> list(ListFilter f, PageRequest page, Caller caller) {
    if (f.from() != null || f.to() != null) {
      if (f.from() == null) {
        throw ProblemException.invalidField("from", "is required with to");
      }
      if (f.to() == null) {
        throw ProblemException.invalidField("to", "is required with from");
      }
      Periods.check(f.from(), f.to(), Periods.DEFAULT_MAX);
    }
    return scope(caller)
        .chain(
            scope -> {
              if (scope != null && scope.isEmpty()) {
                return Uni.createFrom().item(new Page<>(List.of(), page.page, page.size, 0, 0));
              }
              Filter filter = Filter.where();
              filter
                  .and(
                      "w.id in (select t.windowId from MaintenanceTarget t"
                          + " where t.kind = SERVER and t.targetId = :server)",
                      "server",
                      f.serverId())
                  .and(
                      "w.id in (select t.windowId from MaintenanceTarget t"
                          + " where t.kind = HOSTED_SERVICE and t.targetId = :service)",
                      "service",
                      f.hostedServiceId())
                  .and("w.cancelled = :cancelled", "cancelled", f.cancelled())
                  .and(
                      "w.id in (select t.windowId from MaintenanceTarget t where t.targetId in :mine)",
                      "mine",
                      scope == null ? null : scope.all());
              Interval span = span(f);
              if (span == null) {
                return Page.of(
                        MaintenanceWindow.find(
                            "from MaintenanceWindow w where "
                                + filter.query()
                                + " order by w.startsAt desc, w.id",
                            filter.parameters()),
                        page,
                        w -> (MaintenanceWindow) w)
                    .chain(windows -> withTargets(windows, scope));
              }
              // occurrences are computed in Java: narrow in SQL, then keep the windows that do run
              filter
                  .and("w.startsAt < :spanTo", "spanTo", span.end())
                  .and(
                      "(w.recursUntil is null or w.recursUntil > :spanFrom)"
                          + " and (w.cancelledAt is null or w.cancelledAt > :spanFrom)",
                      "spanFrom",
                      span.start());
              return MaintenanceWindow.<MaintenanceWindow>find(
                      "from MaintenanceWindow w where "
                          + filter.query()
                          + " order by w.startsAt desc, w.id",
                      filter.parameters())
                  .list()
                  .map(all -> all.stream().filter(w -> runs(w, f)).toList())
                  .chain(
                      running -> {
                        int first = Math.min(running.size(), page.page * page.size);
                        int last = Math.min(running.size(), first + page.size);
                        Page<MaintenanceWindow> windows =
                            new Page<>(
                                running.subList(first, last),
                                page.page,
                                page.size,
                                running.size(),
                                (running.size() + page.size - 1) / page.size);
                        return withTargets(windows, scope);
                      });
            });
  }

  /** Cancels a window from now on (idempotent); its past occurrences stay as they happened. */
  @WithTransaction
  public Uni<Void> cancel(UUID id, Caller caller) {
    caller.requireOperator();
    return visible(id, caller)
        .invoke(
            v -> {
              if (!v.window.cancelled) {
                v.window.cancelled = true;
                v.window.cancelledAt = Instant.now();
                v.window.cancelledBy = caller.name();
                v.window.version++;
                registry.counter("vigie.monitoring.maintenance.windows.cancelled").increment();
              }
            })
        .replaceWithVoid();
  }

  /** The occurrences of one window in a period. */
  public record OccurrencesView(
      UUID windowId, Instant from, Instant to, List<Interval> occurrences) {}

  /** Without {@code to}, the occurrences of the 31 days from {@code from} are listed. */
  static final java.time.Duration DEFAULT_OCCURRENCE_SPAN = java.time.Duration.ofDays(31);

  /**
   * The occurrences of a window the caller may see that overlap {@code [from, to)}; {@code from}
   * defaults to the window's start, {@code to} to 31 days after {@code from}.
   */
  @WithSession
  public Uni<OccurrencesView> occurrences(UUID id, Instant from, Instant to, Caller caller) {
    return visible(id, caller)
        .map(
            v -> {
              Instant start = from == null ? v.window.startsAt : from;
              Instant end = to == null ? start.plus(DEFAULT_OCCURRENCE_SPAN) : to;
              Interval period = Periods.check(start, end, Periods.DEFAULT_MAX);
              return new OccurrencesView(
                  id, start, end, v.window.occurrences().within(period.start(), period.end()));
            });
  }

  private record Visible(
      MaintenanceWindow window, List<MaintenanceTarget> targets, ClientTargets scope) {}

  private Uni<Visible> visible(UUID id, Caller caller) {
    return MaintenanceWindow.<MaintenanceWindow>findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound(WHAT, id))
        .chain(
            w ->
                MaintenanceTarget.<MaintenanceTarget>list("windowId", w.id)
                    .chain(
                        targets ->
                            scope(caller)
                                .map(
                                    scope -> {
                                      if (scope != null
                                          && targets.stream()
                                              .noneMatch(t -> scope.all().contains(t.targetId))) {
                                        throw ProblemException.notFound(WHAT, id);
                                      }
                                      return new Visible(w, targets, scope);
                                    })));
  }

  /** Null for staff (everything); a client's own targets; agents never get here. */
  private static Uni<ClientTargets> scope(Caller caller) {
    if (caller.isStaff()) {
      return Uni.createFrom().nullItem();
    }
    if (caller.isClient()) {
      return ClientTargets.of(caller.tenant());
    }
    return Uni.createFrom().item(new ClientTargets(Set.of(), Set.of()));
  }

  private static Uni<Page<MaintenanceWindowView>> withTargets(
      Page<MaintenanceWindow> windows, ClientTargets scope) {
    if (windows.items().isEmpty()) {
      return Uni.createFrom()
          .item(
              new Page<>(
                  List.of(),
                  windows.page(),
                  windows.size(),
                  windows.totalItems(),
                  windows.totalPages()));
    }
    List<UUID> ids = windows.items().stream().map(w -> w.id).toList();
    return MaintenanceTarget.<MaintenanceTarget>list("windowId in ?1", ids)
        .map(
            targets -> {
              Map<UUID, List<MaintenanceTarget>> byWindow =
                  targets.stream().collect(Collectors.groupingBy(t -> t.windowId));
              return new Page<>(
                  windows.items().stream()
                      .map(
                          w ->
                              MaintenanceWindowView.of(
                                  w, byWindow.getOrDefault(w.id, List.of()), scope))
                      .toList(),
                  windows.page(),
                  windows.size(),
                  windows.totalItems(),
                  windows.totalPages());
            });
  }

  /** The smallest period covering the time filters; null without one. */
  private static Interval span(ListFilter f) {
    Instant start = null;
    Instant end = null;
    if (f.activeAt() != null) {
      start = f.activeAt();
      end = f.activeAt().plus(1, ChronoUnit.MICROS);
    }
    if (f.from() != null) {
      start = start == null || f.from().isAfter(start) ? f.from() : start;
      end = end == null || f.to().isBefore(end) ? f.to() : end;
    }
    if (start == null) {
      return null;
    }
    return end.isAfter(start) ? new Interval(start, end) : new Interval(start, start);
  }

  private static boolean runs(MaintenanceWindow w, ListFilter f) {
    Occurrences schedule = w.occurrences();
    return (f.activeAt() == null || schedule.contains(f.activeAt()))
        && (f.from() == null || !schedule.within(f.from(), f.to()).isEmpty());
  }

  private static Occurrences schedule(MaintenanceWindowRequest request) {
    try {
      return Occurrences.of(
          request.startsAt(), request.endsAt(), request.rrule(), request.timeZone());
    } catch (Occurrences.InvalidSchedule e) {
      throw ProblemException.invalidField(e.field(), e.getMessage());
    }
  }

  /** Each target must be in the read model; the first unknown one is named with its index. */
  private static Uni<Void> requireKnown(List<UUID> serverIds, List<UUID> serviceIds) {
    Uni<Set<UUID>> servers =
        serverIds.isEmpty()
            ? Uni.createFrom().item(Set.of())
            : TargetServer.<TargetServer>list("id in ?1", serverIds)
                .map(found -> found.stream().map(s -> s.id).collect(Collectors.toSet()));
    Uni<Set<UUID>> services =
        serviceIds.isEmpty()
            ? Uni.createFrom().item(Set.of())
            : TargetService.<TargetService>list("id in ?1", serviceIds)
                .map(found -> found.stream().map(s -> s.id).collect(Collectors.toSet()));
    return servers.chain(
        knownServers ->
            services.map(
                knownServices -> {
                  for (int i = 0; i < serverIds.size(); i++) {
                    if (!knownServers.contains(serverIds.get(i))) {
                      throw ProblemException.invalidField(
                          "serverIds[" + i + "]", "no such server in the inventory");
                    }
                  }
                  for (int i = 0; i < serviceIds.size(); i++) {
                    if (!knownServices.contains(serviceIds.get(i))) {
                      throw ProblemException.invalidField(
                          "hostedServiceIds[" + i + "]", "no such hosted service in the inventory");
                    }
                  }
                  return null;
                }));
  }
}
