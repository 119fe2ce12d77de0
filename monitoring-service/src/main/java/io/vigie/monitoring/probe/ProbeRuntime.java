package io.vigie.monitoring.probe;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts this replica's {@link ProbeScheduler} with the service (unless {@code
 * vigie.monitoring.probes.enabled=false}), stops it on shutdown, and wakes it when a check changes
 * through the API.
 */
@ApplicationScoped
public class ProbeRuntime {

  private static final Logger LOG = Logger.getLogger(ProbeRuntime.class);

  private final Vertx vertx;
  private final Pool pool;
  private final ProbeConfig config;
  private final ProbeRunner runner;
  private final ProbeResultRecorder recorder;
  private final ProbeMeters meters;
  private volatile ProbeScheduler scheduler;
  private volatile String deployment;

  public ProbeRuntime(
      Vertx vertx,
      Pool pool,
      ProbeConfig config,
      ProbeRunner runner,
      ProbeResultRecorder recorder,
      ProbeMeters meters) {
    this.vertx = vertx;
    this.pool = pool;
    this.config = config;
    this.runner = runner;
    this.recorder = recorder;
    this.meters = meters;
  }

  void start(@Observes StartupEvent event) {
    if (!config.enabled()) {
      LOG.info(
          "Active checks: the scheduler is off on this replica (vigie.monitoring.probes.enabled)");
      return;
    }
    String replicaId = config.replicaId().orElseGet(ProbeRuntime::randomReplicaId);
    ProbeScheduler created = newScheduler(replicaId);
    scheduler = created;
    created
        .deployOn(vertx)
        .onSuccess(id -> deployment = id)
        .onFailure(e -> LOG.errorf(e, "Active checks: the scheduler did not start"));
  }

  void stop(@Observes ShutdownEvent event) {
    String id = deployment;
    if (id != null) {
      try {
        vertx.undeploy(id).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warnf("Active checks: the scheduler did not stop cleanly: %s", e.toString());
      }
    }
  }

  void changed(@Observes ActiveCheckService.Changed change) {
    ProbeScheduler current = scheduler;
    if (current != null) {
      current.reloadSoon();
    }
  }

  /** This replica's scheduler, if it runs one. */
  public Optional<ProbeScheduler> scheduler() {
    return Optional.ofNullable(scheduler);
  }

  /**
   * A scheduler for another replica id sharing this service's database and runner: how tests and
   * benchmarks stand up several replicas in one JVM. Deploy it with {@link
   * ProbeScheduler#deployOn}.
   */
  public ProbeScheduler newScheduler(String replicaId) {
    return new ProbeScheduler(
        replicaId,
        config,
        new ReplicaMembership(pool, replicaId, config.replicaTtl()),
        new CheckDefinitions(pool),
        runner,
        recorder,
        meters);
  }

  private static String randomReplicaId() {
    String host = System.getenv().getOrDefault("HOSTNAME", "replica");
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
