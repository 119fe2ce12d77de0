package io.vigie.monitoring.probe;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vigie.kit.problem.ProblemException;
import io.vigie.monitoring.checks.CheckResultBatch;
import io.vigie.monitoring.checks.CheckResultService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Buffers active check results and records them in batches through {@link CheckResultService} (so
 * state and alerts follow the same path as an agent's results): every flush interval, or as soon as
 * a batch is full. A batch the database does not take is retried after a pause; a batch refused as
 * invalid (a server or hosted service gone from the inventory meanwhile) is recorded result by
 * result and only the refused ones are dropped, counted and logged. Nothing is lost silently.
 */
@ApplicationScoped
public class ProbeResultRecorder {

  private static final Logger LOG = Logger.getLogger(ProbeResultRecorder.class);

  private final Vertx vertx;
  private final CheckResultService results;
  private final ProbeConfig config;
  private final ProbeMeters meters;

  private final ArrayDeque<CheckResultBatch.Result> buffer = new ArrayDeque<>();
  private final AtomicBoolean flushing = new AtomicBoolean();
  private volatile long retryNotBefore;
  private long timer = -1;

  public ProbeResultRecorder(
      Vertx vertx, CheckResultService results, ProbeConfig config, ProbeMeters meters) {
    this.vertx = vertx;
    this.results = results;
    this.config = config;
    this.meters = meters;
  }

  void start(@Observes StartupEvent event) {
    meters.buffered(this::buffered);
    timer = vertx.setPeriodic(config.flushInterval().toMillis(), id -> flush());
  }

  void stop(@Observes ShutdownEvent event) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    // last results of this replica: one attempt, bounded, so shutdown does not hang
    retryNotBefore = 0;
    long deadline = System.currentTimeMillis() + 5_000;
    while (buffered() > 0 && System.currentTimeMillis() < deadline) {
      flush();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Adds a result; records at once when a batch is full. */
  public void add(CheckResultBatch.Result result) {
    int size;
    int overflow = 0;
    synchronized (buffer) {
      buffer.addLast(result);
      while (buffer.size() > config.maxBufferedResults()) {
        buffer.pollFirst();
        overflow++;
      }
      size = buffer.size();
    }
    if (overflow > 0) {
      meters.dropped(true, overflow);
      LOG.errorf(
          "Active check results: buffer full (%d), dropped the %d oldest",
          config.maxBufferedResults(), overflow);
    }
    if (size >= config.batchSize()) {
      flush();
    }
  }

  /** Results waiting to be recorded. */
  public int buffered() {
    synchronized (buffer) {
      return buffer.size();
    }
  }

  /** Records what is buffered, one batch after another; a flush already running carries on. */
  public void flush() {
    if (System.currentTimeMillis() < retryNotBefore || !flushing.compareAndSet(false, true)) {
      return;
    }
    List<CheckResultBatch.Result> batch = take();
    if (batch.isEmpty()) {
      flushing.set(false);
      return;
    }
    onSafeContext(() -> recordOrSalvage(batch))
        .subscribe()
        .with(
            recorded -> {
              meters.recorded(recorded);
              flushing.set(false);
              if (buffered() >= config.batchSize()) {
                flush();
              }
            },
            failure -> {
              meters.recordFailure();
              putBack(batch);
              retryNotBefore = System.currentTimeMillis() + config.retryBackoff().toMillis();
              LOG.warnf(
                  "Active check results: a batch of %d was not recorded, retrying in %s: %s",
                  batch.size(), config.retryBackoff(), failure.getMessage());
              flushing.set(false);
            });
  }

  private List<CheckResultBatch.Result> take() {
    synchronized (buffer) {
      int n = Math.min(buffer.size(), Math.min(config.batchSize(), 1000));
      List<CheckResultBatch.Result> batch = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        batch.add(buffer.pollFirst());
      }
      return batch;
    }
  }

  private void putBack(List<CheckResultBatch.Result> batch) {
    synchronized (buffer) {
      for (int i = batch.size() - 1; i >= 0; i--) {
        buffer.addFirst(batch.get(i));
      }
    }
  }

  /**
   * Records the batch; if it is refused as invalid, records each result alone and drops those
   * refused. Fails (to be retried whole) on anything else. A result already recorded is not
   * recorded twice: results are keyed by server, check and time.
   */
  private Uni<Integer> recordOrSalvage(List<CheckResultBatch.Result> batch) {
    return results
        .record(new CheckResultBatch(batch))
        .map(receipt -> batch.size())
        .onFailure(ProbeResultRecorder::refused)
        .recoverWithUni(
            refusal -> {
              LOG.warnf(
                  "Active check results: a batch of %d was refused (%s); recording one by one",
                  batch.size(), refusal.getMessage());
              return io.smallrye.mutiny.Multi.createFrom()
                  .iterable(batch)
                  .onItem()
                  .transformToUniAndConcatenate(
                      r ->
                          results
                              .record(new CheckResultBatch(List.of(r)))
                              .map(receipt -> 1)
                              .onFailure(ProbeResultRecorder::refused)
                              .recoverWithItem(
                                  e -> {
                                    meters.dropped(false, 1);
                                    LOG.errorf(
                                        "Active check result dropped, check %s on server %s: %s",
                                        r.check(), r.serverId(), e.getMessage());
                                    return 0;
                                  }))
                  .collect()
                  .with(java.util.stream.Collectors.summingInt(Integer::intValue));
            });
  }

  private static boolean refused(Throwable failure) {
    return failure instanceof ProblemException problem && problem.status() == 400;
  }

  /**
   * Runs the reactive transaction on a new safe duplicated context, as Quarkus does for scheduled
   * work: Hibernate Reactive keeps its session there.
   */
  private <T> Uni<T> onSafeContext(java.util.function.Supplier<Uni<T>> work) {
    Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    VertxContextSafetyToggle.setContextSafe(context, true);
    return Uni.createFrom()
        .<T>emitter(
            emitter ->
                context.runOnContext(
                    v -> work.get().subscribe().with(emitter::complete, emitter::fail)))
        .ifNoItem()
        .after(Duration.ofMinutes(2))
        .fail();
  }
}
