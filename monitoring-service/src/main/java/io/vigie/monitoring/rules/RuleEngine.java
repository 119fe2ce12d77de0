package io.vigie.monitoring.rules;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vigie.monitoring.alerting.Alert;
import io.vigie.monitoring.alerting.Alerting;
import io.vigie.monitoring.alerting.Signal;
import io.vigie.monitoring.ingest.ShardOwnership;
import io.vigie.monitoring.metrics.MetricHead;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates the enabled METRIC rules over the metric head at every evaluation interval and feeds
 * the results to the alerting engine: a breaching series opens (or keeps) its alert, a series back
 * within bounds clears it, and an alert whose series disappeared clears too (as in Prometheus).
 * Every alert's state is in the database, so a restart resumes exactly where it was. The head holds
 * the targets of the samples partitions this replica owns; observations commit only under the
 * partition's claim ({@link ShardOwnership#admit}). Threshold rules are also evaluated as samples
 * arrive ({@link ArrivalEvaluation}), so a breach fires well before the next interval.
 */
@ApplicationScoped
public class RuleEngine {

  private final MetricHead head;
  private final Alerting alerting;
  private final ShardOwnership ownership;
  private final ArrivalEvaluation arrivals;
  private final Counter unattributed;
  private final Timer evaluation;

  /** Fingerprints this replica evaluated: only those may be cleared for having no series here. */
  private final Set<String> evaluatedHere = ConcurrentHashMap.newKeySet();

  public RuleEngine(
      MetricHead head,
      Alerting alerting,
      ShardOwnership ownership,
      ArrivalEvaluation arrivals,
      MeterRegistry meters) {
    this.head = head;
    this.alerting = alerting;
    this.ownership = ownership;
    this.arrivals = arrivals;
    this.unattributed =
        Counter.builder("vigie.monitoring.rules.unattributed")
            .description("Rule results whose series names no monitored server or guest")
            .register(meters);
    this.evaluation =
        Timer.builder("vigie.monitoring.rules.evaluation")
            .description("Time to evaluate every metric rule once")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
  }

  @Scheduled(
      every = "${vigie.monitoring.rules.evaluation-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> cycle() {
    Timer.Sample timing = Timer.start();
    return evaluate(Instant.now())
        .onFailure()
        .invoke(e -> Log.error("Alert rule evaluation failed; retried next interval", e))
        .onFailure()
        .recoverWithNull()
        .invoke(() -> timing.stop(evaluation));
  }

  /** The metric head as rule expressions read it. */
  public SeriesLookup lookup() {
    return head::select;
  }

  /** Forgets what this replica evaluated, as a restart does; the alerts themselves stay. */
  public void forget() {
    evaluatedHere.clear();
  }

  /** What one evaluation reads from the database. */
  private record Inputs(List<AlertRule> rules, TargetIndex index, List<Alert> open) {}

  /**
   * One evaluation of every enabled METRIC rule at {@code now}: the rules, targets and open alerts
   * are read, the expressions (CPU-bound, over every series of the head) are evaluated on a worker
   * thread so the event loop keeps serving requests, and the alerting engine takes the results in
   * one transaction.
   */
  public Uni<Void> evaluate(Instant now) {
    return Panache.withSession(
            () ->
                AlertRule.<AlertRule>list(
                        "kind = ?1 and enabled = true order by name", RuleDefinition.Kind.METRIC)
                    .chain(
                        rules ->
                            TargetIndex.load()
                                .chain(
                                    index ->
                                        Alert.<Alert>list(
                                                "resolvedAt is null and source like 'rule:%'")
                                            .map(open -> new Inputs(rules, index, open)))))
        .chain(
            in ->
                VertxContextSupport.executeBlocking(
                    () -> signals(in.rules(), in.index(), in.open(), now)))
        .chain(
            signals ->
                Panache.withTransaction(
                    () -> ownership.admit(signals).chain(alerting::observeAll)));
  }

  private List<Signal> signals(
      List<AlertRule> rules, TargetIndex index, List<Alert> open, Instant now) {
    Map<String, Alert> openByFingerprint = new HashMap<>();
    open.forEach(a -> openByFingerprint.put(a.fingerprint, a));
    SeriesLookup lookup = head::select;
    List<Signal> signals = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<CompiledRule> compiled = new ArrayList<>();
    for (AlertRule stored : rules) {
      CompiledRule rule;
      try {
        rule = CompiledRule.compile(stored.id, RuleService.parse(stored.definition));
      } catch (RuntimeException e) {
        Log.warnf("Rule %s no longer compiles, skipped: %s", stored.name, e.getMessage());
        continue;
      }
      compiled.add(rule);
      RuleDefinition d = rule.definition();
      rule.expression()
          .evaluate(lookup, now.toEpochMilli())
          .forEach(
              (labels, value) -> {
                var target = index.attribute(labels);
                if (target.isEmpty()) {
                  unattributed.increment();
                  return;
                }
                String fingerprint = fingerprint(stored.id, labels);
                boolean breaching = d.comparison().holds(value, d.threshold());
                seen.add(fingerprint);
                if (!breaching && !openByFingerprint.containsKey(fingerprint)) {
                  return; // all well, nothing open: no work
                }
                evaluatedHere.add(fingerprint);
                signals.add(signal(rule, fingerprint, target.get(), labels, value, breaching, now));
              });
    }
    Instant abandoned = now.minus(Expression.LOOKBACK.multipliedBy(2));
    for (Alert alert : open) {
      boolean mine = evaluatedHere.contains(alert.fingerprint);
      boolean orphan = alert.lastObservation == null || alert.lastObservation.isBefore(abandoned);
      if (!seen.contains(alert.fingerprint) && (mine || orphan)) {
        // its series went away (target gone, rule changed or disabled): the problem is over
        evaluatedHere.remove(alert.fingerprint);
        signals.add(
            new Signal(
                alert.fingerprint,
                alert.serverId,
                null,
                alert.hostedServiceId,
                alert.target,
                alert.source,
                alert.severity,
                alert.summary,
                alert.labels,
                alert.annotations,
                alert.hostDown,
                false,
                now,
                Duration.ofSeconds(alert.forSeconds),
                Duration.ZERO,
                null));
      }
    }
    // the arrival path acts on breaches of alerts not open, or pending: an alert this evaluation
    // clears is left out, so that a breach right after its resolution is acted on at once
    Set<String> clearing = new HashSet<>();
    signals.stream().filter(s -> !s.breaching()).forEach(s -> clearing.add(s.fingerprint()));
    arrivals.refresh(
        compiled, index, open.stream().filter(a -> !clearing.contains(a.fingerprint)).toList());
    return signals;
  }

  /** The observation of one rule result: its alert's fingerprint, target, labels and text. */
  static Signal signal(
      CompiledRule rule,
      String fingerprint,
      TargetIndex.Target target,
      Map<String, String> labels,
      double value,
      boolean breaching,
      Instant now) {
    RuleDefinition d = rule.definition();
    Map<String, String> alertLabels = new TreeMap<>(labels);
    if (d.labels() != null) {
      alertLabels.putAll(d.labels());
    }
    alertLabels.put("rule", d.name());
    return new Signal(
        fingerprint,
        target.serverId(),
        target.guestId(),
        null,
        target.name(),
        "rule:" + d.name(),
        d.severity().name(),
        rule.summary(labels, value, target.name()),
        alertLabels,
        d.annotations(),
        d.hostDown(),
        breaching,
        now,
        rule.forDuration(),
        rule.clearFor(),
        null);
  }

  static String fingerprint(UUID ruleId, Map<String, String> labels) {
    return UUID.nameUUIDFromBytes(
            ("rule|" + ruleId + "|" + new TreeMap<>(labels)).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
