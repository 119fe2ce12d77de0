package io.vigie.monitoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vigie.monitoring.CheckResults;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.metrics.MetricHead;
import io.vigie.monitoring.metrics.Sample;
import io.vigie.monitoring.metrics.Series;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Threshold rules evaluated as samples arrive: a breaching sample of a rule's metric is acted on by
 * the arrival path (its meter counts it) without waiting for the periodic evaluation, and the alert
 * still fires exactly once although both paths see the breach.
 */
@QuarkusTest
class RulesOnArrivalTest {

  @Inject RuleEngine engine;
  @Inject MeterRegistry meters;
  @Inject MetricHead head;

  @Test
  void aBreachingSampleIsActedOnAsItArrivesAndFiresOnce() throws Throwable {
    String tenant = "a-" + UUID.randomUUID().toString().substring(0, 8);
    UUID server = InventoryFeed.serverHosting(tenant);
    String metric = "vigie_test_arrival_" + UUID.randomUUID().toString().substring(0, 8);
    RuleEngineTest.create(
            Map.of(
                "name", "arrival-" + metric.substring(metric.length() - 8),
                "kind", "METRIC",
                "expr", Map.of("selector", Map.of("metric", metric)),
                "comparison", ">",
                "threshold", 35,
                "for", "0s",
                "severity", "critical"))
        .then()
        .statusCode(201);
    // the arrival path takes its rules from the periodic evaluation: one has run with this rule
    VertxContextSupport.subscribeAndAwait(() -> engine.evaluate(Instant.now()));
    double before = arrivals();

    RuleEngineTest.write(metric, server, 42);

    await().atMost(Duration.ofSeconds(30)).until(() -> arrivals() > before);
    assertThat(CheckResults.alertsFired(server, 1)).hasSize(1);
    RuleEngineTest.write(metric, server, 43);
    // both paths see the second breach: the arrival path as the head takes it, then an interval's
    await().atMost(Duration.ofSeconds(30)).until(() -> latest(metric) == 43);
    RuleEngineTest.evaluate(engine);
    assertThat(CheckResults.alertsFired(server, 1)).hasSize(1);
  }

  private double latest(String metric) {
    return head.select(metric).stream()
        .map(Series::latest)
        .filter(java.util.Objects::nonNull)
        .mapToDouble(Sample::value)
        .max()
        .orElse(Double.NaN);
  }

  private double arrivals() {
    return meters.counter("vigie.monitoring.rules.arrival.signals").count();
  }
}
