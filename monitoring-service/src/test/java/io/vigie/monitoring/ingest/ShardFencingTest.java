package io.vigie.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.alerting.Alert;
import io.vigie.monitoring.alerting.Alerting;
import io.vigie.monitoring.alerting.Signal;
import io.vigie.monitoring.metrics.RemoteWriteClient;
import io.vigie.monitoring.metrics.SeriesLabels;
import io.vigie.monitoring.metrics.WriteRequest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ownership fencing by partition epoch, in the application: a metric rule's observation of a target
 * commits only while this replica holds the claim it made on the target's partition; once another
 * replica claimed the partition (a new epoch), this one can neither open, fire nor resolve an alert
 * there, even before its consumer hears of the rebalance.
 */
@QuarkusTest
class ShardFencingTest {

  @Inject ShardOwnership ownership;
  @Inject Alerting alerting;
  @Inject Pool pool;
  @Inject IngestConfig config;

  @Test
  void anObservationCommitsOnlyUnderThisReplicasClaimOnItsPartition() throws Throwable {
    UUID server =
        InventoryFeed.serverHosting("fence-" + UUID.randomUUID().toString().substring(0, 8));
    // a sample of the server: once it is in the head, its partition is claimed and live here
    RemoteWriteClient.send(
            new WriteRequest(
                List.of(
                    WriteRequest.TimeSeries.of(
                        SeriesLabels.of(
                            "__name__",
                            "node_load1",
                            "server_id",
                            server.toString(),
                            "instance",
                            "10.9.8.7:9100"),
                        System.currentTimeMillis(),
                        0.5))))
        .then()
        .statusCode(204);
    Signal breach = breach(server);
    int partition = ownership.partitionOf(breach.labels());
    assertThat(ownership.isLive(partition)).isTrue();
    assertThat(admit(breach)).containsExactly(breach);

    String shard = config.topic() + "/" + partition;
    Row claim =
        pool.preparedQuery("select owner, epoch from sample_shard where shard = $1")
            .execute(Tuple.of(shard))
            .await()
            .atMost(Duration.ofSeconds(10))
            .iterator()
            .next();
    assertThat(claim.getString("owner")).isEqualTo(ownership.owner());
    // another replica claims the partition, as the group gives it away while this one is paused
    update(
        "update sample_shard set owner = 'monitoring-dc5', epoch = epoch + 1 where shard = $1",
        Tuple.of(shard));
    try {
      assertThat(admit(breach)).isEmpty();
      VertxContextSupport.subscribeAndAwait(
          () ->
              Panache.withTransaction(
                  () -> ownership.admit(List.of(breach)).chain(alerting::observeAll)));
      assertThat(alerts(breach.fingerprint())).isZero();
    } finally {
      update(
          "update sample_shard set owner = $2, epoch = $3 where shard = $1",
          Tuple.of(shard, claim.getString("owner"), claim.getLong("epoch")));
    }

    VertxContextSupport.subscribeAndAwait(
        () ->
            Panache.withTransaction(
                () -> ownership.admit(List.of(breach)).chain(alerting::observeAll)));
    assertThat(alerts(breach.fingerprint())).isOne();
  }

  @Test
  void anObservationOfATargetNamingNoPartitionIsNotApplied() throws Throwable {
    UUID server =
        InventoryFeed.serverHosting("fence-" + UUID.randomUUID().toString().substring(0, 8));
    Signal unnamed =
        new Signal(
            UUID.randomUUID().toString(),
            server,
            null,
            null,
            "web",
            "rule:fence-test",
            "critical",
            "no target label",
            Map.of("job", "node", "rule", "fence-test"),
            Map.of(),
            false,
            true,
            Instant.now(),
            Duration.ZERO,
            Duration.ZERO,
            null);
    assertThat(admit(unnamed)).isEmpty();
  }

  private static Signal breach(UUID server) {
    return new Signal(
        UUID.randomUUID().toString(),
        server,
        null,
        null,
        "web",
        "rule:fence-test",
        "critical",
        "load high",
        Map.of("server_id", server.toString(), "instance", "10.9.8.7:9100", "rule", "fence-test"),
        Map.of(),
        false,
        true,
        Instant.now(),
        Duration.ZERO,
        Duration.ZERO,
        null);
  }

  private List<Signal> admit(Signal signal) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(
        () -> Panache.withTransaction(() -> ownership.admit(List.of(signal))));
  }

  private void update(String sql, Tuple values) {
    pool.preparedQuery(sql).execute(values).await().atMost(Duration.ofSeconds(10));
  }

  private static long alerts(String fingerprint) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(
        () -> Panache.withSession(() -> Alert.count("fingerprint", fingerprint)));
  }
}
