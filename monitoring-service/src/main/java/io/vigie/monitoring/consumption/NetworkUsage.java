package io.vigie.monitoring.consumption;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.monitoring.metrics.Series;
import io.vigie.monitoring.rules.RuleEngine;
import io.vigie.monitoring.rules.SeriesLookup;
import io.vigie.monitoring.rules.TargetIndex;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Network usage per host and interface from node_exporter's {@code
 * node_network_receive_bytes_total} and {@code node_network_transmit_bytes_total}: every minute,
 * the 5-minute slots that closed (and settled) are read from the metric head as average bit rates
 * and kept in {@code network_usage_5m}, once per slot. This reads the head like the rule engine and
 * the hourly rollups do, on a worker thread, never on the remote_write path. 5-minute points older
 * than the previous month are folded into hourly rows ({@link #compact}).
 */
@ApplicationScoped
public class NetworkUsage {

  static final Duration SLOT = Duration.ofMinutes(5);
  static final String RECEIVE = "node_network_receive_bytes_total";
  static final String TRANSMIT = "node_network_transmit_bytes_total";

  /** A host's (or guest's) interface. */
  public record InterfaceKey(UUID serverId, UUID guestId, String device) {
    UUID targetId() {
      return guestId == null ? serverId : guestId;
    }
  }

  /** Average bits per second over a period; a direction without enough samples is null. */
  public record BitRate(Double rxBps, Double txBps) {}

  private final SeriesLookup head;
  private final NetworkUsageConfig config;
  private final Pattern excluded;

  public NetworkUsage(RuleEngine engine, NetworkUsageConfig config) {
    this.head = engine.lookup();
    this.config = config;
    this.excluded = Pattern.compile("(?:" + config.excludeDevices() + ")");
  }

  @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> everyMinute() {
    Instant now = Instant.now();
    Instant lastClosed = slotStart(now.minus(config.settle())).minus(SLOT);
    // the one before as well: a minute skipped (restart, slow database) still records it
    return record(lastClosed.minus(SLOT))
        .chain(() -> record(lastClosed))
        .chain(() -> compact(now))
        .onFailure()
        .invoke(e -> Log.error("Network usage failed; retried next minute", e))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /** The start of the 5-minute slot holding {@code at}. */
  public static Instant slotStart(Instant at) {
    long millis = SLOT.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), millis) * millis);
  }

  /**
   * Average rates per monitored interface over {@code [from, to)} from the head, or nothing for an
   * interface whose samples cover less than the configured share of the period.
   */
  public Uni<Map<InterfaceKey, BitRate>> rates(Instant from, Instant to) {
    return Panache.withSession(TargetIndex::load)
        .chain(
            index ->
                VertxContextSupport.executeBlocking(
                    () -> rates(index, from.toEpochMilli(), to.toEpochMilli())));
  }

  private Map<InterfaceKey, BitRate> rates(TargetIndex index, long from, long to) {
    Map<InterfaceKey, Double> rx = bitsPerSecond(index, RECEIVE, from, to);
    Map<InterfaceKey, Double> tx = bitsPerSecond(index, TRANSMIT, from, to);
    Map<InterfaceKey, BitRate> out = new HashMap<>();
    rx.forEach((k, v) -> out.put(k, new BitRate(v, tx.get(k))));
    tx.forEach((k, v) -> out.putIfAbsent(k, new BitRate(null, v)));
    return out;
  }

  private Map<InterfaceKey, Double> bitsPerSecond(
      TargetIndex index, String metric, long from, long to) {
    Map<InterfaceKey, Double> out = new HashMap<>();
    // a baseline sample just before the start; older ones would stretch the period
    long since = from - (to - from) / 2;
    for (Series series : head.select(metric)) {
      Map<String, String> labels = series.labels();
      String device = labels.get("device");
      if (device == null || excluded.matcher(device).matches()) {
        continue;
      }
      index
          .attribute(labels)
          .ifPresent(
              target -> {
                Double bytes =
                    CounterRate.perSecond(
                        series.samplesSince(since), from, to, config.minCoverage());
                if (bytes != null) {
                  // one series per interface and target; a duplicate (two exporters) keeps one
                  out.putIfAbsent(
                      new InterfaceKey(target.serverId(), target.guestId(), device), bytes * 8);
                }
              });
    }
    return out;
  }

  /** Records the slot starting at {@code slotStart} once; answers how many interfaces it holds. */
  public Uni<Integer> record(Instant slotStart) {
    Instant start = slotStart(slotStart);
    return rates(start, start.plus(SLOT))
        .chain(
            rates ->
                rates.isEmpty()
                    ? Uni.createFrom().item(0)
                    : Panache.withTransaction(
                        () ->
                            Panache.getSession()
                                .chain(
                                    session ->
                                        Multi.createFrom()
                                            .iterable(rates.entrySet())
                                            // a direction missing: the slot is missing too
                                            .filter(
                                                e ->
                                                    e.getValue().rxBps() != null
                                                        && e.getValue().txBps() != null)
                                            .onItem()
                                            .transformToUniAndConcatenate(
                                                e ->
                                                    session
                                                        .createNativeQuery(
                                                            "insert into network_usage_5m"
                                                                + " (target_id, interface,"
                                                                + " slot_start, server_id,"
                                                                + " guest_id, rx_bps, tx_bps)"
                                                                + " values (?1, ?2, ?3, ?4, ?5,"
                                                                + " ?6, ?7) on conflict do"
                                                                + " nothing")
                                                        .setParameter(1, e.getKey().targetId())
                                                        .setParameter(2, e.getKey().device())
                                                        .setParameter(3, start)
                                                        .setParameter(4, e.getKey().serverId())
                                                        .setParameter(5, e.getKey().guestId())
                                                        .setParameter(6, e.getValue().rxBps())
                                                        .setParameter(7, e.getValue().txBps())
                                                        .executeUpdate())
                                            .collect()
                                            .asList()
                                            .map(
                                                counts ->
                                                    counts.stream()
                                                        .mapToInt(Integer::intValue)
                                                        .sum()))));
  }

  /**
   * Folds the 5-minute points older than the previous month (UTC) at {@code now} into hourly rows
   * (average and maximum per direction, how many points) and deletes them; answers how many hourly
   * rows were written.
   */
  public Uni<Integer> compact(Instant now) {
    Instant keepFrom =
        YearMonth.from(now.atZone(ZoneOffset.UTC))
            .minusMonths(1)
            .atDay(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .createNativeQuery(
                                "with folded as (delete from network_usage_5m where slot_start <"
                                    + " ?1 returning *) insert into network_usage_hour (target_id,"
                                    + " interface, hour_start, server_id, guest_id, samples,"
                                    + " rx_bps_avg, tx_bps_avg, rx_bps_max, tx_bps_max) select"
                                    + " target_id, interface, date_trunc('hour', slot_start),"
                                    + " server_id, guest_id, count(*), avg(rx_bps), avg(tx_bps),"
                                    + " max(rx_bps), max(tx_bps) from folded group by target_id,"
                                    + " interface, date_trunc('hour', slot_start), server_id,"
                                    + " guest_id on conflict (target_id, interface, hour_start)"
                                    + " do update set rx_bps_avg = (network_usage_hour.rx_bps_avg"
                                    + " * network_usage_hour.samples + excluded.rx_bps_avg *"
                                    + " excluded.samples) / (network_usage_hour.samples +"
                                    + " excluded.samples), tx_bps_avg ="
                                    + " (network_usage_hour.tx_bps_avg *"
                                    + " network_usage_hour.samples + excluded.tx_bps_avg *"
                                    + " excluded.samples) / (network_usage_hour.samples +"
                                    + " excluded.samples), rx_bps_max ="
                                    + " greatest(network_usage_hour.rx_bps_max,"
                                    + " excluded.rx_bps_max), tx_bps_max ="
                                    + " greatest(network_usage_hour.tx_bps_max,"
                                    + " excluded.tx_bps_max), samples = network_usage_hour.samples"
                                    + " + excluded.samples")
                            .setParameter(1, keepFrom)
                            .executeUpdate()));
  }

  /** The months whose 5-minute points are kept at {@code now}: this one and the previous one. */
  public static boolean fiveMinutePointsKept(YearMonth month, Instant now) {
    YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
    return !month.isBefore(current.minusMonths(1));
  }
}
