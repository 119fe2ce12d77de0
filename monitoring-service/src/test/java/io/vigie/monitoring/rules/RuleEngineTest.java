package io.vigie.monitoring.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vigie.monitoring.CheckResults;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.metrics.MetricHead;
import io.vigie.monitoring.metrics.RemoteWriteClient;
import io.vigie.monitoring.metrics.SeriesLabels;
import io.vigie.monitoring.metrics.WriteRequest;
import io.vigie.testkit.TestTokens;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Metric rules end to end inside the service: samples through remote_write, a rule through the API,
 * the alert on Kafka; a changed rule resolves it; forgetting the engine's memory (a restart)
 * neither repeats nor loses an event. Evaluations a test depends on are run by the test ({@link
 * #evaluate}, {@link #refreshCheckRules}) rather than waited for.
 */
@QuarkusTest
class RuleEngineTest {

  @Inject RuleEngine engine;
  @Inject CheckRules checkRules;
  @Inject MetricHead head;

  /** One evaluation of every metric rule now, as the interval's would run; returns once applied. */
  static void evaluate(RuleEngine engine) {
    evaluate(engine, Instant.now());
  }

  /** One evaluation of every metric rule at {@code at}; returns once applied. */
  static void evaluate(RuleEngine engine, Instant at) {
    try {
      VertxContextSupport.subscribeAndAwait(() -> engine.evaluate(at));
    } catch (Throwable e) {
      throw new IllegalStateException("the rule evaluation failed", e);
    }
  }

  /**
   * Two evaluations {@code forDuration} apart, the second now: a rule breaching throughout (its
   * series' latest sample is current at both instants) fires with that {@code for}, without the
   * test sitting it out. Should the interval's evaluation have observed the breach first, the
   * earlier one changes nothing and the interval's next one fires it.
   */
  static void evaluateThrough(RuleEngine engine, java.time.Duration forDuration) {
    Instant now = Instant.now();
    evaluate(engine, now.minus(forDuration));
    evaluate(engine, now);
  }

  /** Reloads the CHECK rules now, as the interval's refresh would: a new one applies at once. */
  static void refreshCheckRules(CheckRules checkRules) {
    try {
      VertxContextSupport.subscribeAndAwait(checkRules::refresh);
    } catch (Throwable e) {
      throw new IllegalStateException("the check rules did not load", e);
    }
  }

  /** Waits until the head holds {@code value} as the latest sample of {@code metric}. */
  static void awaitInHead(MetricHead head, String metric, double value) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .pollInterval(java.time.Duration.ofMillis(50))
        .until(
            () ->
                head.select(metric).stream()
                    .anyMatch(s -> s.latest() != null && s.latest().value() == value));
  }

  static void write(String metric, UUID server, double value) {
    RemoteWriteClient.send(
            new WriteRequest(
                List.of(
                    WriteRequest.TimeSeries.of(
                        SeriesLabels.of(
                            Map.of(
                                "__name__",
                                metric,
                                "instance",
                                "10.1.2.3:9100",
                                "job",
                                "node",
                                "server_id",
                                server.toString())),
                        System.currentTimeMillis(),
                        value))))
        .then()
        .statusCode(204);
  }

  static Map<String, Object> rule(String name, String metric, double threshold) {
    return Map.of(
        "name",
        name,
        "kind",
        "METRIC",
        "expr",
        Map.of("selector", Map.of("metric", metric)),
        "comparison",
        ">",
        "threshold",
        threshold,
        "for",
        "1s",
        "severity",
        "critical",
        "annotations",
        Map.of("summary", "Inlet at {{ $value }} C on {{ $labels.instance }}"));
  }

  static Response create(Map<String, Object> rule) {
    return given()
        .auth()
        .oauth2(TestTokens.engineer())
        .contentType(ContentType.JSON)
        .body(rule)
        .post("/api/v1/alert-rules");
  }

  @Test
  void aBreachingSeriesFiresOnceSurvivesARestartAndAChangedRuleResolvesIt() throws Exception {
    String tenant = "r-" + UUID.randomUUID().toString().substring(0, 8);
    UUID server = InventoryFeed.serverHosting(tenant);
    String metric = "vigie_test_inlet_celsius_" + UUID.randomUUID().toString().substring(0, 8);
    write(metric, server, 42);
    Response created = create(rule("inlet-" + metric.substring(metric.length() - 8), metric, 35));
    created.then().statusCode(201);
    String id = created.path("id");
    awaitInHead(head, metric, 42);
    evaluateThrough(engine, java.time.Duration.ofSeconds(1)); // its for: 1 s

    List<ConsumerRecord<String, String>> fired = CheckResults.alertsFired(server, 1);
    assertThat(fired).hasSize(1);
    assertThat(fired.get(0).value())
        .contains("\"serverId\":\"" + server + "\"")
        .contains("\"tenants\":[\"" + tenant + "\"]")
        .contains("Inlet at 42 C on 10.1.2.3:9100");

    engine.forget(); // what a restart loses; the alert itself is in the database
    write(metric, server, 43);
    // the breach goes on for five evaluations after the restart: still the one alert
    for (int i = 0; i < 5; i++) {
      evaluate(engine);
    }
    assertThat(CheckResults.alertsFired(server, 1)).hasSize(1);

    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .contentType(ContentType.JSON)
        .header("If-Match", created.header("ETag"))
        .body(rule("inlet-" + metric.substring(metric.length() - 8), metric, 50))
        .put("/api/v1/alert-rules/" + id)
        .then()
        .statusCode(200)
        .body("version", equalTo(2));
    evaluate(engine); // the changed rule's first evaluation clears it
    List<ConsumerRecord<String, String>> resolved = CheckResults.alertsResolved(server, 1);
    assertThat(resolved).hasSize(1);
    assertThat(resolved.get(0).key()).isEqualTo(fired.get(0).key());

    CheckResults.alertsListed(TestTokens.support(), server, Map.of())
        .body("items.size()", equalTo(1))
        .body("items[0].state", equalTo("RESOLVED"))
        .body("items[0].source", equalTo("rule:inlet-" + metric.substring(metric.length() - 8)));
  }

  @Test
  void aCheckRuleSetsHowManyFailuresRaiseAnAlert() {
    String tenant = "c-" + UUID.randomUUID().toString().substring(0, 8);
    UUID server = InventoryFeed.serverHosting(tenant);
    String check = "check_mysql_" + UUID.randomUUID().toString().substring(0, 8);
    create(
            Map.of(
                "name", "mysql-at-once-" + check.substring(check.length() - 8),
                "kind", "CHECK",
                "check", "check_mysql_*",
                "consecutiveFailures", 1,
                "severity", "critical"))
        .then()
        .statusCode(201);
    refreshCheckRules(checkRules);
    CheckResults.report(server, check, "CRITICAL", Instant.parse("2026-11-20T14:00:00Z"));
    assertThat(CheckResults.alertsFired(server, 1)).hasSize(1);
  }

  @Test
  void aFlappingCheckStaysOneAlertUntilItHasBeenOkForTheRulesClearFor() {
    UUID server = InventoryFeed.serverHosting("f-" + UUID.randomUUID().toString().substring(0, 8));
    String check = "check_flappy_" + UUID.randomUUID().toString().substring(0, 8);
    create(
            Map.of(
                "name",
                "flappy-" + check.substring(check.length() - 8),
                "kind",
                "CHECK",
                "check",
                check,
                "consecutiveFailures",
                1,
                "clearFor",
                "5m",
                "severity",
                "warning"))
        .then()
        .statusCode(201);
    refreshCheckRules(checkRules);
    Instant t = Instant.parse("2026-11-20T16:00:00Z");
    // fails, recovers for 2 minutes, fails again, then stays OK
    CheckResults.report(server, check, "CRITICAL", t);
    CheckResults.report(server, check, "OK", t.plusSeconds(60), t.plusSeconds(120));
    CheckResults.report(server, check, "CRITICAL", t.plusSeconds(180));
    CheckResults.report(
        server, check, "OK", t.plusSeconds(240), t.plusSeconds(420), t.plusSeconds(600));
    assertThat(CheckResults.alertsFired(server, 1)).hasSize(1);
    List<ConsumerRecord<String, String>> resolved = CheckResults.alertsResolved(server, 1);
    assertThat(resolved).hasSize(1);
    // resolved at the start of the last OK stretch, once it had lasted 5 minutes
    assertThat(resolved.get(0).value()).contains("\"resolvedAt\":\"2026-11-20T16:04:00Z\"");
    CheckResults.alertsListed(TestTokens.support(), server, Map.of())
        .body("items.size()", equalTo(1))
        .body("items[0].flaps", equalTo(1));
  }
}
