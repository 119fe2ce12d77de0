package io.vigie.backup.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.events.backup.BackupKind;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The monthly backup report of a client, from what the tools reported: runs, restore points and
 * restore tests. The month is taken in the client's time zone (its contract's), UTC when unknown. A
 * client reads its own; staff read every client's; another client's answers 404.
 */
@ApplicationScoped
public class BackupReportService {

  private static final String CLIENT =
      "select code, name, time_zone from inventory_client where code = $1";

  private static final String POLICIES =
      """
      select id, name, kind, target_name, rpo_seconds, active_since from backup_policy
      where tenant = $1 and created_at < $2 order by name, id
      """;

  /** Good points in the month, and each policy's newest before it. */
  private static final String POINTS =
      """
      select r.policy_id, coalesce(r.started_at, r.finished_at) as taken, repo.datacenter_code,
             coalesce(r.started_at, r.finished_at) >= $2 as in_month
      from backup_run r join backup_repository repo on repo.id = r.repository_id
      where r.tenant = $1 and r.state = 'SUCCEEDED'
        and coalesce(r.started_at, r.finished_at) < $3
        and (coalesce(r.started_at, r.finished_at) >= $2
             or coalesce(r.started_at, r.finished_at) = (
                 select max(coalesce(o.started_at, o.finished_at)) from backup_run o
                 where o.policy_id = r.policy_id and o.repository_id = r.repository_id
                   and o.state = 'SUCCEEDED' and coalesce(o.started_at, o.finished_at) < $2))
      """;

  private static final String FAILURES =
      """
      select policy_id, count(*) as failures from backup_run
      where tenant = $1 and state in ('FAILED', 'RUNNING_TOO_LONG')
        and coalesce(finished_at, started_at, created_at) >= $2
        and coalesce(finished_at, started_at, created_at) < $3
      group by policy_id
      """;

  private static final String RESTORE_TESTS =
      """
      select p.id as policy_id,
             (select count(*) from restore_test t where t.policy_id = p.id
                and t.started_at >= $2 and t.started_at < $3) as tested,
             (select count(*) from restore_test t where t.policy_id = p.id and not t.succeeded
                and t.started_at >= $2 and t.started_at < $3) as failed,
             last.started_at as last_at, last.snapshot_id as last_snapshot
      from backup_policy p
      left join lateral (select t.started_at, t.snapshot_id from restore_test t
                         where t.policy_id = p.id and t.succeeded and t.started_at < $3
                         order by t.started_at desc limit 1) last on true
      where p.tenant = $1
      """;

  private final InstantSource clock;
  private final Pool pool;

  public BackupReportService(InstantSource clock, Pool pool) {
    this.clock = clock;
    this.pool = pool;
  }

  public Uni<MonthlyBackupReport> monthly(String tenant, String month, Caller caller) {
    YearMonth ym;
    try {
      ym = YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField("month", "a calendar month such as 2026-11");
    }
    if (!caller.sees(tenant)) {
      throw ProblemException.notFound("Client", tenant);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return pool.preparedQuery(CLIENT)
        .execute(Tuple.of(tenant))
        .chain(
            rows -> {
              if (rows.size() == 0) {
                throw ProblemException.notFound("Client", tenant);
              }
              Row client = rows.iterator().next();
              ZoneId zone = zone(client.getString("time_zone"));
              Instant from = ym.atDay(1).atStartOfDay(zone).toInstant();
              Instant to = ym.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
              Instant until = now.isBefore(to) ? now : to;
              Context c =
                  new Context(tenant, client.getString("name"), ym, zone, from, to, until, now);
              if (!from.isBefore(now)) {
                throw ProblemException.invalidField("month", "has not begun yet");
              }
              return gather(c);
            });
  }

  private record Context(
      String tenant,
      String clientName,
      YearMonth month,
      ZoneId zone,
      Instant from,
      Instant to,
      Instant until,
      Instant now) {
    Tuple period() {
      return Tuple.of(tenant, utc(from), utc(until));
    }
  }

  private record Point(Instant taken, String site, boolean inMonth) {}

  private Uni<MonthlyBackupReport> gather(Context c) {
    Map<UUID, List<Point>> points = new HashMap<>();
    Map<UUID, Long> failures = new HashMap<>();
    Map<UUID, Row> tests = new HashMap<>();
    return pool.preparedQuery(POINTS)
        .execute(c.period())
        .invoke(
            rows -> {
              for (Row r : rows) {
                points
                    .computeIfAbsent(r.getUUID("policy_id"), k -> new ArrayList<>())
                    .add(
                        new Point(
                            r.getOffsetDateTime("taken").toInstant(),
                            r.getString("datacenter_code"),
                            r.getBoolean("in_month")));
              }
            })
        .chain(() -> pool.preparedQuery(FAILURES).execute(c.period()))
        .invoke(rows -> rows.forEach(r -> failures.put(r.getUUID(0), r.getLong(1))))
        .chain(() -> pool.preparedQuery(RESTORE_TESTS).execute(c.period()))
        .invoke(rows -> rows.forEach(r -> tests.put(r.getUUID("policy_id"), r)))
        .chain(() -> pool.preparedQuery(POLICIES).execute(Tuple.of(c.tenant(), utc(c.until()))))
        .map(
            rows -> {
              List<MonthlyBackupReport.PolicyMonth> policies = new ArrayList<>();
              for (Row p : rows) {
                policies.add(policy(c, p, points, failures, tests));
              }
              return report(c, policies);
            });
  }

  private static MonthlyBackupReport.PolicyMonth policy(
      Context c,
      Row p,
      Map<UUID, List<Point>> allPoints,
      Map<UUID, Long> failures,
      Map<UUID, Row> tests) {
    UUID id = p.getUUID("id");
    Duration rpo = Duration.ofSeconds(p.getLong("rpo_seconds"));
    List<Point> points = allPoints.getOrDefault(id, List.of());
    RpoCompliance.Result rpoResult =
        RpoCompliance.over(
            c.from(),
            c.until(),
            p.getOffsetDateTime("active_since").toInstant(),
            rpo,
            points.stream().map(Point::taken).toList());
    Map<String, long[]> made = new TreeMap<>();
    Map<String, Instant> newest = new TreeMap<>();
    long backups = 0;
    for (Point point : points) {
      made.computeIfAbsent(point.site(), k -> new long[1]);
      if (point.inMonth()) {
        made.get(point.site())[0]++;
        backups++;
      }
      newest.merge(point.site(), point.taken(), (a, b) -> a.isAfter(b) ? a : b);
    }
    List<MonthlyBackupReport.SiteCopies> sites = new ArrayList<>();
    made.forEach(
        (site, n) -> sites.add(new MonthlyBackupReport.SiteCopies(site, n[0], newest.get(site))));
    Row t = tests.get(id);
    OffsetDateTime last = t == null ? null : t.getOffsetDateTime("last_at");
    return new MonthlyBackupReport.PolicyMonth(
        id,
        p.getString("name"),
        BackupKind.valueOf(p.getString("kind")),
        p.getString("target_name"),
        rpo,
        backups,
        failures.getOrDefault(id, 0L),
        Math.round(rpoResult.share() * 10000) / 100.0,
        rpoResult.observed(),
        rpoResult.breaches(),
        sites,
        new MonthlyBackupReport.RestoreTests(
            t == null ? 0 : t.getLong("tested").intValue(),
            t == null ? 0 : t.getLong("failed").intValue(),
            last == null ? null : last.toInstant(),
            t == null ? null : t.getString("last_snapshot")));
  }

  private static MonthlyBackupReport report(
      Context c, List<MonthlyBackupReport.PolicyMonth> policies) {
    long made = 0;
    long failed = 0;
    int within = 0;
    for (MonthlyBackupReport.PolicyMonth p : policies) {
      made += p.backupsMade();
      failed += p.failures();
      if (p.rpoBreaches().isEmpty()) {
        within++;
      }
    }
    return new MonthlyBackupReport(
        c.tenant(),
        c.clientName(),
        c.month().toString(),
        c.zone().getId(),
        c.from(),
        c.to(),
        c.until(),
        c.now(),
        new MonthlyBackupReport.Totals(policies.size(), made, failed, within),
        policies);
  }

  private static ZoneId zone(String id) {
    if (id == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
