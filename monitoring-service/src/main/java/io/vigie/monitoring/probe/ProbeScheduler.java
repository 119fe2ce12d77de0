package io.vigie.monitoring.probe;

import io.smallrye.mutiny.Uni;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vigie.monitoring.checks.CheckResultBatch;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs the active checks this replica owns, each once per interval at its planned instant ({@link
 * ProbeSchedule}) plus a small random jitter, at most {@code max-concurrency} at a time. Which
 * checks it owns follows the live replicas ({@link CheckOwnership}), refreshed with each heartbeat;
 * the definitions are reloaded when they change. A verticle: all its state lives on one event loop,
 * and probes are non-blocking, so nothing here needs a lock.
 */
public final class ProbeScheduler extends AbstractVerticle {

  private static final Logger LOG = Logger.getLogger(ProbeScheduler.class);

  /** How often due runs are looked for. */
  static final long TICK_MILLIS = 10;

  /** How long a reload after an API change waits for more changes. */
  static final long RELOAD_DEBOUNCE_MILLIS = 200;

  private final String replicaId;
  private final ProbeConfig config;
  private final ReplicaMembership membership;
  private final CheckDefinitions definitions;
  private final ProbeRunner runner;
  private final ProbeResultRecorder recorder;
  private final ProbeMeters meters;

  /** A planned run: the slot from the schedule, and the instant with jitter it is due. */
  private record Plan(ScheduledCheck check, long slot, long dueAt) {}

  private Map<UUID, ScheduledCheck> checks = Map.of();
  private List<String> live = List.of();
  private final Map<UUID, Plan> plans = new HashMap<>();
  private final PriorityQueue<Plan> queue =
      new PriorityQueue<>(Comparator.comparingLong(Plan::dueAt));
  private final ArrayDeque<Plan> waiting = new ArrayDeque<>();
  private final Set<UUID> busy = new HashSet<>();
  private int inFlight;
  private String fingerprint;
  private boolean loading;
  private boolean reloadAgain;
  private boolean reloadScheduled;
  private final long[] timers = {-1, -1, -1};

  // read from other threads (meters, tests, operators)
  private volatile List<String> liveView = List.of();
  private volatile Set<UUID> ownedView = Set.of();
  private volatile int inFlightView;
  private final Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();
  private volatile boolean stopped;
  private Runnable removeGauges = () -> {};

  ProbeScheduler(
      String replicaId,
      ProbeConfig config,
      ReplicaMembership membership,
      CheckDefinitions definitions,
      ProbeRunner runner,
      ProbeResultRecorder recorder,
      ProbeMeters meters) {
    this.replicaId = replicaId;
    this.config = config;
    this.membership = membership;
    this.definitions = definitions;
    this.runner = runner;
    this.recorder = recorder;
    this.meters = meters;
  }

  /** Starts the scheduler on its own event loop; the future completes once it has started. */
  public io.vertx.core.Future<String> deployOn(Vertx vertx) {
    return vertx.deployVerticle(this);
  }

  @Override
  public void start(Promise<Void> started) {
    removeGauges =
        meters.scheduler(
            replicaId, () -> ownedView.size(), () -> inFlightView, () -> liveView.size());
    heartbeat()
        .onItemOrFailure()
        .invoke((ok, failure) -> reload(true))
        .subscribe()
        .with(ok -> {}, failure -> {});
    timers[0] = vertx.setPeriodic(TICK_MILLIS, id -> tick());
    timers[1] =
        vertx.setPeriodic(
            config.heartbeatInterval().toMillis(),
            id -> heartbeat().subscribe().with(ok -> {}, failure -> {}));
    timers[2] = vertx.setPeriodic(config.reloadInterval().toMillis(), id -> reload(false));
    LOG.infof("Active checks: replica %s started", replicaId);
    started.complete();
  }

  @Override
  public void stop(Promise<Void> stoppedPromise) {
    stopped = true;
    for (long timer : timers) {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
    }
    removeGauges.run();
    membership
        .leave()
        .subscribe()
        .with(
            ok -> stoppedPromise.complete(),
            failure -> {
              LOG.warnf("Active checks: replica %s could not leave: %s", replicaId, failure);
              stoppedPromise.complete();
            });
  }

  /** This replica's id in the membership table. */
  public String replicaId() {
    return replicaId;
  }

  /** The live replicas as last seen, this one included. */
  public List<String> liveReplicas() {
    return liveView;
  }

  /** The checks this replica runs now. */
  public Set<UUID> ownedChecks() {
    return ownedView;
  }

  /** How many times this replica has started a run of {@code checkId}. */
  public int runs(UUID checkId) {
    AtomicInteger count = runs.get(checkId);
    return count == null ? 0 : count.get();
  }

  /**
   * Reloads the definitions shortly (after a change through the API); a burst of changes, such as a
   * provisioning script creating thousands of checks, costs one reload per {@link
   * #RELOAD_DEBOUNCE_MILLIS}.
   */
  public void reloadSoon() {
    if (context != null && !stopped) {
      context.runOnContext(
          v -> {
            if (!reloadScheduled) {
              reloadScheduled = true;
              vertx.setTimer(
                  RELOAD_DEBOUNCE_MILLIS,
                  id -> {
                    reloadScheduled = false;
                    reload(true);
                  });
            }
          });
    }
  }

  /**
   * Runs {@code checkId} once now, outside its schedule and whoever owns it (an operator's "check
   * now"; the tests, instead of waiting for a slot): its current definition through the same
   * runner, the result handed to the recorder like a scheduled run's. It leaves the schedule as it
   * is and is not counted in {@link #runs}. Completes with the result once handed over; fails when
   * there is no such enabled check.
   */
  public io.vertx.core.Future<ProbeResult> runNow(UUID checkId) {
    if (context == null || stopped) {
      return io.vertx.core.Future.failedFuture(
          new IllegalStateException("the scheduler of " + replicaId + " is not running"));
    }
    Promise<ProbeResult> done = Promise.promise();
    definitions
        .enabled()
        .emitOn(command -> context.runOnContext(v -> command.run()))
        .subscribe()
        .with(
            loaded -> {
              ScheduledCheck check = loaded.get(checkId);
              if (check == null) {
                done.fail(new IllegalArgumentException("no enabled active check " + checkId));
                return;
              }
              Instant executedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
              runner
                  .run(check)
                  .onComplete(
                      ar ->
                          context.runOnContext(v -> done.complete(record(check, executedAt, ar))));
            },
            done::fail);
    return done.future();
  }

  private Uni<Void> heartbeat() {
    return membership
        .heartbeat()
        .emitOn(command -> context.runOnContext(v -> command.run()))
        .invoke(
            now -> {
              if (!now.equals(live)) {
                LOG.infof("Active checks: replica %s sees live replicas %s", replicaId, now);
                live = List.copyOf(now);
                liveView = live;
                reassign();
              }
            })
        .onFailure()
        .invoke(
            failure ->
                LOG.warnf(
                    "Active checks: heartbeat of %s failed, keeping %s: %s",
                    replicaId, live, failure.getMessage()))
        .replaceWithVoid();
  }

  private void reload(boolean force) {
    if (stopped) {
      return;
    }
    if (loading) {
      reloadAgain |= force;
      return;
    }
    loading = true;
    definitions
        .fingerprint()
        .chain(
            print ->
                !force && print.equals(fingerprint)
                    ? Uni.createFrom().<Map<UUID, ScheduledCheck>>nullItem()
                    : definitions.enabled().invoke(loaded -> fingerprint = print))
        .emitOn(command -> context.runOnContext(v -> command.run()))
        .subscribe()
        .with(
            loaded -> {
              loading = false;
              if (loaded != null) {
                checks = loaded;
                reassign();
              }
              if (reloadAgain) {
                reloadAgain = false;
                reload(true);
              }
            },
            failure -> {
              loading = false;
              LOG.warnf("Active checks: could not read the definitions: %s", failure.getMessage());
            });
  }

  /** Plans the checks this replica owns now, and forgets the others. */
  private void reassign() {
    long now = System.currentTimeMillis();
    List<String> replicas = live.isEmpty() ? List.of(replicaId) : live;
    Set<UUID> owned = new HashSet<>();
    for (ScheduledCheck check : checks.values()) {
      if (!CheckOwnership.owns(replicaId, check.id(), replicas)) {
        continue;
      }
      owned.add(check.id());
      Plan current = plans.get(check.id());
      if (current == null || !current.check().equals(check)) {
        Plan plan =
            plan(check, ProbeSchedule.nextRunAtOrAfter(check.id(), check.intervalMillis(), now));
        plans.put(check.id(), plan);
        queue.add(plan);
      }
    }
    plans.keySet().retainAll(owned);
    ownedView = Set.copyOf(owned);
  }

  private Plan plan(ScheduledCheck check, long slot) {
    long maxJitter = Math.min(config.maxJitter().toMillis(), check.intervalMillis() / 20);
    long jitter = maxJitter > 0 ? ThreadLocalRandom.current().nextLong(maxJitter) : 0;
    return new Plan(check, slot, slot + jitter);
  }

  private void tick() {
    long now = System.currentTimeMillis();
    while (!queue.isEmpty() && queue.peek().dueAt() <= now) {
      Plan due = queue.poll();
      UUID id = due.check().id();
      if (plans.get(id) != due) {
        continue; // replanned or no longer owned
      }
      Plan next =
          plan(
              due.check(),
              ProbeSchedule.nextRunAfter(id, due.check().intervalMillis(), due.slot()));
      plans.put(id, next);
      queue.add(next);
      if (busy.contains(id)) {
        meters.skipped();
        continue;
      }
      busy.add(id);
      waiting.addLast(due);
    }
    launchWaiting();
  }

  private void launchWaiting() {
    while (inFlight < config.maxConcurrency() && !waiting.isEmpty()) {
      Plan due = waiting.pollFirst();
      if (!plans.containsKey(due.check().id())) {
        busy.remove(due.check().id());
        continue;
      }
      launch(due);
    }
  }

  private void launch(Plan due) {
    ScheduledCheck check = due.check();
    long startMillis = System.currentTimeMillis();
    Instant executedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    meters.lag(startMillis - due.dueAt());
    runs.computeIfAbsent(check.id(), id -> new AtomicInteger()).incrementAndGet();
    inFlight++;
    inFlightView = inFlight;
    runner
        .run(check)
        .onComplete(
            ar -> {
              if (io.vertx.core.Vertx.currentContext() != context) {
                context.runOnContext(v -> finished(check, executedAt, ar));
              } else {
                finished(check, executedAt, ar);
              }
            });
  }

  /** Back on the scheduler's event loop once a run is over: count it, keep its result. */
  private void finished(
      ScheduledCheck check, Instant executedAt, io.vertx.core.AsyncResult<ProbeResult> ar) {
    inFlight--;
    inFlightView = inFlight;
    busy.remove(check.id());
    record(check, executedAt, ar);
    launchWaiting();
  }

  /** Counts a finished run and hands its result to the recorder; returns the result. */
  private ProbeResult record(
      ScheduledCheck check, Instant executedAt, io.vertx.core.AsyncResult<ProbeResult> ar) {
    ProbeResult result =
        ar.succeeded()
            ? ar.result()
            : ProbeVerdicts.unknown(check.kind(), String.valueOf(ar.cause()));
    meters.run(check.kind(), result.status());
    recorder.add(
        new CheckResultBatch.Result(
            check.serverId(),
            null,
            check.name(),
            result.status(),
            cut(result.output()),
            result.perfdata(),
            executedAt,
            check.hostedServiceId()));
    return result;
  }

  private static String cut(String output) {
    return output.length() <= 4096 ? output : output.substring(0, 4096);
  }
}
