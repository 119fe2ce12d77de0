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
 * Database sizes per hour (issue 17): every five minutes the Prometheus postgres exporter's {@code
 * pg_database_size_bytes{datname="..."}} series the head holds are read and added to the hour's row
 * of {@code database_size_hour} (the sum for the average, and the last reading), per exporter's
 * server or guest and database. A scheduled job like {@link UsageRollup}, off the ingest path. The
 * consumption report maps a database to the client's DATABASE hosted service by its name ({@code
 * io.vigie.monitoring.consumption.DatabaseSizes}).
 */
@ApplicationScoped
public class DatabaseSizeRollup {

  /** The postgres exporter's metric, one series per database of the server it watches. */
  public static final String METRIC = "pg_database_size_bytes";

  private static final Expression SIZE =
      Expression.compile(
          new Expr(new Selector(METRIC, List.of(), Function.VALUE, null, null, null, null), null));

  private static final String HOUR =
      "insert into database_size_hour (target_id, datname, hour_start, server_id, guest_id,"
          + " samples, size_bytes_sum, last_size_bytes, last_at) values (?1, ?2, ?3, ?4, ?5, 1,"
          + " ?6, ?6, ?7) on conflict (target_id, datname, hour_start) do update set samples ="
          + " database_size_hour.samples + 1, size_bytes_sum = database_size_hour.size_bytes_sum +"
          + " ?6, last_size_bytes = ?6, last_at = ?7, server_id = ?4";

  private final SeriesLookup head;

  public DatabaseSizeRollup(RuleEngine engine) {
    this.head = engine.lookup();
  }

  /** One database's size as its exporter reported it. */
  record DatabaseSize(UUID serverId, UUID guestId, String datname, double bytes) {

    UUID targetId() {
      return guestId == null ? serverId : guestId;
    }
  }

  @Scheduled(every = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> everyFiveMinutes() {
    return sample(Instant.now())
        .onFailure()
        .invoke(e -> Log.error("Database size rollup failed; retried in five minutes", e))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /** Adds every database size the head has at {@code now} to its hour; how many. */
  public Uni<Integer> sample(Instant now) {
    return Panache.withSession(TargetIndex::load)
        // reading the head is CPU-bound: off the event loop
        .chain(index -> VertxContextSupport.executeBlocking(() -> read(index, now)))
        .chain(
            sizes ->
                sizes.isEmpty()
                    ? Uni.createFrom().item(0)
                    : Panache.withTransaction(
                        () ->
                            Panache.getSession()
                                .chain(
                                    session ->
                                        Multi.createFrom()
                                            .iterable(sizes)
                                            .onItem()
                                            .transformToUniAndConcatenate(
                                                d ->
                                                    session
                                                        .createNativeQuery(HOUR)
                                                        .setParameter(1, d.targetId())
                                                        .setParameter(2, d.datname())
                                                        .setParameter(
                                                            3, now.truncatedTo(ChronoUnit.HOURS))
                                                        .setParameter(4, d.serverId())
                                                        .setParameter(5, d.guestId())
                                                        .setParameter(6, d.bytes())
                                                        .setParameter(7, now)
                                                        .executeUpdate())
                                            .collect()
                                            .asList()
                                            .map(List::size))));
  }

  private List<DatabaseSize> read(TargetIndex index, Instant now) {
    Map<String, DatabaseSize> out = new HashMap<>();
    SIZE.evaluate(head, now.toEpochMilli())
        .forEach(
            (labels, bytes) -> {
              String datname = labels.get("datname");
              if (datname == null || datname.isEmpty() || bytes.isNaN() || bytes < 0) {
                return;
              }
              index
                  .attribute(labels)
                  .ifPresent(
                      t -> {
                        DatabaseSize d =
                            new DatabaseSize(t.serverId(), t.guestId(), datname, bytes);
                        out.putIfAbsent(d.targetId() + " " + datname, d);
                      });
            });
    return List.copyOf(out.values());
  }
}
