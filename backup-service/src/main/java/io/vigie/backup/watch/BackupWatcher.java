package io.vigie.backup.watch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vigie.backup.BackupConfig;
import io.vigie.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Watches every policy's promise on a schedule: a copy whose run did not start within its due time
 * plus grace publishes {@code BackupOverdue} once per missed due time; a started run past its
 * longest duration becomes {@code RUNNING_TOO_LONG} and publishes {@code BackupFailed}; the RPO
 * over every repository and each datacenter's copy publish {@code RpoBreached} when they break and
 * {@code RpoRestored} when they hold again. State and events commit together.
 *
 * <p>A pass walks the policies in bounded batches ({@code vigie.backup.watch.batch-size}, 500), in
 * the order of their ids, one short transaction per batch: a fixed number of reads for the batch
 * ({@link WatchBatch}), the judgement in memory ({@link Judgement}, plain Java), and a fixed number
 * of writes whatever the number of events ({@link WatchWrites}: the watch state in one statement
 * per table, the outbox rows in one insert). The event loop a pass runs on is never held longer
 * than one batch's judgement, so HTTP requests on that loop wait milliseconds, not the whole pass;
 * a batch that fails (another pass changed the same state) rolls back alone and ends the pass, the
 * next pass takes it again.
 */
@ApplicationScoped
public class BackupWatcher {

  static final String ACTOR = "backup-watcher";
  private static final Logger LOG = Logger.getLogger(BackupWatcher.class);

  private final InstantSource clock;
  private final Outbox outbox;
  private final int batchSize;

  public BackupWatcher(InstantSource clock, Outbox outbox, BackupConfig config) {
    this.clock = clock;
    this.outbox = outbox;
    this.batchSize = config.watch().batchSize();
    if (batchSize < 1) {
      throw new IllegalArgumentException("vigie.backup.watch.batch-size must be at least 1");
    }
  }

  @Scheduled(
      every = "${vigie.backup.watch.interval}",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return sweep(clock.instant().truncatedTo(ChronoUnit.MICROS)).replaceWithVoid();
  }

  /** One pass over every policy as of {@code now}; returns how many events it published. */
  public Uni<Integer> sweep(Instant now) {
    return pass(now, Scope.every()).map(Pass::events);
  }

  /** The same pass over one policy. */
  public Uni<Integer> sweep(Instant now, UUID policyId) {
    return pass(now, Scope.policy(policyId)).map(Pass::events);
  }

  /** The same pass over one client's policies, with what it did. */
  public Uni<Pass> sweepTenant(Instant now, String tenant) {
    return pass(now, Scope.tenant(tenant));
  }

  /**
   * What one pass did: policies judged, events published, batches (one transaction each), the
   * longest batch from its first read to its commit, and the longest judgement (the in-memory part
   * that holds the event loop).
   */
  public record Pass(
      int policies, int events, int batches, long longestBatchMillis, long longestJudgingMillis) {

    static final Pass NONE = new Pass(0, 0, 0, 0, 0);

    Pass plus(WatchBatch.Result batch, long batchMillis) {
      return new Pass(
          policies + batch.policies(),
          events + batch.events(),
          batches + 1,
          Math.max(longestBatchMillis, batchMillis),
          Math.max(longestJudgingMillis, batch.judgingMillis()));
    }
  }

  /** Which policies a pass covers. */
  record Scope(UUID policy, String tenant) {
    static Scope every() {
      return new Scope(null, null);
    }

    static Scope policy(UUID id) {
      return new Scope(id, null);
    }

    static Scope tenant(String tenant) {
      return new Scope(null, tenant);
    }
  }

  private Uni<Pass> pass(Instant now, Scope scope) {
    long t0 = System.nanoTime();
    return batches(now, scope, null, Pass.NONE)
        .invoke(
            pass ->
                LOG.debugf(
                    "swept at %s in %d ms, %d events, %d policies in %d batches (longest batch %d"
                        + " ms, longest judgement %d ms)",
                    now,
                    (System.nanoTime() - t0) / 1_000_000,
                    pass.events(),
                    pass.policies(),
                    pass.batches(),
                    pass.longestBatchMillis(),
                    pass.longestJudgingMillis()))
        .onFailure()
        .invoke(e -> LOG.warnf(e, "watch pass at %s stopped; the next pass takes it again", now));
  }

  /** The batch after {@code after} (in id order), then the next ones, one after the other. */
  private Uni<Pass> batches(Instant now, Scope scope, UUID after, Pass sofar) {
    long t0 = System.nanoTime();
    return Panache.withTransaction(
            () -> Panache.getSession().chain(session -> batch(session, now, scope, after)))
        .chain(
            result -> {
              if (result.policies() == 0) {
                return Uni.createFrom().item(sofar);
              }
              Pass next = sofar.plus(result, (System.nanoTime() - t0) / 1_000_000);
              return result.policies() < batchSize || scope.policy() != null
                  ? Uni.createFrom().item(next)
                  : batches(now, scope, result.last(), next);
            });
  }

  private Uni<WatchBatch.Result> batch(
      Mutiny.Session session, Instant now, Scope scope, UUID after) {
    // the batch's entities are read to be judged, never changed: no snapshot kept, no dirty check
    session.setDefaultReadOnly(true);
    return WatchBatch.read(session, scope, after, batchSize)
        .chain(
            batch -> {
              if (batch.policies().isEmpty()) {
                return Uni.createFrom().item(new WatchBatch.Result(0, 0, null, 0));
              }
              long j0 = System.nanoTime();
              Judgement.Changes changes = Judgement.judge(batch, now);
              long judging = (System.nanoTime() - j0) / 1_000_000;
              UUID last = batch.policies().get(batch.policies().size() - 1).id;
              return WatchWrites.apply(session, changes)
                  .chain(() -> outbox.recordAll(changes.events(), ACTOR))
                  .map(
                      x ->
                          new WatchBatch.Result(
                              batch.policies().size(), changes.events().size(), last, judging));
            });
  }
}
