package io.vigie.monitoring.probe;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The replicas sharing the active checks, through the {@code probe_replica} table: each says it is
 * alive every few seconds and reads who else is. The database's clock decides who is live, so
 * replicas' clocks need not agree.
 */
final class ReplicaMembership {

  private final Pool pool;
  private final String replicaId;
  private final Duration ttl;

  ReplicaMembership(Pool pool, String replicaId, Duration ttl) {
    this.pool = pool;
    this.replicaId = replicaId;
    this.ttl = ttl;
  }

  /** Says this replica is alive, then answers the live replicas (this one included), sorted. */
  Uni<List<String>> heartbeat() {
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery(
                    "insert into probe_replica (replica_id, started_at, heartbeat_at)"
                        + " values ($1, now(), now())"
                        + " on conflict (replica_id) do update set heartbeat_at = now()")
                .execute(Tuple.of(replicaId))
                .chain(
                    () ->
                        connection
                            // long-gone replicas are forgotten after a day
                            .preparedQuery(
                                "delete from probe_replica where heartbeat_at < now() - interval '1 day'")
                            .execute())
                .chain(
                    () ->
                        connection
                            .preparedQuery(
                                "select replica_id from probe_replica"
                                    + " where heartbeat_at > now() - make_interval(secs => $1)"
                                    + " order by replica_id")
                            .execute(Tuple.of(ttl.toMillis() / 1000.0)))
                .map(
                    rows -> {
                      List<String> live = new ArrayList<>();
                      for (Row row : rows) {
                        live.add(row.getString(0));
                      }
                      return live;
                    }));
  }

  /** Leaves at once, so the others take this replica's checks at their next heartbeat. */
  Uni<Void> leave() {
    return pool.preparedQuery("delete from probe_replica where replica_id = $1")
        .execute(Tuple.of(replicaId))
        .replaceWithVoid();
  }
}
