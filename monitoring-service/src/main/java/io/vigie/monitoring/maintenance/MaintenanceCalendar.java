package io.vigie.monitoring.maintenance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigie.monitoring.availability.Availability.Interval;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the alerting engine and availability ask of planned maintenance: is a target in a window at
 * a given instant, and which maintenance intervals fall in a period. One query fetches the
 * candidate windows; their occurrences are computed in Java.
 *
 * <p>A window covers a check on server S (about hosted service H, if given) when it names S, names
 * H, or names a server H runs on (directly or through one of its VMs). A server whose inventory
 * status is MAINTENANCE is silenced elsewhere ({@link io.vigie.monitoring.targets.Surveillance});
 * windows are the planned, time-bounded kind.
 */
@ApplicationScoped
public class MaintenanceCalendar {

  /** Stands for "no such id" in the native query, so no null parameter needs a SQL type. */
  private static final UUID NONE = new UUID(0, 0);

  /**
   * Windows that may have an occurrence in [:from, :to) and cover :server, :service or a server
   * :service runs on.
   */
  static final String CANDIDATES =
      """
      select w.* from maintenance_window w
      where w.starts_at < :to
        and (w.recurs_until is null or w.recurs_until > :from)
        and (w.cancelled_at is null or w.cancelled_at > :from)
        and exists (
          select 1 from maintenance_window_target t
          where t.window_id = w.id
            and ((t.target_kind = 'SERVER' and t.target_id = :server)
              or (t.target_kind = 'HOSTED_SERVICE' and t.target_id = :service)
              or (t.target_kind = 'SERVER' and t.target_id in (
                    select cast(x.id as uuid)
                    from target_service s,
                         unnest(string_to_array(nullif(s.server_ids, ''), ',')) as x(id)
                    where s.id = :service
                    union
                    select g.host_server_id
                    from target_service s
                    join target_guest g
                      on cast(g.id as text)
                         = any(string_to_array(nullif(s.virtual_machine_ids, ''), ','))
                    where s.id = :service))))
      order by w.starts_at, w.id
      """;

  private final Counter suppressed;

  public MaintenanceCalendar(MeterRegistry registry) {
    this.suppressed =
        Counter.builder("vigie.monitoring.maintenance.suppressed")
            .description("Alert evaluations answered 'in a maintenance window'")
            .register(registry);
  }

  /**
   * Whether a non-cancelled window covering {@code serverId} (or {@code hostedServiceIdOrNull}, or
   * a server that hosted service runs on) has an occurrence containing {@code at}. Joins the
   * caller's session if there is one.
   */
  @WithSession
  public Uni<Boolean> suppresses(UUID serverId, UUID hostedServiceIdOrNull, Instant at) {
    return candidates(serverId, hostedServiceIdOrNull, at, at.plus(1, ChronoUnit.MICROS))
        .map(windows -> windows.stream().anyMatch(w -> w.occurrences().contains(at)))
        .invoke(
            yes -> {
              if (yes) {
                suppressed.increment();
              }
            });
  }

  /**
   * The maintenance intervals of the target within {@code [from, to)}: merged, sorted and clipped
   * to the period. {@code serverId} may be null when a hosted service is given.
   */
  @WithSession
  public Uni<List<Interval>> maintenance(
      UUID serverId, UUID hostedServiceIdOrNull, Instant from, Instant to) {
    return candidates(serverId, hostedServiceIdOrNull, from, to)
        .map(
            windows -> {
              List<Interval> all = new ArrayList<>();
              windows.forEach(w -> all.addAll(w.occurrences().within(from, to)));
              return mergeWithin(all, from, to);
            });
  }

  /**
   * The maintenance intervals within {@code [from, to)} of many targets in one query: for each key,
   * the windows that name any of its ids (a hosted service and the servers it runs on). Must run in
   * a session.
   */
  public <K> Uni<Map<K, List<Interval>>> maintenanceOf(
      Map<K, Set<UUID>> coveredIds, Instant from, Instant to) {
    Set<UUID> all = new HashSet<>();
    coveredIds.values().forEach(all::addAll);
    Map<K, List<Interval>> result = new HashMap<>();
    coveredIds.keySet().forEach(k -> result.put(k, List.of()));
    if (all.isEmpty()) {
      return Uni.createFrom().item(result);
    }
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createSelectionQuery(
                        "select t.targetId, w from MaintenanceTarget t, MaintenanceWindow w"
                            + " where w.id = t.windowId and t.targetId in :ids"
                            + " and w.startsAt < :to"
                            + " and (w.recursUntil is null or w.recursUntil > :from)"
                            + " and (w.cancelledAt is null or w.cancelledAt > :from)",
                        Object[].class)
                    .setParameter("ids", all)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .getResultList())
        .map(
            rows -> {
              Map<UUID, List<MaintenanceWindow>> byTarget = new HashMap<>();
              Map<UUID, List<Interval>> occurrences = new HashMap<>();
              for (Object[] row : rows) {
                MaintenanceWindow w = (MaintenanceWindow) row[1];
                byTarget.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(w);
                occurrences.computeIfAbsent(w.id, id -> w.occurrences().within(from, to));
              }
              coveredIds.forEach(
                  (key, ids) -> {
                    Set<UUID> windows = new HashSet<>();
                    List<Interval> intervals = new ArrayList<>();
                    for (UUID id : ids) {
                      for (MaintenanceWindow w : byTarget.getOrDefault(id, List.of())) {
                        if (windows.add(w.id)) {
                          intervals.addAll(occurrences.get(w.id));
                        }
                      }
                    }
                    result.put(key, mergeWithin(intervals, from, to));
                  });
              return result;
            });
  }

  private static Uni<List<MaintenanceWindow>> candidates(
      UUID serverId, UUID hostedServiceId, Instant from, Instant to) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(CANDIDATES, MaintenanceWindow.class)
                    .setParameter("server", serverId == null ? NONE : serverId)
                    .setParameter("service", hostedServiceId == null ? NONE : hostedServiceId)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .getResultList());
  }

  /** Sorted, overlapping ones merged, clipped to {@code [from, to)}. */
  static List<Interval> mergeWithin(Collection<Interval> intervals, Instant from, Instant to) {
    List<Interval> merged = new ArrayList<>();
    intervals.stream()
        .sorted(Comparator.comparing(Interval::start))
        .forEach(
            next -> {
              Instant start = next.start().isBefore(from) ? from : next.start();
              Instant end = next.end().isAfter(to) ? to : next.end();
              if (!start.isBefore(end)) {
                return;
              }
              if (!merged.isEmpty() && !start.isAfter(merged.getLast().end())) {
                Interval last = merged.removeLast();
                merged.add(new Interval(last.start(), end.isAfter(last.end()) ? end : last.end()));
              } else {
                merged.add(new Interval(start, end));
              }
            });
    return merged;
  }
}
