package io.vigie.monitoring.usage;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.events.monitoring.HostUsageRolledUp;
import io.vigie.kit.outbox.Outbox;
import io.vigie.monitoring.SqlTime;
import io.vigie.monitoring.rules.Expression;
import io.vigie.monitoring.rules.RuleDefinition.Aggregate;
import io.vigie.monitoring.rules.RuleDefinition.Expr;
import io.vigie.monitoring.rules.RuleDefinition.Function;
import io.vigie.monitoring.rules.RuleDefinition.Matcher;
import io.vigie.monitoring.rules.RuleDefinition.Selector;
import io.vigie.monitoring.rules.RuleEngine;
import io.vigie.monitoring.rules.SeriesLookup;
import io.vigie.monitoring.rules.TargetIndex;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hourly CPU, RAM and disk usage per physical server for capacity reports: every minute the current
 * usage is read from the metric head (node_exporter names) and added to the hour's row; once an
 * hour is over its averages are published as {@link HostUsageRolledUp} through the outbox. Rows are
 * durable, so a restart loses at most the minute in progress. A guest (VM or container) with its
 * own node_exporter gets the same hourly rows in {@code guest_usage_hour}, apart from its host's
 * (CPU as a share of its own vCPUs), for the consumption report and for the capacity of hosts that
 * have no figures of their own; they are not published.
 */
@ApplicationScoped
public class UsageRollup {

  static final double GIB = 1024.0 * 1024 * 1024;

  /** The filesystems that hold data (not memory, overlays or images); {@link FilesystemRollup}. */
  static final List<Matcher> REAL_FILESYSTEMS =
      List.of(new Matcher("fstype", "!~", "tmpfs|devtmpfs|overlay|squashfs|ramfs|nsfs|fuse.*"));

  private static final Expression CPU_IDLE =
      Expression.compile(
          new Expr(
              new Selector(
                  "node_cpu_seconds_total",
                  List.of(new Matcher("mode", "=", "idle")),
                  Function.RATE,
                  Aggregate.AVG,
                  null,
                  "2m",
                  null),
              null));
  private static final Expression MEMORY_TOTAL =
      gauge("node_memory_MemTotal_bytes", List.of(), null);
  private static final Expression MEMORY_AVAILABLE =
      gauge("node_memory_MemAvailable_bytes", List.of(), null);
  private static final Expression DISK_SIZE =
      gauge("node_filesystem_size_bytes", REAL_FILESYSTEMS, Aggregate.SUM);
  private static final Expression DISK_AVAILABLE =
      gauge("node_filesystem_avail_bytes", REAL_FILESYSTEMS, Aggregate.SUM);

  private final SeriesLookup head;
  private final Outbox outbox;

  public UsageRollup(RuleEngine engine, Outbox outbox) {
    this.head = engine.lookup();
    this.outbox = outbox;
  }

  /** One server's usage at an instant. */
  record Usage(double cpuPercent, double ramGb, double diskGb) {}

  /** Whose usage: a physical server's ({@code guestId} null) or a guest's on that server. */
  record Measured(UUID serverId, UUID guestId) {}

  private static final String HOST_HOUR =
      "insert into host_usage_hour (server_id, hour_start, samples, cpu_sum, ram_gb_sum,"
          + " disk_gb_sum) values (?1, ?2, 1, ?3, ?4, ?5) on conflict (server_id, hour_start) do"
          + " update set samples = host_usage_hour.samples + 1, cpu_sum = host_usage_hour.cpu_sum"
          + " + ?3, ram_gb_sum = host_usage_hour.ram_gb_sum + ?4, disk_gb_sum ="
          + " host_usage_hour.disk_gb_sum + ?5 where not host_usage_hour.published";

  private static final String GUEST_HOUR =
      "insert into guest_usage_hour (guest_id, hour_start, server_id, samples, cpu_sum,"
          + " ram_gb_sum, disk_gb_sum) values (?6, ?2, ?1, 1, ?3, ?4, ?5) on conflict (guest_id,"
          + " hour_start) do update set samples = guest_usage_hour.samples + 1, cpu_sum ="
          + " guest_usage_hour.cpu_sum + ?3, ram_gb_sum = guest_usage_hour.ram_gb_sum + ?4,"
          + " disk_gb_sum = guest_usage_hour.disk_gb_sum + ?5, server_id = ?1";

  @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> everyMinute() {
    Instant now = Instant.now();
    return sample(now)
        .chain(() -> publishClosedHours(now))
        .onFailure()
        .invoke(e -> Log.error("Usage rollup failed; retried next minute", e))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /**
   * Adds the usage at {@code now} of every server and guest the head has figures for to its hour.
   */
  public Uni<Integer> sample(Instant now) {
    return Panache.withSession(TargetIndex::load)
        // reading the head is CPU-bound: off the event loop
        .chain(index -> VertxContextSupport.executeBlocking(() -> usage(index, now)))
        .chain(
            usage ->
                Panache.withTransaction(
                    () ->
                        Panache.getSession()
                            .chain(
                                session ->
                                    Multi.createFrom()
                                        .iterable(usage.entrySet())
                                        .onItem()
                                        .transformToUniAndConcatenate(
                                            e -> add(session, e.getKey(), e.getValue(), now))
                                        .collect()
                                        .asList()
                                        .map(List::size))));
  }

  private static Uni<Integer> add(
      org.hibernate.reactive.mutiny.Mutiny.Session session,
      Measured who,
      Usage usage,
      Instant now) {
    var query =
        session
            .createNativeQuery(who.guestId() == null ? HOST_HOUR : GUEST_HOUR)
            .setParameter(1, who.serverId())
            .setParameter(2, now.truncatedTo(ChronoUnit.HOURS))
            .setParameter(3, usage.cpuPercent())
            .setParameter(4, usage.ramGb())
            .setParameter(5, usage.diskGb());
    if (who.guestId() != null) {
      query.setParameter(6, who.guestId());
    }
    return query.executeUpdate();
  }

  /** Publishes every hour over by {@code now} not published yet. */
  public Uni<Integer> publishClosedHours(Instant now) {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .createNativeQuery(
                                "select server_id, hour_start, cpu_sum / samples, ram_gb_sum /"
                                    + " samples, disk_gb_sum / samples from host_usage_hour where"
                                    + " not published and hour_start < ?1 order by hour_start"
                                    + " for update skip locked",
                                Object[].class)
                            .setParameter(1, now.truncatedTo(ChronoUnit.HOURS))
                            .getResultList()
                            .chain(
                                rows ->
                                    Multi.createFrom()
                                        .iterable(rows)
                                        .onItem()
                                        .transformToUniAndConcatenate(
                                            r -> {
                                              UUID server = (UUID) r[0];
                                              Instant hour = SqlTime.instant(r[1]);
                                              return outbox
                                                  .record(
                                                      new HostUsageRolledUp(
                                                          server,
                                                          hour,
                                                          round(((Number) r[2]).doubleValue()),
                                                          round(((Number) r[3]).doubleValue()),
                                                          round(((Number) r[4]).doubleValue())),
                                                      "monitoring-service")
                                                  .chain(
                                                      () ->
                                                          session
                                                              .createNativeQuery(
                                                                  "update host_usage_hour set"
                                                                      + " published = true where"
                                                                      + " server_id = ?1 and"
                                                                      + " hour_start = ?2")
                                                              .setParameter(1, server)
                                                              .setParameter(2, hour)
                                                              .executeUpdate());
                                            })
                                        .collect()
                                        .asList()
                                        .map(List::size))));
  }

  private Map<Measured, Usage> usage(TargetIndex index, Instant now) {
    long at = now.toEpochMilli();
    Map<Measured, Double> idle = byTarget(index, CPU_IDLE.evaluate(head, at));
    Map<Measured, Double> memTotal = byTarget(index, MEMORY_TOTAL.evaluate(head, at));
    Map<Measured, Double> memAvailable = byTarget(index, MEMORY_AVAILABLE.evaluate(head, at));
    Map<Measured, Double> diskSize = byTarget(index, DISK_SIZE.evaluate(head, at));
    Map<Measured, Double> diskAvailable = byTarget(index, DISK_AVAILABLE.evaluate(head, at));
    Map<Measured, Usage> usage = new HashMap<>();
    for (Measured server : idle.keySet()) {
      if (!memTotal.containsKey(server)
          || !memAvailable.containsKey(server)
          || !diskSize.containsKey(server)
          || !diskAvailable.containsKey(server)) {
        continue; // a partial picture would skew the hour's averages
      }
      usage.put(
          server,
          new Usage(
              Math.max(0, Math.min(100, (1 - idle.get(server)) * 100)),
              (memTotal.get(server) - memAvailable.get(server)) / GIB,
              (diskSize.get(server) - diskAvailable.get(server)) / GIB));
    }
    return usage;
  }

  /** Values per physical server and per guest (a guest's series are its own, not the host's). */
  private static Map<Measured, Double> byTarget(
      TargetIndex index, Map<Map<String, String>, Double> values) {
    Map<Measured, Double> out = new HashMap<>();
    values.forEach(
        (labels, value) ->
            index
                .attribute(labels)
                .ifPresent(
                    t -> out.merge(new Measured(t.serverId(), t.guestId()), value, (a, b) -> a)));
    return out;
  }

  private static Expression gauge(String metric, List<Matcher> matchers, Aggregate aggregate) {
    return Expression.compile(
        new Expr(
            new Selector(metric, matchers, Function.VALUE, aggregate, null, null, null), null));
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
