package io.vigie.monitoring.consumption;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.monitoring.SqlTime;
import io.vigie.monitoring.consumption.GrowthForecast.GrowthTrend;
import io.vigie.monitoring.consumption.GrowthForecast.Point;
import io.vigie.monitoring.targets.TargetGuest;
import io.vigie.monitoring.targets.TargetServer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Growth forecasts over a chosen window ({@link GrowthForecast}): a backup repository's storage
 * against its capacity (backup-service's {@code RepositoryStorageMeasured}), each filesystem of a
 * server or guest against its size ({@code filesystem_usage_hour}), and a server's or guest's CPU,
 * RAM and disk against what it has (the hourly usage rollups; closed hours only). A client reads
 * its own repositories, the servers dedicated to it and its own guests; a repository the hoster
 * shares, another client's, or an unknown one answers 404 (staff read all).
 */
@ApplicationScoped
public class ForecastService {

  /** The hourly resources of a server or a guest. */
  enum HostResource {
    CPU("percent"),
    RAM("GB"),
    DISK("GB");

    final String unit;

    HostResource(String unit) {
      this.unit = unit;
    }

    static HostResource parse(String text) {
      for (HostResource r : values()) {
        if (r.name().equalsIgnoreCase(text)) {
          return r;
        }
      }
      throw ProblemException.invalidField("resource", "must be cpu, ram or disk");
    }
  }

  /**
   * A forecast and what it is of.
   *
   * @param subject {@code repository}, {@code server} or {@code guest}
   * @param resource {@code storage} (a repository), {@code filesystem}, {@code cpu}, {@code ram} or
   *     {@code disk}
   * @param tenant the repository's or guest's client; null for a shared repository and a server
   * @param mountpoint a filesystem's mountpoint, else null
   * @param unit {@code bytes}, {@code GB} or {@code percent} (CPU: 100 is every thread busy)
   * @param window the window fitted, ISO 8601
   */
  public record ResourceGrowth(
      String subject,
      UUID id,
      String name,
      String tenant,
      String datacenterCode,
      String resource,
      String mountpoint,
      String device,
      String unit,
      String window,
      GrowthTrend trend) {}

  /** A repository's storage trend and when it reaches {@code thresholdPercent} of its capacity. */
  @WithSession
  public Uni<ResourceGrowth> repository(
      UUID repositoryId, String windowText, String percentText, Caller caller, Instant now) {
    Duration window = GrowthForecast.window(windowText);
    double percent = GrowthForecast.thresholdPercent(percentText);
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select tenant, repository_name, datacenter_code, capacity_bytes from"
                            + " repository_storage where repository_id = ?1 and measured_at <= ?2"
                            + " order by measured_at desc limit 1",
                        Object[].class)
                    .setParameter(1, repositoryId)
                    .setParameter(2, now)
                    .getResultList())
        .chain(
            rows -> {
              Object[] last = rows.isEmpty() ? null : rows.get(0);
              String tenant = last == null ? null : (String) last[0];
              if (last == null
                  || (caller.isClient() && !java.util.Objects.equals(caller.tenant(), tenant))) {
                throw ProblemException.notFound("Repository", repositoryId);
              }
              Double capacity = last[3] == null ? null : ((Number) last[3]).doubleValue();
              return repositoryPoints(List.of(repositoryId), now.minus(window), now)
                  .map(
                      points ->
                          new ResourceGrowth(
                              "repository",
                              repositoryId,
                              (String) last[1],
                              tenant,
                              (String) last[2],
                              "storage",
                              null,
                              null,
                              "bytes",
                              iso(window),
                              GrowthForecast.of(
                                  points.getOrDefault(repositoryId, List.of()),
                                  now,
                                  window,
                                  capacity,
                                  percent)));
            });
  }

  /** A server's CPU, RAM or disk trend against what it has (closed hours of its own rollups). */
  @WithSession
  public Uni<ResourceGrowth> server(
      UUID serverId,
      String resourceText,
      String windowText,
      String percentText,
      Caller caller,
      Instant now) {
    HostResource resource = HostResource.parse(resourceText);
    Duration window = GrowthForecast.window(windowText);
    double percent = GrowthForecast.thresholdPercent(percentText);
    return Bandwidth.visibleServer(serverId, caller)
        .chain(
            server ->
                hours("host_usage_hour", "server_id", serverId, resource, now.minus(window), now)
                    .map(
                        points ->
                            new ResourceGrowth(
                                "server",
                                server.id,
                                server.hostname,
                                null,
                                server.datacenterCode,
                                resource.name().toLowerCase(Locale.ROOT),
                                null,
                                null,
                                resource.unit,
                                iso(window),
                                GrowthForecast.of(
                                    points, now, window, capacity(server, resource), percent))));
  }

  /** A guest's CPU, RAM or disk trend against its allocation (its own exporter's rollups). */
  @WithSession
  public Uni<ResourceGrowth> guest(
      UUID guestId,
      String resourceText,
      String windowText,
      String percentText,
      Caller caller,
      Instant now) {
    HostResource resource = HostResource.parse(resourceText);
    Duration window = GrowthForecast.window(windowText);
    double percent = GrowthForecast.thresholdPercent(percentText);
    return visibleGuest(guestId, caller)
        .chain(
            guest ->
                hours("guest_usage_hour", "guest_id", guestId, resource, now.minus(window), now)
                    .chain(
                        points ->
                            TargetServer.<TargetServer>findById(guest.hostServerId)
                                .map(
                                    host ->
                                        new ResourceGrowth(
                                            "guest",
                                            guest.id,
                                            guest.name,
                                            guest.tenant,
                                            host == null ? null : host.datacenterCode,
                                            resource.name().toLowerCase(Locale.ROOT),
                                            null,
                                            null,
                                            resource.unit,
                                            iso(window),
                                            GrowthForecast.of(
                                                points,
                                                now,
                                                window,
                                                switch (resource) {
                                                  case CPU -> 100.0;
                                                  case RAM -> (double) guest.ramGb;
                                                  case DISK -> (double) guest.diskGb;
                                                },
                                                percent)))));
  }

  /** Each filesystem of a server seen in the window (or the one at {@code mountpoint}). */
  @WithSession
  public Uni<List<ResourceGrowth>> serverFilesystems(
      UUID serverId,
      String mountpoint,
      String windowText,
      String percentText,
      Caller caller,
      Instant now) {
    Duration window = GrowthForecast.window(windowText);
    double percent = GrowthForecast.thresholdPercent(percentText);
    return Bandwidth.visibleServer(serverId, caller)
        .chain(
            server ->
                filesystems(
                    "server",
                    server.id,
                    server.hostname,
                    null,
                    server.datacenterCode,
                    mountpoint,
                    window,
                    percent,
                    now));
  }

  /** Each filesystem of a guest (its own exporter) seen in the window. */
  @WithSession
  public Uni<List<ResourceGrowth>> guestFilesystems(
      UUID guestId,
      String mountpoint,
      String windowText,
      String percentText,
      Caller caller,
      Instant now) {
    Duration window = GrowthForecast.window(windowText);
    double percent = GrowthForecast.thresholdPercent(percentText);
    return visibleGuest(guestId, caller)
        .chain(
            guest ->
                TargetServer.<TargetServer>findById(guest.hostServerId)
                    .chain(
                        host ->
                            filesystems(
                                "guest",
                                guest.id,
                                guest.name,
                                guest.tenant,
                                host == null ? null : host.datacenterCode,
                                mountpoint,
                                window,
                                percent,
                                now)));
  }

  /**
   * The trends of the given repositories' storage over {@code window} up to {@code at}, for the
   * consumption report (null for a repository without a measurement in it).
   */
  static Uni<Map<UUID, GrowthTrend>> repositoryTrends(
      Map<UUID, Long> capacities, Duration window, double percent, Instant at) {
    if (capacities.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return repositoryPoints(List.copyOf(capacities.keySet()), at.minus(window), at)
        .map(
            points -> {
              Map<UUID, GrowthTrend> out = new LinkedHashMap<>();
              capacities.forEach(
                  (id, capacity) ->
                      out.put(
                          id,
                          GrowthForecast.of(
                              points.getOrDefault(id, List.of()),
                              at,
                              window,
                              capacity == null ? null : capacity.doubleValue(),
                              percent)));
              return out;
            });
  }

  private static Uni<Map<UUID, List<Point>>> repositoryPoints(
      List<UUID> repositories, Instant from, Instant to) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select repository_id, measured_at, total_size from repository_storage"
                            + " where repository_id = any(?1) and measured_at > ?2 and"
                            + " measured_at <= ?3 order by repository_id, measured_at",
                        Object[].class)
                    .setParameter(1, repositories.toArray(UUID[]::new))
                    .setParameter(2, from)
                    .setParameter(3, to)
                    .getResultList())
        .map(
            rows -> {
              Map<UUID, List<Point>> out = new LinkedHashMap<>();
              for (Object[] r : rows) {
                out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new Point(SqlTime.instant(r[1]), ((Number) r[2]).doubleValue()));
              }
              return out;
            });
  }

  /** The closed hours of one server's or guest's rollup in the window, oldest first. */
  private static Uni<List<Point>> hours(
      String table, String column, UUID id, HostResource resource, Instant from, Instant now) {
    String value =
        switch (resource) {
          case CPU -> "cpu_sum";
          case RAM -> "ram_gb_sum";
          case DISK -> "disk_gb_sum";
        };
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select hour_start, "
                            + value
                            + " / samples from "
                            + table
                            + " where "
                            + column
                            + " = ?1 and hour_start > ?2 and hour_start < ?3 and samples > 0"
                            + " order by hour_start",
                        Object[].class)
                    .setParameter(1, id)
                    .setParameter(2, from)
                    .setParameter(3, now.truncatedTo(ChronoUnit.HOURS))
                    .getResultList())
        .map(
            rows ->
                rows.stream()
                    .map(r -> new Point(SqlTime.instant(r[0]), ((Number) r[1]).doubleValue()))
                    .toList());
  }

  private Uni<List<ResourceGrowth>> filesystems(
      String subject,
      UUID targetId,
      String name,
      String tenant,
      String datacenterCode,
      String mountpoint,
      Duration window,
      double percent,
      Instant now) {
    if (mountpoint != null && (!mountpoint.startsWith("/") || mountpoint.length() > 4096)) {
      throw ProblemException.invalidField("mountpoint", "must be an absolute path such as /srv");
    }
    return Panache.getSession()
        .chain(
            session -> {
              var query =
                  session
                      .createNativeQuery(
                          "select mountpoint, hour_start, used_bytes_sum / samples, size_bytes,"
                              + " device from filesystem_usage_hour where target_id = ?1 and"
                              + " hour_start > ?2 and hour_start < ?3 and samples > 0"
                              + (mountpoint == null ? "" : " and mountpoint = ?4")
                              + " order by mountpoint, hour_start",
                          Object[].class)
                      .setParameter(1, targetId)
                      .setParameter(2, now.minus(window))
                      .setParameter(3, now.truncatedTo(ChronoUnit.HOURS));
              if (mountpoint != null) {
                query.setParameter(4, mountpoint);
              }
              return query.getResultList();
            })
        .map(
            rows -> {
              Map<String, List<Object[]>> byMountpoint = new LinkedHashMap<>();
              rows.forEach(
                  r -> byMountpoint.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r));
              if (mountpoint != null && byMountpoint.isEmpty()) {
                throw ProblemException.notFound("Filesystem", mountpoint);
              }
              List<ResourceGrowth> out = new ArrayList<>();
              byMountpoint.forEach(
                  (mount, hours) -> {
                    Object[] last = hours.get(hours.size() - 1);
                    List<Point> points =
                        hours.stream()
                            .map(
                                r ->
                                    new Point(SqlTime.instant(r[1]), ((Number) r[2]).doubleValue()))
                            .toList();
                    out.add(
                        new ResourceGrowth(
                            subject,
                            targetId,
                            name,
                            tenant,
                            datacenterCode,
                            "filesystem",
                            mount,
                            (String) last[4],
                            "bytes",
                            iso(window),
                            GrowthForecast.of(
                                points, now, window, ((Number) last[3]).doubleValue(), percent)));
                  });
              return out;
            });
  }

  /** P30D rather than PT720H for whole days. */
  static String iso(Duration window) {
    return window.toSeconds() % 86_400 == 0 && window.getNano() == 0
        ? "P" + window.toDays() + "D"
        : window.toString();
  }

  private static Double capacity(TargetServer server, HostResource resource) {
    return switch (resource) {
      case CPU -> 100.0;
      case RAM -> server.ramGb == null ? null : server.ramGb.doubleValue();
      case DISK -> server.diskGb == null ? null : server.diskGb.doubleValue();
    };
  }

  /** The guest if the caller may read it: staff always, a client its own (else 404). */
  private static Uni<TargetGuest> visibleGuest(UUID guestId, Caller caller) {
    return TargetGuest.<TargetGuest>findById(guestId)
        .map(
            guest -> {
              if (guest == null
                  || (caller.isClient()
                      && !java.util.Objects.equals(caller.tenant(), guest.tenant))) {
                throw ProblemException.notFound("Guest", guestId);
              }
              return guest;
            });
  }
}
