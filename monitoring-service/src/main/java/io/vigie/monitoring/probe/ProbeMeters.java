package io.vigie.monitoring.probe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.vigie.monitoring.checks.CheckStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an operator watches of the active checks: runs by kind and status, how late runs start
 * against their plan, how many checks this replica owns, and what happens to the results.
 */
@ApplicationScoped
public class ProbeMeters {

  private final MeterRegistry registry;
  private final Map<CheckKind, Map<CheckStatus, Counter>> runs = new EnumMap<>(CheckKind.class);
  private final Timer lag;
  private final Counter skipped;
  private final Counter recorded;
  private final Counter recordFailures;
  private final Counter droppedRefused;
  private final Counter droppedOverflow;

  public ProbeMeters(MeterRegistry registry) {
    this.registry = registry;
    for (CheckKind kind : CheckKind.values()) {
      Map<CheckStatus, Counter> byStatus = new EnumMap<>(CheckStatus.class);
      for (CheckStatus status : CheckStatus.values()) {
        byStatus.put(
            status,
            Counter.builder("vigie.monitoring.probes.runs")
                .description("Active check runs, by kind and result")
                .tags("kind", kind.name(), "status", status.name())
                .register(registry));
      }
      runs.put(kind, byStatus);
    }
    lag =
        Timer.builder("vigie.monitoring.probes.lag")
            .description("Scheduling lag: a run's actual start minus its planned start")
            .publishPercentiles(0.5, 0.9, 0.99, 0.999)
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(60))
            .register(registry);
    skipped =
        Counter.builder("vigie.monitoring.probes.skipped")
            .description("Runs skipped because the previous run of the check had not finished")
            .register(registry);
    recorded =
        Counter.builder("vigie.monitoring.probes.results.recorded")
            .description("Active check results recorded")
            .register(registry);
    recordFailures =
        Counter.builder("vigie.monitoring.probes.record.failures")
            .description("Batches of results the database did not take (retried)")
            .register(registry);
    droppedRefused =
        Counter.builder("vigie.monitoring.probes.results.dropped")
            .description("Results given up on")
            .tag("reason", "refused")
            .register(registry);
    droppedOverflow =
        Counter.builder("vigie.monitoring.probes.results.dropped")
            .description("Results given up on")
            .tag("reason", "overflow")
            .register(registry);
  }

  void run(CheckKind kind, CheckStatus status) {
    runs.get(kind).get(status).increment();
  }

  void lag(long millis) {
    lag.record(Duration.ofMillis(Math.max(0, millis)));
  }

  void skipped() {
    skipped.increment();
  }

  void recorded(int count) {
    recorded.increment(count);
  }

  void recordFailure() {
    recordFailures.increment();
  }

  void dropped(boolean overflow, int count) {
    (overflow ? droppedOverflow : droppedRefused).increment(count);
  }

  /**
   * Gauges of one scheduler, tagged by replica: checks owned, runs in flight, live replicas.
   * Returns what removes them when the scheduler stops.
   */
  Runnable scheduler(
      String replica, Supplier<Number> owned, Supplier<Number> inFlight, Supplier<Number> live) {
    Tags tags = Tags.of("replica", replica);
    List<Meter> meters =
        List.of(
            gauge("vigie.monitoring.probes.owned", "Active checks this replica runs", tags, owned),
            gauge("vigie.monitoring.probes.in.flight", "Runs under way", tags, inFlight),
            gauge(
                "vigie.monitoring.probes.live.replicas",
                "Replicas sharing the active checks",
                tags,
                live));
    return () -> meters.forEach(registry::remove);
  }

  /** The number of results waiting to be recorded. */
  void buffered(Supplier<Number> size) {
    gauge("vigie.monitoring.probes.results.buffered", "Results waiting", Tags.empty(), size);
  }

  private Meter gauge(String name, String description, Tags tags, Supplier<Number> value) {
    return Gauge.builder(name, value)
        .description(description)
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }
}
