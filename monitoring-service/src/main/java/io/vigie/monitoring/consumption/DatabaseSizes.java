package io.vigie.monitoring.consumption;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.HostedServiceKind;
import io.vigie.monitoring.SqlTime;
import io.vigie.monitoring.targets.TargetGuest;
import io.vigie.monitoring.targets.TargetServer;
import io.vigie.monitoring.targets.TargetService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A client's databases in its consumption report: each DATABASE hosted service of the client, and
 * where an exporter measures it (the postgres exporter's {@code pg_database_size_bytes}, folded
 * into {@code database_size_hour} by {@code usage/DatabaseSizeRollup}) its size at the month's end
 * and its growth over the month, per server or VM it runs on. A hosted service is the database
 * named in its URL ({@code postgresql://db1:5432/orders} is {@code orders}), else the database
 * named as the service is ({@link #datname}), reported by an exporter on one of its servers or VMs.
 */
public final class DatabaseSizes {

  private DatabaseSizes() {}

  /**
   * A database of the client: where it was measured, what it held at the month's end (the last
   * reading before it) and its growth from the last reading before the month (else the first in
   * it); the figures are null when no exporter reported it up to the month's end.
   *
   * @param datname the database name looked for in the exporter's {@code datname} label
   * @param measuredOn the server's hostname or the VM's name whose exporter reported it
   * @param hoursMeasured hours of the month with a reading
   */
  public record ConsumptionDatabase(
      UUID hostedServiceId,
      String name,
      String datname,
      UUID measuredOnId,
      String measuredOn,
      Long startBytes,
      Long endBytes,
      Long growthBytes,
      Double endGb,
      Double growthGb,
      int hoursMeasured,
      Instant lastMeasuredAt) {}

  /**
   * The database a hosted service is: the last path segment of a database URL ({@code
   * postgresql://db1:5432/orders}, {@code mysql://...}), else its name.
   */
  public static String datname(String url, String name) {
    if (url != null && !url.isBlank()) {
      try {
        String path = URI.create(url.strip()).getPath();
        if (path != null) {
          String last = path.substring(path.lastIndexOf('/') + 1);
          if (!last.isBlank()) {
            return last;
          }
        }
      } catch (IllegalArgumentException notAUri) {
        // a URL the inventory kept as typed: the name decides
      }
    }
    return name;
  }

  /** The client's databases and their figures over [from, to). */
  static Uni<List<ConsumptionDatabase>> of(String tenant, Instant from, Instant to) {
    return TargetService.<TargetService>list(
            "tenant = ?1 and kind = ?2 order by name, id", tenant, HostedServiceKind.DATABASE)
        .chain(
            services -> {
              if (services.isEmpty()) {
                return Uni.createFrom().item(List.<ConsumptionDatabase>of());
              }
              Map<UUID, List<UUID>> targets = new HashMap<>();
              Set<UUID> all = new LinkedHashSet<>();
              Set<String> names = new LinkedHashSet<>();
              for (TargetService s : services) {
                List<UUID> ids = new ArrayList<>(ids(s.serverIds));
                ids.addAll(ids(s.virtualMachineIds));
                targets.put(s.id, ids);
                all.addAll(ids);
                names.add(datname(s.url, s.name));
              }
              return readings(List.copyOf(all), List.copyOf(names), from, to)
                  .chain(
                      readings ->
                          names(List.copyOf(all))
                              .map(
                                  where -> {
                                    List<ConsumptionDatabase> out = new ArrayList<>();
                                    for (TargetService s : services) {
                                      String datname = datname(s.url, s.name);
                                      boolean found = false;
                                      for (UUID target : targets.get(s.id)) {
                                        Object[] r = readings.get(target + " " + datname);
                                        if (r != null) {
                                          out.add(row(s, datname, target, where.get(target), r));
                                          found = true;
                                        }
                                      }
                                      if (!found) {
                                        out.add(
                                            new ConsumptionDatabase(
                                                s.id, s.name, datname, null, null, null, null, null,
                                                null, null, 0, null));
                                      }
                                    }
                                    return out;
                                  }));
            });
  }

  private static ConsumptionDatabase row(
      TargetService s, String datname, UUID target, String where, Object[] r) {
    long start = Math.round(((Number) r[2]).doubleValue());
    long end = Math.round(((Number) r[3]).doubleValue());
    return new ConsumptionDatabase(
        s.id,
        s.name,
        datname,
        target,
        where,
        start,
        end,
        end - start,
        gb(end),
        gb(end - start),
        ((Number) r[4]).intValue(),
        SqlTime.instant(r[5]));
  }

  /** Per "target datname": target, datname, start, end, hours in the month, last reading. */
  private static Uni<Map<String, Object[]>> readings(
      List<UUID> targets, List<String> names, Instant from, Instant to) {
    if (targets.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select target_id, datname, coalesce((array_agg(last_size_bytes order by"
                            + " hour_start desc) filter (where hour_start < ?3))[1],"
                            + " (array_agg(last_size_bytes order by hour_start))[1]),"
                            + " (array_agg(last_size_bytes order by hour_start desc))[1], count(*)"
                            + " filter (where hour_start >= ?3), max(last_at) from"
                            + " database_size_hour where target_id = any(?1) and datname = any(?2)"
                            + " and hour_start < ?4 group by target_id, datname",
                        Object[].class)
                    .setParameter(1, targets.toArray(UUID[]::new))
                    .setParameter(2, names.toArray(String[]::new))
                    .setParameter(3, from)
                    .setParameter(4, to)
                    .getResultList())
        .map(
            rows -> {
              Map<String, Object[]> out = new HashMap<>();
              rows.forEach(r -> out.put(r[0] + " " + r[1], r));
              return out;
            });
  }

  /** The hostnames of servers and the names of VMs among {@code targets}. */
  private static Uni<Map<UUID, String>> names(List<UUID> targets) {
    if (targets.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return TargetServer.<TargetServer>list("id in ?1", targets)
        .chain(
            servers ->
                TargetGuest.<TargetGuest>list("id in ?1", targets)
                    .map(
                        guests -> {
                          Map<UUID, String> out = new HashMap<>();
                          servers.forEach(s -> out.put(s.id, s.hostname));
                          guests.forEach(g -> out.put(g.id, g.name));
                          return out;
                        }));
  }

  private static List<UUID> ids(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(UUID::fromString)
        .toList();
  }

  private static double gb(long bytes) {
    return BigDecimal.valueOf(bytes / 1e9).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }
}
