package io.vigie.monitoring.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.monitoring.alerting.Signal;
import io.vigie.monitoring.metrics.Series;
import io.vigie.monitoring.probe.ProbeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The partitions of the samples topic this replica owns, and the fence on alert transitions: a
 * metric rule's observation commits only if its target's partition is live here and still claimed
 * by this replica under the epoch it claimed ({@code sample_shard}, read under a share lock in the
 * observation's transaction, so a new owner's claim waits for it and a stale owner — paused, or cut
 * off from the group — can neither fire nor resolve after the partition moved). With the unique
 * open-alert index, two owners never fire the same alert twice.
 */
@ApplicationScoped
public class ShardOwnership implements SampleShards {

  private static final Logger LOG = Logger.getLogger(ShardOwnership.class);

  private static final String CLAIM =
      """
      insert into sample_shard (shard, owner, epoch, claimed_at) values ($1, $2, 1, now())
      on conflict (shard) do update
         set owner = excluded.owner, epoch = sample_shard.epoch + 1, claimed_at = now()
      returning epoch""";

  /** A claimed partition: its epoch, and whether its replay is done. */
  record Claim(long epoch, boolean live) {}

  private final Pool pool;
  private final String topic;
  private final String owner;
  private final SampleArrivals arrivals;
  private final Counter fenced;
  private final Map<Integer, Claim> claims = new ConcurrentHashMap<>();
  private volatile int partitionCount;

  public ShardOwnership(
      Pool pool,
      IngestConfig config,
      ProbeConfig probes,
      SampleArrivals arrivals,
      MeterRegistry registry) {
    this.pool = pool;
    this.topic = config.topic();
    this.owner =
        config
            .replicaId()
            .or(probes::replicaId)
            .orElseGet(
                () ->
                    System.getenv().getOrDefault("HOSTNAME", "monitoring")
                        + "-"
                        + UUID.randomUUID().toString().substring(0, 8));
    this.arrivals = arrivals;
    this.fenced =
        Counter.builder("vigie.monitoring.ingest.fenced")
            .description("Rule observations dropped: their partition is not (or no longer) ours")
            .register(registry);
    registry.gauge("vigie.monitoring.ingest.partitions.owned", claims, Map::size);
  }

  /** This replica's name in the claims. */
  public String owner() {
    return owner;
  }

  @Override
  public void claimed(Collection<Integer> partitions, int count) {
    partitionCount = count;
    for (int partition : partitions) {
      long epoch =
          pool.preparedQuery(CLAIM)
              .execute(Tuple.of(SampleShard.id(topic, partition), owner))
              .await()
              .atMost(Duration.ofSeconds(30))
              .iterator()
              .next()
              .getLong(0);
      claims.put(partition, new Claim(epoch, false));
      LOG.infof("Samples partition %d claimed by %s at epoch %d", partition, owner, epoch);
    }
  }

  @Override
  public void released(Collection<Integer> partitions) {
    partitions.forEach(claims::remove);
  }

  @Override
  public void live(int partition) {
    claims.computeIfPresent(partition, (p, claim) -> new Claim(claim.epoch(), true));
  }

  @Override
  public void arrived(int partition, List<Series> series) {
    if (isLive(partition)) {
      arrivals.arrived(partition, series);
    }
  }

  /** Whether the partition is claimed here and replayed. */
  public boolean isLive(int partition) {
    Claim claim = claims.get(partition);
    return claim != null && claim.live();
  }

  /** The partition of the target these labels name, or -1 (none named, or no topic yet). */
  public int partitionOf(Map<String, String> labels) {
    String key = SampleRouting.targetKey(labels);
    int count = partitionCount;
    return key == null || count == 0 ? -1 : SampleRouting.partition(key, count);
  }

  /**
   * The signals this replica may apply, in order: those whose partition is live here and still
   * claimed by it under its epoch. Must run in the transaction that applies them.
   */
  public Uni<List<Signal>> admit(List<Signal> signals) {
    if (signals.isEmpty()) {
      return Uni.createFrom().item(signals);
    }
    Map<Signal, Integer> partitionBySignal = new HashMap<>();
    Map<String, Integer> partitionByShard = new HashMap<>();
    for (Signal signal : signals) {
      int partition = partitionOf(signal.labels());
      if (isLive(partition)) {
        partitionBySignal.put(signal, partition);
        partitionByShard.put(SampleShard.id(topic, partition), partition);
      }
    }
    if (partitionByShard.isEmpty()) {
      fenced.increment(signals.size());
      return Uni.createFrom().item(List.of());
    }
    return SampleShard.<SampleShard>find("shard in ?1", List.copyOf(partitionByShard.keySet()))
        .withLock(LockModeType.PESSIMISTIC_READ)
        .list()
        .map(
            rows -> {
              java.util.Set<Integer> held = new java.util.HashSet<>();
              for (SampleShard row : rows) {
                int partition = partitionByShard.get(row.shard);
                Claim claim = claims.get(partition);
                if (claim != null && owner.equals(row.owner) && row.epoch == claim.epoch()) {
                  held.add(partition);
                }
              }
              List<Signal> admitted = new ArrayList<>();
              for (Signal signal : signals) {
                Integer partition = partitionBySignal.get(signal);
                if (partition != null && held.contains(partition)) {
                  admitted.add(signal);
                }
              }
              fenced.increment(signals.size() - admitted.size());
              return admitted;
            });
  }
}
