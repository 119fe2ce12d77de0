package io.vigie.monitoring.availability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.monitoring.availability.Availability.Interval;
import io.vigie.monitoring.maintenance.ClientTargets;
import io.vigie.monitoring.maintenance.MaintenanceCalendar;
import io.vigie.monitoring.maintenance.Periods;
import io.vigie.monitoring.targets.TargetGuest;
import io.vigie.monitoring.targets.TargetServer;
import io.vigie.monitoring.targets.TargetService;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Availability of servers and hosted services from their check history, approved maintenance left
 * out, and the monthly per-client report against the contract's target.
 */
@ApplicationScoped
public class AvailabilityService {

  /** Percentages are shown with this many decimals, cut, never rounded up. */
  static final int SCALE = 6;

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

  /** Each check's results in [$2, $3) and its last one before $2, for the hosted services $1. */
  static final String SERVICE_HISTORY =
      """
      select hosted_service_id, server_id, check_name, executed_at, status from check_result
      where hosted_service_id is not null and hosted_service_id = any($1)
        and executed_at >= $2 and executed_at < $3
      union all
      (select distinct on (hosted_service_id, server_id, check_name)
              hosted_service_id, server_id, check_name, executed_at, status
       from check_result
       where hosted_service_id is not null and hosted_service_id = any($1) and executed_at < $2
       order by hosted_service_id, server_id, check_name, executed_at desc)
      """;

  /** The same for a server's own availability checks ($4), results about hosted services aside. */
  static final String SERVER_HISTORY =
      """
      select hosted_service_id, server_id, check_name, executed_at, status from check_result
      where server_id = $1 and hosted_service_id is null and check_name = any($4)
        and executed_at >= $2 and executed_at < $3
      union all
      (select distinct on (check_name) hosted_service_id, server_id, check_name, executed_at, status
       from check_result
       where server_id = $1 and hosted_service_id is null and check_name = any($4)
         and executed_at < $2
       order by check_name, executed_at desc)
      """;

  private final Pool pool;
  private final MaintenanceCalendar calendar;
  private final AvailabilityConfig config;
  private final MeterRegistry registry;

  public AvailabilityService(
      Pool pool, MaintenanceCalendar calendar, AvailabilityConfig config, MeterRegistry registry) {
    this.pool = pool;
    this.calendar = calendar;
    this.config = config;
    this.registry = registry;
  }

  /** The figures of one target over a period (measured up to now), before they are shown. */
  public record Figures(
      BigDecimal availabilityPercent,
      Duration measured,
      Duration maintenance,
      Duration downtime,
      int checks,
      List<Interval> downtimes,
      List<Interval> maintenanceIntervals) {

    static Figures of(Availability.Report report, List<Interval> maintenance, int checks) {
      return new Figures(
          report.percent(SCALE),
          report.counted(),
          report.period().length().minus(report.counted()),
          report.downtime(),
          checks,
          report.downtimes(),
          maintenance);
    }
  }

  /**
   * Availability of one server or hosted service over {@code [from, to)}, measured up to {@code
   * measuredUntil} (now, for a period not over yet).
   */
  public record TargetAvailability(
      UUID serverId,
      UUID hostedServiceId,
      Instant from,
      Instant to,
      Instant measuredUntil,
      BigDecimal availabilityPercent,
      Duration measured,
      Duration maintenance,
      Duration downtime,
      int checks,
      List<Interval> downtimes,
      List<Interval> maintenanceIntervals) {

    static TargetAvailability of(
        UUID serverId, UUID hostedServiceId, Interval asked, Instant measuredUntil, Figures f) {
      return new TargetAvailability(
          serverId,
          hostedServiceId,
          asked.start(),
          asked.end(),
          measuredUntil,
          f.availabilityPercent(),
          f.measured(),
          f.maintenance(),
          f.downtime(),
          f.checks(),
          f.downtimes(),
          f.maintenanceIntervals());
    }
  }

  /** One hosted service's month. */
  public record ServiceMonth(
      UUID hostedServiceId,
      String name,
      String kind,
      BigDecimal availabilityPercent,
      Boolean meets,
      Duration measured,
      Duration maintenance,
      Duration downtime,
      int checks,
      List<Interval> downtimes,
      List<Interval> maintenanceIntervals) {

    static ServiceMonth of(TargetService s, Boolean meets, Figures f) {
      return new ServiceMonth(
          s.id,
          s.name,
          s.kind.name(),
          f.availabilityPercent(),
          meets,
          f.measured(),
          f.maintenance(),
          f.downtime(),
          f.checks(),
          f.downtimes(),
          f.maintenanceIntervals());
    }
  }

  /** All monitored services together, weighted by time: total downtime over total measured time. */
  public record Overall(
      BigDecimal availabilityPercent,
      Duration measured,
      Duration maintenance,
      Duration downtime,
      Boolean meets,
      int services) {}

  /** The monthly report of one client. */
  public record ClientReport(
      String clientCode,
      String clientName,
      String month,
      Instant from,
      Instant to,
      Instant measuredUntil,
      boolean complete,
      BigDecimal target,
      Overall overall,
      List<ServiceMonth> services) {}

  @WithSession
  public Uni<TargetAvailability> availability(
      UUID serverId, UUID hostedServiceId, String fromText, String toText, Caller caller) {
    if ((serverId == null) == (hostedServiceId == null)) {
      throw ProblemException.invalidField("serverId", "give either serverId or hostedServiceId");
    }
    Interval asked = Periods.of(fromText, toText, config.maxPeriod());
    Interval period = measurable(asked, "from");
    Timer.Sample timing = Timer.start(registry);
    Uni<TargetAvailability> result =
        serverId != null
            ? server(serverId, asked, period, caller)
            : hostedService(hostedServiceId, asked, period, caller);
    return result.invoke(
        () ->
            timing.stop(
                registry.timer(
                    "vigie.monitoring.availability.computations",
                    "kind",
                    serverId != null ? "server" : "hosted-service")));
  }

  @WithSession
  public Uni<ClientReport> monthlyReport(String clientCode, String monthText, Caller caller) {
    if (caller.isClient() && !clientCode.equals(caller.tenant())) {
      throw ProblemException.notFound("Client", clientCode);
    }
    YearMonth month;
    try {
      month = YearMonth.parse(monthText, MONTH);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField("month", "must be a month such as 2026-11");
    }
    Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Interval asked = new Interval(from, to);
    Interval period = measurable(asked, "month");
    Timer.Sample timing = Timer.start(registry);
    return TargetClient.<TargetClient>find("code", clientCode)
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Client", clientCode))
        .chain(
            client ->
                TargetService.<TargetService>list("tenant = ?1 order by name, id", clientCode)
                    .chain(services -> report(client, month, asked, period, services)))
        .invoke(
            () ->
                timing.stop(
                    registry.timer(
                        "vigie.monitoring.availability.computations", "kind", "client-report")));
  }

  private Uni<TargetAvailability> server(
      UUID serverId, Interval asked, Interval period, Caller caller) {
    return TargetServer.<TargetServer>findById(serverId)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Target", serverId))
        .chain(
            server ->
                visibleServer(serverId, caller)
                    .chain(() -> calendar.maintenance(serverId, null, period.start(), period.end()))
                    .chain(
                        maintenance ->
                            pool.preparedQuery(SERVER_HISTORY)
                                .execute(
                                    Tuple.of(
                                        serverId,
                                        utc(period.start()),
                                        utc(period.end()),
                                        config.serverChecks().toArray(String[]::new)))
                                .map(
                                    rows -> {
                                      List<CheckDowntimes.Sample> samples = new ArrayList<>();
                                      rows.forEach(row -> samples.add(sample(row)));
                                      return TargetAvailability.of(
                                          serverId,
                                          null,
                                          asked,
                                          period.end(),
                                          figures(period, samples, maintenance));
                                    })));
  }

  private Uni<TargetAvailability> hostedService(
      UUID serviceId, Interval asked, Interval period, Caller caller) {
    return TargetService.<TargetService>findById(serviceId)
        .map(s -> s == null || !(seesEveryTarget(caller) || caller.sees(s.tenant)) ? null : s)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Hosted service", serviceId))
        .chain(
            service ->
                calendar
                    .maintenance(null, serviceId, period.start(), period.end())
                    .chain(
                        maintenance ->
                            serviceSamples(List.of(serviceId), period)
                                .map(
                                    samples ->
                                        TargetAvailability.of(
                                            null,
                                            serviceId,
                                            asked,
                                            period.end(),
                                            figures(
                                                period,
                                                samples.getOrDefault(serviceId, List.of()),
                                                maintenance)))));
  }

  private Uni<ClientReport> report(
      TargetClient client,
      YearMonth month,
      Interval asked,
      Interval period,
      List<TargetService> services) {
    Set<UUID> vmIds = new HashSet<>();
    services.forEach(s -> vmIds.addAll(ids(s.virtualMachineIds)));
    Uni<List<TargetGuest>> guests =
        vmIds.isEmpty() ? Uni.createFrom().item(List.of()) : TargetGuest.list("id in ?1", vmIds);
    return guests.chain(
        found -> {
          Map<UUID, UUID> hostOfVm = new HashMap<>();
          found.forEach(g -> hostOfVm.put(g.id, g.hostServerId));
          Map<UUID, Set<UUID>> covered = new LinkedHashMap<>();
          for (TargetService s : services) {
            Set<UUID> ids = new HashSet<>(ids(s.serverIds));
            ids(s.virtualMachineIds).stream()
                .map(hostOfVm::get)
                .filter(java.util.Objects::nonNull)
                .forEach(ids::add);
            ids.add(s.id);
            covered.put(s.id, ids);
          }
          return calendar
              .maintenanceOf(covered, period.start(), period.end())
              .chain(
                  maintenance ->
                      serviceSamples(services.stream().map(s -> s.id).toList(), period)
                          .map(
                              samples ->
                                  assemble(
                                      client,
                                      month,
                                      asked,
                                      period,
                                      services,
                                      maintenance,
                                      samples)));
        });
  }

  private static ClientReport assemble(
      TargetClient client,
      YearMonth month,
      Interval asked,
      Interval period,
      List<TargetService> services,
      Map<UUID, List<Interval>> maintenance,
      Map<UUID, List<CheckDowntimes.Sample>> samples) {
    BigDecimal target = client.availabilityTarget;
    List<ServiceMonth> months = new ArrayList<>();
    Duration measured = Duration.ZERO;
    Duration excluded = Duration.ZERO;
    Duration down = Duration.ZERO;
    int monitored = 0;
    for (TargetService s : services) {
      List<CheckDowntimes.Sample> history = samples.getOrDefault(s.id, List.of());
      List<Interval> windows = maintenance.getOrDefault(s.id, List.of());
      Availability.Report report =
          Availability.of(
              period, CheckDowntimes.of(history, period.start(), period.end()), windows);
      int checks = CheckDowntimes.checks(history);
      months.add(
          ServiceMonth.of(
              s,
              target == null ? null : report.meets(target),
              Figures.of(report, windows, checks)));
      if (checks > 0) {
        monitored++;
        measured = measured.plus(report.counted());
        excluded = excluded.plus(period.length().minus(report.counted()));
        down = down.plus(report.downtime());
      }
    }
    Availability.Report all = new Availability.Report(period, measured, down, List.of());
    Overall overall =
        new Overall(
            all.percent(SCALE),
            measured,
            excluded,
            down,
            target == null ? null : all.meets(target),
            monitored);
    return new ClientReport(
        client.code,
        client.name,
        month.format(MONTH),
        asked.start(),
        asked.end(),
        period.end(),
        period.end().equals(asked.end()),
        target,
        overall,
        months);
  }

  /** Each service's samples, from one query. */
  private Uni<Map<UUID, List<CheckDowntimes.Sample>>> serviceSamples(
      List<UUID> serviceIds, Interval period) {
    Map<UUID, List<CheckDowntimes.Sample>> byService = new HashMap<>();
    if (serviceIds.isEmpty()) {
      return Uni.createFrom().item(byService);
    }
    return pool.preparedQuery(SERVICE_HISTORY)
        .execute(Tuple.of(serviceIds.toArray(UUID[]::new), utc(period.start()), utc(period.end())))
        .map(
            rows -> {
              for (Row row : rows) {
                byService
                    .computeIfAbsent(row.getUUID("hosted_service_id"), id -> new ArrayList<>())
                    .add(sample(row));
              }
              return byService;
            });
  }

  private static Figures figures(
      Interval period, List<CheckDowntimes.Sample> samples, List<Interval> maintenance) {
    Availability.Report report =
        Availability.of(
            period, CheckDowntimes.of(samples, period.start(), period.end()), maintenance);
    return Figures.of(report, maintenance, CheckDowntimes.checks(samples));
  }

  /**
   * Staff, and the public status page's reader: the platforms published on the page are any
   * client's, and this is the one read of monitoring that role may call (the resource says so).
   */
  private static boolean seesEveryTarget(Caller caller) {
    return caller.isStaff() || caller.isStatusReader();
  }

  /** A client sees a server's availability when the server carries it; others 404. */
  private static Uni<Void> visibleServer(UUID serverId, Caller caller) {
    if (seesEveryTarget(caller)) {
      return Uni.createFrom().voidItem();
    }
    if (!caller.isClient()) {
      throw ProblemException.notFound("Target", serverId);
    }
    return ClientTargets.of(caller.tenant())
        .invoke(
            mine -> {
              if (!mine.servers().contains(serverId)) {
                throw ProblemException.notFound("Target", serverId);
              }
            })
        .replaceWithVoid();
  }

  /** The asked period up to now: what can be measured; a period not started yet is refused. */
  private static Interval measurable(Interval asked, String field) {
    Instant now = Instant.now();
    if (!asked.start().isBefore(now)) {
      throw ProblemException.invalidField(field, "is in the future: nothing measured yet");
    }
    return asked.end().isAfter(now) ? new Interval(asked.start(), now) : asked;
  }

  private static CheckDowntimes.Sample sample(Row row) {
    return new CheckDowntimes.Sample(
        row.getUUID("server_id") + "/" + row.getString("check_name"),
        row.getOffsetDateTime("executed_at").toInstant(),
        "CRITICAL".equals(row.getString("status")));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static List<UUID> ids(String commaList) {
    if (commaList == null || commaList.isBlank()) {
      return List.of();
    }
    return Arrays.stream(commaList.split(",")).map(UUID::fromString).toList();
  }
}
