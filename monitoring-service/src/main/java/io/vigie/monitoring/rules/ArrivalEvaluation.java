package io.vigie.monitoring.rules;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.vigie.monitoring.alerting.Alert;
import io.vigie.monitoring.alerting.Alerting;
import io.vigie.monitoring.alerting.Signal;
import io.vigie.monitoring.ingest.SampleArrivals;
import io.vigie.monitoring.ingest.ShardOwnership;
import io.vigie.monitoring.metrics.Series;
import io.vigie.monitoring.metrics.SeriesLabels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Threshold rules evaluated as samples arrive, so a breaching sample fires in well under a second
 * instead of at the next evaluation interval. Only rules whose value per series depends on that
 * series alone qualify (no aggregation, no ratio, function VALUE, ABS or AGE); each is evaluated on
 * the series of its metric that just took samples. Only breaches are acted on here — an alert seen
 * for the first time is opened (and fires at once with no {@code for}), a pending one fires when
 * its {@code for} has run — and each at most once per state, so a steady breach does not write on
 * every sample (a value back within bounds makes the next breach count again); clearing,
 * aggregations, ratios, rates and absence stay with the periodic evaluation of {@link RuleEngine},
 * which also refreshes the rules, targets and open alerts used here.
 *
 * <p>Evaluations run one at a time on a thread of their own; series arriving meanwhile are
 * coalesced into the next one. The observations commit under the partition's claim, as the periodic
 * ones do.
 */
@ApplicationScoped
public class ArrivalEvaluation implements SampleArrivals {

  private static final Logger LOG = Logger.getLogger(ArrivalEvaluation.class);

  /** What the periodic evaluation last read, for the arrival path to use. */
  private record Snapshot(Map<String, List<CompiledRule>> rulesByMetric, TargetIndex index) {}

  /** An open alert as last known here: firing, or pending since its start. */
  private record Known(boolean firing, Instant since) {}

  private final Alerting alerting;
  private final ShardOwnership ownership;
  private final Counter signalled;
  private final Timer evaluation;

  private volatile Snapshot snapshot;
  private final Map<String, Known> known = new ConcurrentHashMap<>();
  private final Set<Series> pending = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "rules-on-arrival");
            thread.setDaemon(true);
            return thread;
          });

  @Inject
  public ArrivalEvaluation(Alerting alerting, ShardOwnership ownership, MeterRegistry meters) {
    this.alerting = alerting;
    this.ownership = ownership;
    this.signalled =
        Counter.builder("vigie.monitoring.rules.arrival.signals")
            .description("Breaches acted on as their samples arrived")
            .register(meters);
    this.evaluation =
        Timer.builder("vigie.monitoring.rules.arrival.evaluation")
            .description("Time to evaluate the threshold rules on newly arrived samples")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
  }

  /** Whether a rule's value per series depends on that series' own samples only. */
  static boolean perSeriesThreshold(CompiledRule rule) {
    RuleDefinition d = rule.definition();
    if (d.kind() != RuleDefinition.Kind.METRIC || d.expr() == null) {
      return false;
    }
    RuleDefinition.Selector selector = d.expr().selector();
    RuleDefinition.Function function = selector.function();
    return d.expr().divideBy() == null
        && selector.aggregate() == null
        && (function == null
            || function == RuleDefinition.Function.VALUE
            || function == RuleDefinition.Function.ABS
            || function == RuleDefinition.Function.AGE);
  }

  /** Takes what the periodic evaluation read: the rules, targets and open alerts. */
  void refresh(List<CompiledRule> rules, TargetIndex index, List<Alert> open) {
    Map<String, List<CompiledRule>> byMetric = new HashMap<>();
    for (CompiledRule rule : rules) {
      if (perSeriesThreshold(rule)) {
        byMetric
            .computeIfAbsent(rule.definition().expr().selector().metric(), m -> new ArrayList<>())
            .add(rule);
      }
    }
    Map<String, Known> fresh = new HashMap<>();
    for (Alert alert : open) {
      fresh.put(alert.fingerprint, new Known(alert.state == Alert.State.FIRING, alert.startedAt));
    }
    known.keySet().retainAll(fresh.keySet());
    known.putAll(fresh);
    snapshot = new Snapshot(Map.copyOf(byMetric), index);
  }

  @Override
  public void arrived(int partition, List<Series> series) {
    Snapshot current = snapshot;
    if (current == null || current.rulesByMetric().isEmpty()) {
      return;
    }
    for (Series s : series) {
      if (current.rulesByMetric().containsKey(s.labels().get(SeriesLabels.METRIC_NAME))) {
        pending.add(s);
      }
    }
    if (!pending.isEmpty() && scheduled.compareAndSet(false, true)) {
      runner.execute(this::drain);
    }
  }

  private void drain() {
    try {
      while (!pending.isEmpty()) {
        List<Series> batch = new ArrayList<>(pending);
        pending.removeAll(batch);
        evaluate(batch, Instant.now());
      }
    } catch (RuntimeException e) {
      LOG.errorf(e, "Evaluating rules on arrived samples failed; the periodic evaluation follows");
    } finally {
      scheduled.set(false);
      if (!pending.isEmpty() && scheduled.compareAndSet(false, true)) {
        runner.execute(this::drain);
      }
    }
  }

  /** Evaluates the qualifying rules on these series at {@code now} and applies the breaches. */
  void evaluate(List<Series> batch, Instant now) {
    Snapshot current = snapshot;
    if (current == null) {
      return;
    }
    Timer.Sample timing = Timer.start();
    List<Signal> signals = signals(current, batch, now);
    if (!signals.isEmpty()) {
      try {
        VertxContextSupport.subscribeAndAwait(
            () ->
                Panache.withTransaction(
                    () -> ownership.admit(signals).chain(alerting::observeAll)));
        signalled.increment(signals.size());
      } catch (Throwable e) {
        signals.forEach(s -> known.remove(s.fingerprint())); // tried again on the next sample
        LOG.warnf("Breaches on arrival not applied (%s); the next sample or interval retries", e);
      }
    }
    timing.stop(evaluation);
  }

  private List<Signal> signals(Snapshot current, List<Series> batch, Instant now) {
    Map<String, List<Series>> byMetric = new HashMap<>();
    for (Series s : batch) {
      byMetric
          .computeIfAbsent(s.labels().get(SeriesLabels.METRIC_NAME), m -> new ArrayList<>())
          .add(s);
    }
    List<Signal> signals = new ArrayList<>();
    byMetric.forEach(
        (metric, series) -> {
          for (CompiledRule rule : current.rulesByMetric().getOrDefault(metric, List.of())) {
            RuleDefinition d = rule.definition();
            rule.expression()
                .evaluate(
                    name -> name.equals(metric) ? series : List.<Series>of(), now.toEpochMilli())
                .forEach(
                    (labels, value) -> {
                      if (!d.comparison().holds(value, d.threshold())) {
                        if (!known.isEmpty()) {
                          // back within bounds: the periodic evaluation clears it; a breach
                          // after that is acted on here again
                          known.remove(RuleEngine.fingerprint(rule.id(), labels));
                        }
                        return;
                      }
                      var target = current.index().attribute(labels);
                      if (target.isEmpty()) {
                        return;
                      }
                      String fingerprint = RuleEngine.fingerprint(rule.id(), labels);
                      if (!due(fingerprint, rule.forDuration(), now)) {
                        return;
                      }
                      signals.add(
                          RuleEngine.signal(
                              rule, fingerprint, target.get(), labels, value, true, now));
                    });
          }
        });
    return signals;
  }

  /** Whether a breach of this alert changes something now, noting what it will change. */
  private boolean due(String fingerprint, Duration forDuration, Instant now) {
    Known state = known.get(fingerprint);
    if (state == null) {
      known.put(fingerprint, new Known(forDuration.isZero(), now)); // opens it (fires if no for)
      return true;
    }
    if (!state.firing() && !now.isBefore(state.since().plus(forDuration))) {
      known.put(fingerprint, new Known(true, state.since())); // its for has run: fires
      return true;
    }
    return false;
  }

  void stop(@Observes ShutdownEvent event) {
    runner.shutdownNow();
  }
}
