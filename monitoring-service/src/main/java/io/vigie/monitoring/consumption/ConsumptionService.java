package io.vigie.monitoring.consumption;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.monitoring.SqlTime;
import io.vigie.monitoring.availability.TargetClient;
import io.vigie.monitoring.consumption.ClientConsumption.ClientConsumptionReport;
import io.vigie.monitoring.consumption.ClientConsumption.ConsumptionBackup;
import io.vigie.monitoring.consumption.ClientConsumption.ConsumptionGuest;
import io.vigie.monitoring.consumption.ClientConsumption.ConsumptionRepository;
import io.vigie.monitoring.consumption.ClientConsumption.ConsumptionServer;
import io.vigie.monitoring.targets.TargetGuest;
import io.vigie.monitoring.targets.TargetServer;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds a client's monthly consumption report from the read model, rollups and bandwidth. */
@ApplicationScoped
public class ConsumptionService {

  /**
   * The client's month (UTC): a client reads only its own (another's answers 404, as an unknown
   * one), staff any.
   */
  @WithSession
  public Uni<ClientConsumptionReport> report(
      String clientCode, String monthText, Caller caller, Instant now) {
    if (caller.isClient() && !clientCode.equals(caller.tenant())) {
      throw ProblemException.notFound("Client", clientCode);
    }
    YearMonth month = month(monthText, now);
    Instant from = Bandwidth.start(month);
    Instant to = Bandwidth.start(month.plusMonths(1));
    return TargetClient.<TargetClient>find("code", clientCode)
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Client", clientCode))
        .chain(
            client ->
                guests(clientCode, month, from, to)
                    .chain(
                        guests ->
                            Bandwidth.dedicatedServers(clientCode)
                                .chain(dedicated -> servers(dedicated, month, from, to))
                                .chain(
                                    servers -> {
                                      boolean kept = NetworkUsage.fiveMinutePointsKept(month, now);
                                      Uni<Bandwidth.ClientBandwidthReport> bandwidth =
                                          kept
                                              ? Bandwidth.clientMonth(
                                                  clientCode,
                                                  month.format(Bandwidth.MONTH),
                                                  caller,
                                                  now)
                                              : Uni.createFrom().nullItem();
                                      return bandwidth.chain(
                                          b ->
                                              backups(clientCode, from, to)
                                                  .chain(
                                                      backups ->
                                                          repositories(
                                                                  clientCode,
                                                                  from,
                                                                  to,
                                                                  now.isBefore(to) ? now : to)
                                                              .chain(
                                                                  repositories ->
                                                                      DatabaseSizes.of(
                                                                              clientCode, from, to)
                                                                          .map(
                                                                              databases ->
                                                                                  new ClientConsumptionReport(
                                                                                      client.code,
                                                                                      client.name,
                                                                                      month.format(
                                                                                          Bandwidth
                                                                                              .MONTH),
                                                                                      now,
                                                                                      guests,
                                                                                      servers,
                                                                                      b,
                                                                                      kept
                                                                                          ? null
                                                                                          : "Not available for "
                                                                                              + month
                                                                                                  .format(
                                                                                                      Bandwidth
                                                                                                          .MONTH)
                                                                                              + ": 5-minute points are kept for the"
                                                                                              + " current and the previous month"
                                                                                              + " only.",
                                                                                      backups,
                                                                                      repositories,
                                                                                      databases,
                                                                                      ClientConsumption
                                                                                          .NOT_MEASURED)))));
                                    })));
  }

  static YearMonth month(String text, Instant now) {
    YearMonth month;
    try {
      month = YearMonth.parse(text == null ? "" : text, Bandwidth.MONTH);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField("month", "must be a month such as 2026-11");
    }
    if (month.isAfter(YearMonth.from(now.atZone(ZoneOffset.UTC)))) {
      throw ProblemException.invalidField("month", "has not started yet");
    }
    return month;
  }

  private static Uni<List<ConsumptionGuest>> guests(
      String tenant, YearMonth month, Instant from, Instant to) {
    int hoursInMonth = month.lengthOfMonth() * 24;
    return TargetGuest.<TargetGuest>list("tenant = ?1 order by name, id", tenant)
        .chain(
            guests -> {
              List<UUID> hosts = guests.stream().map(g -> g.hostServerId).distinct().toList();
              return (hosts.isEmpty()
                      ? Uni.createFrom().item(List.<TargetServer>of())
                      : TargetServer.<TargetServer>list("id in ?1", hosts))
                  .chain(
                      servers ->
                          guestHours(guests.stream().map(g -> g.id).toList(), from, to)
                              .map(hours -> Map.entry(servers, hours)))
                  .map(
                      found -> {
                        List<TargetServer> servers = found.getKey();
                        Map<UUID, List<GuestUsage.Hour>> hours = found.getValue();
                        Map<UUID, String> names = new HashMap<>();
                        servers.forEach(s -> names.put(s.id, s.hostname));
                        return guests.stream()
                            .map(
                                g ->
                                    new ConsumptionGuest(
                                        g.id,
                                        g.name,
                                        g.kind,
                                        g.hostServerId,
                                        names.get(g.hostServerId),
                                        g.vcpus,
                                        g.ramGb,
                                        g.diskGb,
                                        hoursInMonth,
                                        GuestUsage.of(
                                            hours.getOrDefault(g.id, List.of()), g.vcpus)))
                            .toList();
                      });
            });
  }

  /** Each guest's measured hours of the month (its own node_exporter), oldest first. */
  private static Uni<Map<UUID, List<GuestUsage.Hour>>> guestHours(
      List<UUID> guests, Instant from, Instant to) {
    if (guests.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select guest_id, cpu_sum / samples, ram_gb_sum / samples, disk_gb_sum /"
                            + " samples from guest_usage_hour where guest_id = any(?1) and"
                            + " hour_start >= ?2 and hour_start < ?3 and samples > 0 order by"
                            + " guest_id, hour_start",
                        Object[].class)
                    .setParameter(1, guests.toArray(UUID[]::new))
                    .setParameter(2, from)
                    .setParameter(3, to)
                    .getResultList())
        .map(
            rows -> {
              Map<UUID, List<GuestUsage.Hour>> out = new HashMap<>();
              for (Object[] r : rows) {
                out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(
                        new GuestUsage.Hour(
                            ((Number) r[1]).doubleValue(),
                            ((Number) r[2]).doubleValue(),
                            ((Number) r[3]).doubleValue()));
              }
              return out;
            });
  }

  private static Uni<List<ConsumptionServer>> servers(
      List<UUID> dedicated, YearMonth month, Instant from, Instant to) {
    if (dedicated.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    int hoursInMonth = month.lengthOfMonth() * 24;
    return TargetServer.<TargetServer>list("id in ?1 order by hostname", dedicated)
        .chain(
            servers ->
                Panache.getSession()
                    .chain(
                        session ->
                            session
                                .createNativeQuery(
                                    "select server_id, count(*), avg(cpu_sum / samples),"
                                        + " max(cpu_sum / samples), avg(ram_gb_sum / samples),"
                                        + " max(ram_gb_sum / samples), avg(disk_gb_sum / samples),"
                                        + " (array_agg(disk_gb_sum / samples order by hour_start"
                                        + " desc))[1] from host_usage_hour where server_id ="
                                        + " any(?1) and hour_start >= ?2 and hour_start < ?3 and"
                                        + " samples > 0 group by server_id",
                                    Object[].class)
                                .setParameter(1, dedicated.toArray(UUID[]::new))
                                .setParameter(2, from)
                                .setParameter(3, to)
                                .getResultList())
                    .map(
                        rows -> {
                          Map<UUID, Object[]> byServer = new HashMap<>();
                          rows.forEach(r -> byServer.put((UUID) r[0], r));
                          List<ConsumptionServer> out = new ArrayList<>();
                          for (TargetServer s : servers) {
                            Object[] r = byServer.get(s.id);
                            out.add(
                                new ConsumptionServer(
                                    s.id,
                                    s.hostname,
                                    s.datacenterCode,
                                    s.cpuThreads,
                                    s.ramGb,
                                    s.diskGb,
                                    r == null ? 0 : ((Number) r[1]).intValue(),
                                    hoursInMonth,
                                    r == null ? null : round(r[2]),
                                    r == null ? null : round(r[3]),
                                    r == null ? null : round(r[4]),
                                    r == null ? null : round(r[5]),
                                    r == null ? null : round(r[6]),
                                    r == null ? null : round(r[7])));
                          }
                          return out;
                        }));
  }

  private static Uni<List<ConsumptionBackup>> backups(String tenant, Instant from, Instant to) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select policy_id, max(target_kind), max(target_name), max(backup_kind),"
                            + " count(*), count(bytes_added), coalesce(sum(bytes_added), 0),"
                            + " min(finished_at), max(finished_at) from backup_growth where tenant"
                            + " = ?1 and finished_at >= ?2 and finished_at < ?3 group by policy_id"
                            + " order by max(target_name), max(backup_kind), policy_id",
                        Object[].class)
                    .setParameter(1, tenant)
                    .setParameter(2, from)
                    .setParameter(3, to)
                    .getResultList())
        .map(
            rows ->
                rows.stream()
                    .map(
                        r -> {
                          long bytes = ((Number) r[6]).longValue();
                          return new ConsumptionBackup(
                              (UUID) r[0],
                              (String) r[1],
                              (String) r[2],
                              (String) r[3],
                              ((Number) r[4]).intValue(),
                              ((Number) r[5]).intValue(),
                              bytes,
                              round(bytes / 1e9),
                              SqlTime.instant(r[7]),
                              SqlTime.instant(r[8]));
                        })
                    .toList());
  }

  /**
   * The client's own repositories measured up to the month's end: the size at its end (the last
   * measurement before it), and the growth from the last measurement at or before its start (else
   * the first in it).
   */
  private static Uni<List<ConsumptionRepository>> repositories(
      String tenant, Instant from, Instant to, Instant forecastAt) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select repository_id, (array_agg(repository_name order by measured_at"
                            + " desc))[1], (array_agg(datacenter_code order by measured_at"
                            + " desc))[1], coalesce((array_agg(total_size order by measured_at"
                            + " desc) filter (where measured_at <= ?2))[1], (array_agg(total_size"
                            + " order by measured_at))[1]), (array_agg(total_size order by"
                            + " measured_at desc))[1], (array_agg(snapshots_count order by"
                            + " measured_at desc))[1], count(*) filter (where measured_at > ?2),"
                            + " max(measured_at), (array_agg(capacity_bytes order by"
                            + " measured_at desc))[1] from repository_storage where tenant = ?1 and"
                            + " measured_at < ?3 group by repository_id order by 2, 1",
                        Object[].class)
                    .setParameter(1, tenant)
                    .setParameter(2, from)
                    .setParameter(3, to)
                    .getResultList())
        .chain(
            rows -> {
              Map<UUID, Long> capacities = new java.util.LinkedHashMap<>();
              rows.forEach(
                  r ->
                      capacities.put(
                          (UUID) r[0], r[8] == null ? null : ((Number) r[8]).longValue()));
              return ForecastService.repositoryTrends(
                      capacities,
                      GrowthForecast.DEFAULT_WINDOW,
                      GrowthForecast.DEFAULT_THRESHOLD_PERCENT,
                      forecastAt)
                  .map(trends -> Map.entry(rows, trends));
            })
        .map(
            found ->
                found.getKey().stream()
                    .map(
                        r -> {
                          long start = ((Number) r[3]).longValue();
                          long end = ((Number) r[4]).longValue();
                          return new ConsumptionRepository(
                              (UUID) r[0],
                              (String) r[1],
                              (String) r[2],
                              start,
                              end,
                              end - start,
                              round(end / 1e9),
                              round((end - start) / 1e9),
                              ((Number) r[5]).intValue(),
                              ((Number) r[6]).intValue(),
                              SqlTime.instant(r[7]),
                              r[8] == null ? null : ((Number) r[8]).longValue(),
                              found.getValue().get((UUID) r[0]));
                        })
                    .toList());
  }

  private static Double round(Object value) {
    return BigDecimal.valueOf(((Number) value).doubleValue())
        .setScale(2, RoundingMode.HALF_UP)
        .doubleValue();
  }
}
