package io.vigie.monitoring.maintenance;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.tenancy.TenantScope;
import io.vigie.monitoring.SqlTime;
import io.vigie.monitoring.availability.Availability.Interval;
import io.vigie.monitoring.targets.TargetServer;
import io.vigie.monitoring.targets.TargetService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

  /** Newest first. */
  static final Keyset NEWEST_FIRST =
      Keyset.descending("starts_at", "timestamptz").then("id", "uuid");

  /** When occurrences decide which windows run, candidates are read this many at a time. */
  static final int CANDIDATES = 200;

  private final MeterRegistry registry;
  private final Reads reads;

  public MaintenanceWindowService(MeterRegistry registry, Reads reads) {
    this.registry = registry;
    this.reads = reads;
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
              w.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
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
  public Uni<MaintenanceWindowView> find(UUID id, Caller caller) {
    return reads
        .one(document(caller).where("w.id = ?", id), MaintenanceWindowView.class)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound(WHAT, id));
  }

  /**
   * A page of windows, newest first, rendered by PostgreSQL; with a time filter, which windows run
   * is decided in Java from their occurrences, over the candidates SQL narrows them to.
   */
  public Uni<Listing<MaintenanceWindowView>> list(ListFilter f, PageRequest page, Caller caller) {
    if (f.from() != null || f.to() != null) {
      if (f.from() == null) {
        throw ProblemException.invalidField("from", "is required with to");
      }
      if (f.to() == null) {
        throw ProblemException.invalidField("to", "is required with from");
      }
      Periods.check(f.from(), f.to(), Periods.DEFAULT_MAX);
    }
    Interval span = span(f);
    if (span == null) {
      return reads.page(filtered(f, caller), page);
    }
    String after = WindowCursor.key(page.after);
    Uni<List<MaintenanceWindowView>> running =
        running(f, span, caller, after, page.size + 1, new ArrayList<>());
    Uni<Long> total =
        page.total
            ? running(f, span, caller, null, Integer.MAX_VALUE, new ArrayList<>())
                .map(all -> (long) all.size())
            : Uni.createFrom().nullItem();
    return Uni.combine()
        .all()
        .unis(running, total)
        .with(
            (found, count) -> {
              boolean more = found.size() > page.size;
              List<MaintenanceWindowView> items = more ? found.subList(0, page.size) : found;
              return Listing.of(
                  items, more ? WindowCursor.of(items.get(items.size() - 1)) : null, count);
            });
  }

  /** The document the caller reads: a client's shows only its own targets; agents see none. */
  private static SqlQuery document(Caller caller) {
    SqlQuery query =
        caller.isClient()
            ? SqlQuery.select("w.doc", "maintenance_window_client_document w")
            : SqlQuery.select("w.doc", "maintenance_window_document w");
    return TenantScope.restrict(query, caller, "w.tenant = ?");
  }

  private static SqlQuery filtered(ListFilter f, Caller caller) {
    return document(caller)
        .where(
            "w.id in (select t.window_id from maintenance_window_target t"
                + " where t.target_kind = 'SERVER' and t.target_id = ?)",
            f.serverId())
        .where(
            "w.id in (select t.window_id from maintenance_window_target t"
                + " where t.target_kind = 'HOSTED_SERVICE' and t.target_id = ?)",
            f.hostedServiceId())
        .where("w.cancelled = ?", f.cancelled())
        .keyset(NEWEST_FIRST);
  }

  /**
   * Up to {@code want} windows that run in {@code span} (as {@link #runs} decides), newest first,
   * after the window keyed {@code after} ({@code startsAt id}); the candidates that may run are
   * read {@link #CANDIDATES} at a time in the keyset order.
   */
  private Uni<List<MaintenanceWindowView>> running(
      ListFilter f,
      Interval span,
      Caller caller,
      String after,
      int want,
      List<MaintenanceWindowView> found) {
    SqlQuery candidates =
        filtered(f, caller)
            .where("w.starts_at < ?", SqlTime.parameter(span.end()))
            .where(
                "(w.recurs_until is null or w.recurs_until > ?)"
                    + " and (w.cancelled_at is null or w.cancelled_at > ?)",
                SqlTime.parameter(span.start()))
            .where(
                "(w.starts_at, w.id) < (split_part(?, ' ', 1)::timestamptz,"
                    + " split_part(?, ' ', 2)::uuid)",
                after);
    return reads
        .all(candidates, CANDIDATES, MaintenanceWindowView.class)
        .chain(
            chunk -> {
              for (MaintenanceWindowView w : chunk) {
                if (found.size() == want) {
                  break;
                }
                if (runs(w, f)) {
                  found.add(w);
                }
              }
              if (found.size() >= want || chunk.size() < CANDIDATES) {
                return Uni.createFrom().item(found);
              }
              return running(
                  f, span, caller, WindowCursor.key(chunk.get(chunk.size() - 1)), want, found);
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
                v.window.cancelledAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
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

  private static boolean runs(MaintenanceWindowView w, ListFilter f) {
    Occurrences schedule = Occurrences.of(w.startsAt(), w.endsAt(), w.rrule(), w.timeZone());
    if (w.cancelledAt() != null) {
      schedule = schedule.cancelledAt(w.cancelledAt());
    }
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
