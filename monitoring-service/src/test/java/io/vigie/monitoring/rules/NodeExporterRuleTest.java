package io.vigie.monitoring.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vigie.events.monitoring.MonitoringEvents;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.metrics.MetricHead;
import io.vigie.monitoring.metrics.RealPrometheus;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.PublishedEvents;
import io.vigie.testkit.TestTokens;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The whole path with real parts: Debian's Prometheus scrapes Debian's node_exporter and
 * remote-writes to the service; a rule on real node_exporter metrics (a threshold chosen so it
 * trips) produces exactly one AlertFired on Kafka with the right server and client, and changing
 * the rule so it clears produces the AlertResolved.
 */
@QuarkusTest
class NodeExporterRuleTest {

  @TestHTTPResource("/")
  URL service;

  @Inject RuleEngine engine;
  @Inject MetricHead head;

  /** Whether the head has a sample of {@code metric} scraped for {@code server}. */
  private boolean scraped(String metric, UUID server) {
    return head.select(metric).stream()
        .anyMatch(s -> server.toString().equals(s.labels().get("server_id")) && s.latest() != null);
  }

  /** The events of {@code type} naming {@code rule}, once {@code count} came and all are read. */
  private static List<ConsumerRecord<String, String>> events(String type, String rule, int count) {
    return PublishedEvents.await(
        MonitoringEvents.TOPIC,
        r -> type.equals(KafkaEvents.header(r, "ce_type")) && r.value().contains(rule),
        count,
        Duration.ofSeconds(90));
  }

  @Test
  void aRuleOnRealNodeExporterMetricsFiresOnceAndResolvesWhenChanged() throws Exception {
    String tenant = "ne-" + UUID.randomUUID().toString().substring(0, 8);
    UUID server = InventoryFeed.serverHosting(tenant);
    String name = "memory-seen-" + UUID.randomUUID().toString().substring(0, 8);
    // MemAvailable / MemTotal is above 0.0001 on any machine running this test: it trips
    Map<String, Object> rule = new HashMap<>();
    rule.put("name", name);
    rule.put("kind", "METRIC");
    rule.put(
        "expr",
        Map.of(
            "selector", Map.of("metric", "node_memory_MemAvailable_bytes"),
            "divideBy", Map.of("metric", "node_memory_MemTotal_bytes")));
    rule.put("comparison", ">");
    rule.put("threshold", 0.0001);
    rule.put("for", "2s");
    rule.put("severity", "warning");
    rule.put("annotations", Map.of("summary", name + " on {{ $labels.instance }}: {{ $value }}"));

    try (RealPrometheus prometheus =
        RealPrometheus.remoteWritingTo(service)
            .scrapeLabel("server_id", server.toString())
            .start()) {
      Response created =
          given()
              .auth()
              .oauth2(TestTokens.engineer())
              .contentType(ContentType.JSON)
              .body(rule)
              .post("/api/v1/alert-rules");
      created.then().statusCode(201);
      // once the head has the scraped series, the test runs the evaluations rather than waiting
      // for the interval's (which go on meanwhile)
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  scraped("node_memory_MemAvailable_bytes", server)
                      && scraped("node_memory_MemTotal_bytes", server));
      RuleEngineTest.evaluateThrough(engine, Duration.ofSeconds(2)); // its for: 2 s

      List<ConsumerRecord<String, String>> fired = events(MonitoringEvents.ALERT_FIRED, name, 1);
      assertThat(fired).as(prometheus.logs()).hasSize(1);
      assertThat(fired.get(0).value())
          .contains("\"serverId\":\"" + server + "\"")
          .contains("\"tenants\":[\"" + tenant + "\"]")
          .contains(name + " on " + prometheus.nodeExporterTarget());

      rule.put("threshold", 2.0); // a ratio never above 1: clears
      given()
          .auth()
          .oauth2(TestTokens.engineer())
          .contentType(ContentType.JSON)
          .header("If-Match", created.header("ETag"))
          .body(rule)
          .put("/api/v1/alert-rules/" + created.path("id"))
          .then()
          .statusCode(200);
      RuleEngineTest.evaluate(engine); // the changed rule's first evaluation clears it
      List<ConsumerRecord<String, String>> resolved =
          PublishedEvents.await(
              MonitoringEvents.TOPIC,
              r ->
                  MonitoringEvents.ALERT_RESOLVED.equals(KafkaEvents.header(r, "ce_type"))
                      && r.key().equals(fired.get(0).key()),
              1,
              Duration.ofSeconds(60));
      assertThat(resolved).hasSize(1);
      // and exactly one AlertFired for the whole episode, scrapes going on all along (every
      // evaluation up to the resolution committed before it: all they published is read)
      assertThat(events(MonitoringEvents.ALERT_FIRED, name, 1)).hasSize(1);
    }
  }
}
