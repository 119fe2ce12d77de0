package io.vigie.monitoring.consumption;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.monitoring.SqlTime;
import io.vigie.monitoring.TargetGuest;
import io.vigie.monitoring.TargetServer;
import io.vigie.monitoring.availability.TargetClient;
import io.vigie.monitoring.consumption.ClientConsumption.ClientConsumptionReport;
import io.vigie.monitoring.consumption.ClientConsumption.ConsumptionBackup;
import io.vigie.monitoring.consumption.ClientConsumption.ConsumptionGuest;
import io.vigie.monitoring.consumption.ClientConsumption.ConsumptionServer;
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
                guests(clientCode)
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
                                                  .map(
                                                      backups ->
                                                          new ClientConsumptionReport(
                                                              client.code,
                                                              client.name,
                                                              month.format(Bandwidth.MONTH),
                                                              now,
                                                              guests,
                                                              servers,
                                                              b,
                                                              kept
                                                                  ? null
                                                                  : "Not available for "
                                                                      + month.format(
                                                                          Bandwidth.MONTH)
                                                                      + ": 5-minute points are kept for the"
                                                                      + " current and the previous month"
                                                                      + " only.",
                                                              backups,
                                                              ClientConsumption.NOT_MEASURED)));
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

  private static Uni<List<ConsumptionGuest>> guests(String tenant) {
    return TargetGuest.<TargetGuest>list("tenant = ?1 order by name, id", tenant)
        .chain(
            guests -> {
              List<UUID> hosts = guests.stream().map(g -> g.hostServerId).distinct().toList();
              return (hosts.isEmpty()
                      ? Uni.createFrom().item(List.<TargetServer>of())
                      : TargetServer.<TargetServer>list("id in ?1", hosts))
                  .map(
                      servers -> {
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
                                        g.diskGb))
                            .toList();
                      });
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

  private static Double round(Object value) {
    return BigDecimal.valueOf(((Number) value).doubleValue())
        .setScale(2, RoundingMode.HALF_UP)
        .doubleValue();
  }
}
