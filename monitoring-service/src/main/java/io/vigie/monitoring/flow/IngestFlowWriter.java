package io.vigie.monitoring.flow;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.monitoring.SqlTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Moves one replica's {@link IngestTally} into its rows of {@code ingest_flow_hour}: drain, then
 * add to the row of the hour (never overwrite), so several replicas and several flushes add up and
 * a count is written once. The counts drained at a flush are booked to the hour the drained
 * interval began in (the previous flush): flushed on the minute, an hour's last minute stays in
 * that hour. If the write fails the counts go back to the tally for the next flush. Rows older than
 * the retention are deleted on the way (the primary key's order makes it cheap).
 */
public final class IngestFlowWriter {

  static final String ADD =
      "insert into ingest_flow_hour (hour_start, replica_id, samples_accepted, samples_rejected,"
          + " requests) values ($1, $2, $3, $4, $5) on conflict (hour_start, replica_id) do update"
          + " set samples_accepted = ingest_flow_hour.samples_accepted + excluded.samples_accepted,"
          + " samples_rejected = ingest_flow_hour.samples_rejected + excluded.samples_rejected,"
          + " requests = ingest_flow_hour.requests + excluded.requests";

  static final String FORGET = "delete from ingest_flow_hour where hour_start < $1";

  private final Supplier<String> replicaId;
  private final IngestTally tally;
  private final Pool pool;
  private final Duration retention;
  private Instant since;

  /**
   * @param replicaId this replica's id, read at the first flush (the membership's id is known once
   *     the service started)
   * @param since when the tally started counting
   */
  public IngestFlowWriter(
      Supplier<String> replicaId, IngestTally tally, Pool pool, Duration retention, Instant since) {
    this.replicaId = replicaId;
    this.tally = tally;
    this.pool = pool;
    this.retention = retention;
    this.since = since;
  }

  /** The hour a flush at any instant books what it drained to, and the row's key. */
  static Instant hourOf(Instant instant) {
    return instant.truncatedTo(ChronoUnit.HOURS);
  }

  /**
   * Drains the tally into the row of the hour the interval ending {@code now} began in and forgets
   * the rows older than the retention; answers what was written (none: no row is touched). Fails
   * with the write's error, the counts back in the tally.
   */
  public Uni<IngestCounts> flush(Instant now) {
    return Uni.createFrom()
        .deferred(
            () -> {
              String replica = replicaId.get(); // before the drain: nothing drained is dropped
              Instant hour;
              IngestCounts drained;
              synchronized (this) {
                hour = hourOf(since);
                since = now;
                drained = tally.drain();
              }
              Uni<IngestCounts> written =
                  drained.isNone()
                      ? Uni.createFrom().item(drained)
                      : pool.preparedQuery(ADD)
                          .execute(
                              Tuple.of(
                                  SqlTime.parameter(hour),
                                  replica,
                                  drained.samplesAccepted(),
                                  drained.samplesRejected(),
                                  drained.requests()))
                          .replaceWith(drained)
                          .onFailure()
                          .invoke(() -> tally.restore(drained));
              return written.call(
                  () ->
                      pool.preparedQuery(FORGET)
                          .execute(Tuple.of(SqlTime.parameter(hourOf(now).minus(retention)))));
            });
  }
}
