package io.vigie.monitoring.usage;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.monitoring.rules.Expression;
import io.vigie.monitoring.rules.RuleDefinition.Expr;
import io.vigie.monitoring.rules.RuleDefinition.Function;
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
 * Hourly use per filesystem, for growth forecasts "for each filesystem" (issue 17): every five
 * minutes the size and free space of each real filesystem (node_exporter's {@code
 * node_filesystem_size_bytes} and {@code node_filesystem_avail_bytes}, per mountpoint) are read
 * from the metric head and added to the hour's row of {@code filesystem_usage_hour}: used bytes
 * summed, the last size kept. A scheduled job like {@link UsageRollup}, off the ingest path; a
 * restart loses at most the five minutes in progress. A guest's own exporter is the guest's
 * filesystems, apart from its host's.
 */
@ApplicationScoped
public class FilesystemRollup {

  private static final Expression SIZE = gauge("node_filesystem_size_bytes");
  private static final Expression AVAILABLE = gauge("node_filesystem_avail_bytes");

  private static final String HOUR =
      "insert into filesystem_usage_hour (target_id, mountpoint, hour_start, server_id, guest_id,"
          + " device, fstype, samples, used_bytes_sum, size_bytes) values (?1, ?2, ?3, ?4, ?5, ?6,"
          + " ?7, 1, ?8, ?9) on conflict (target_id, mountpoint, hour_start) do update set samples"
          + " = filesystem_usage_hour.samples + 1, used_bytes_sum ="
          + " filesystem_usage_hour.used_bytes_sum + ?8, size_bytes = ?9, device = ?6, fstype ="
          + " ?7, server_id = ?4";

  private final SeriesLookup head;

  public FilesystemRollup(RuleEngine engine) {
    this.head = engine.lookup();
  }

  /** One filesystem's reading. */
  record Filesystem(
      UUID serverId,
      UUID guestId,
      String mountpoint,
      String device,
      String fstype,
      double sizeBytes,
      double usedBytes) {

    UUID targetId() {
      return guestId == null ? serverId : guestId;
    }
  }

  @Scheduled(every = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> everyFiveMinutes() {
    return sample(Instant.now())
        .onFailure()
        .invoke(e -> Log.error("Filesystem rollup failed; retried in five minutes", e))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /** Adds every filesystem the head has figures for at {@code now} to its hour; how many. */
  public Uni<Integer> sample(Instant now) {
    return Panache.withSession(TargetIndex::load)
        // reading the head is CPU-bound: off the event loop
        .chain(index -> VertxContextSupport.executeBlocking(() -> read(index, now)))
        .chain(
            filesystems ->
                filesystems.isEmpty()
                    ? Uni.createFrom().item(0)
                    : Panache.withTransaction(
                        () ->
                            Panache.getSession()
                                .chain(
                                    session ->
                                        Multi.createFrom()
                                            .iterable(filesystems)
                                            .onItem()
                                            .transformToUniAndConcatenate(
                                                f ->
                                                    session
                                                        .createNativeQuery(HOUR)
                                                        .setParameter(1, f.targetId())
                                                        .setParameter(2, f.mountpoint())
                                                        .setParameter(
                                                            3, now.truncatedTo(ChronoUnit.HOURS))
                                                        .setParameter(4, f.serverId())
                                                        .setParameter(5, f.guestId())
                                                        .setParameter(6, f.device())
                                                        .setParameter(7, f.fstype())
                                                        .setParameter(8, f.usedBytes())
                                                        .setParameter(9, f.sizeBytes())
                                                        .executeUpdate())
                                            .collect()
                                            .asList()
                                            .map(List::size))));
  }

  private List<Filesystem> read(TargetIndex index, Instant now) {
    long at = now.toEpochMilli();
    Map<Map<String, String>, Double> sizes = SIZE.evaluate(head, at);
    Map<Map<String, String>, Double> available = AVAILABLE.evaluate(head, at);
    // the same filesystem's two series share every label but the name
    Map<Map<String, String>, Double> availableByLabels = new HashMap<>();
    available.forEach((labels, value) -> availableByLabels.put(withoutName(labels), value));
    Map<String, Filesystem> out = new HashMap<>();
    sizes.forEach(
        (labels, size) -> {
          Double avail = availableByLabels.get(withoutName(labels));
          String mountpoint = labels.get("mountpoint");
          if (avail == null || mountpoint == null || size <= 0) {
            return;
          }
          index
              .attribute(labels)
              .ifPresent(
                  t -> {
                    Filesystem f =
                        new Filesystem(
                            t.serverId(),
                            t.guestId(),
                            mountpoint,
                            labels.getOrDefault("device", ""),
                            labels.getOrDefault("fstype", ""),
                            size,
                            Math.max(0, size - avail));
                    out.putIfAbsent(f.targetId() + " " + mountpoint, f);
                  });
        });
    return List.copyOf(out.values());
  }

  private static Map<String, String> withoutName(Map<String, String> labels) {
    Map<String, String> out = new HashMap<>(labels);
    out.remove("__name__");
    return out;
  }

  private static Expression gauge(String metric) {
    return Expression.compile(
        new Expr(
            new Selector(
                metric, UsageRollup.REAL_FILESYSTEMS, Function.VALUE, null, null, null, null),
            null));
  }
}
