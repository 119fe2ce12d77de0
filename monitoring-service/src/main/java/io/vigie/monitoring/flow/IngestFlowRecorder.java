package io.vigie.monitoring.flow;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vigie.monitoring.ingest.ShardOwnership;
import io.vigie.monitoring.probe.ProbeRuntime;
import io.vigie.monitoring.probe.ProbeScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/**
 * Makes this replica's remote_write counts durable: every minute on the minute (and once more on
 * shutdown) its {@link IngestTally} is drained into its own rows of {@code ingest_flow_hour}, under
 * the replica id the active checks' membership uses (the ingest claims' when the checks are off
 * here). A crash loses at most the counts of the minute in progress. Started with the service, so
 * the first minute's counts are booked from then.
 */
@Startup
@ApplicationScoped
public class IngestFlowRecorder {

  private static final Logger LOG = Logger.getLogger(IngestFlowRecorder.class);

  private final Pool pool;
  private final FlowConfig config;
  private final InstantSource clock;
  private final IngestFlowWriter writer;
  private final ProbeRuntime probes;
  private final ShardOwnership shards;
  private volatile String replicaId;

  public IngestFlowRecorder(
      IngestTally tally,
      Pool pool,
      FlowConfig config,
      InstantSource clock,
      ProbeRuntime probes,
      ShardOwnership shards) {
    this.pool = pool;
    this.config = config;
    this.clock = clock;
    this.probes = probes;
    this.shards = shards;
    this.writer =
        new IngestFlowWriter(this::replicaId, tally, pool, config.retention(), clock.instant());
  }

  /** This replica's id in the rows: the membership's, fixed at the first flush. */
  public String replicaId() {
    String id = replicaId;
    if (id == null) {
      id = probes.scheduler().map(ProbeScheduler::replicaId).orElseGet(shards::owner);
      replicaId = id;
    }
    return id;
  }

  @Scheduled(
      cron = "${vigie.monitoring.flow.flush-cron:0 * * * * ?}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> everyMinute() {
    return flush(clock.instant())
        .onFailure()
        .invoke(
            e -> LOG.warnf("Ingest flow: not written, kept for the next flush: %s", e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  void onStop(@Observes ShutdownEvent event) {
    try {
      flush(clock.instant()).await().atMost(Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      LOG.warnf("Ingest flow: the last counts were not written on shutdown: %s", e.toString());
    }
  }

  /** Drains this replica's tally into its row of the hour; see {@link IngestFlowWriter#flush}. */
  public Uni<IngestCounts> flush(Instant now) {
    return writer.flush(now);
  }

  /**
   * A writer for another replica's tally on this service's database: how tests stand up several
   * replicas in one JVM.
   */
  public IngestFlowWriter writerFor(String replicaId, IngestTally tally, Instant since) {
    return new IngestFlowWriter(() -> replicaId, tally, pool, config.retention(), since);
  }
}
