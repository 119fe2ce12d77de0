package io.vigie.monitoring.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigie.monitoring.CheckResults;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.metrics.MetricHead;
import io.vigie.testkit.TestTokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A rule names its runbook: validated on the way in, shown by the rules API, and carried with the
 * rule's name on every {@code AlertFired} it raises (metric rules, check rules, the default pack's
 * host-down rule).
 */
@QuarkusTest
class RuleRunbookTest {

  @Inject CheckRules checkRules;
  @Inject RuleEngine engine;
  @Inject MetricHead head;

  private static JsonNode data(ConsumerRecord<String, String> record) throws Exception {
    return InventoryFeed.JSON.readTree(record.value());
  }

  @Test
  void aMetricRulesAlertCarriesTheRuleAndItsRunbook() throws Exception {
    UUID server = InventoryFeed.serverHosting("rb-" + UUID.randomUUID().toString().substring(0, 8));
    String metric = "vigie_test_fan_rpm_" + UUID.randomUUID().toString().substring(0, 8);
    String name = "fans-" + metric.substring(metric.length() - 8);
    RuleEngineTest.write(metric, server, 9000);
    Map<String, Object> rule = new HashMap<>(RuleEngineTest.rule(name, metric, 8000));
    rule.put("runbook", "https://wiki.example.net/runbooks/fans");
    RuleEngineTest.create(rule)
        .then()
        .statusCode(201)
        .body("rule.runbook", equalTo("https://wiki.example.net/runbooks/fans"));
    RuleEngineTest.awaitInHead(head, metric, 9000);
    RuleEngineTest.evaluateThrough(engine, Duration.ofSeconds(1)); // its for: 1 s

    List<ConsumerRecord<String, String>> fired = CheckResults.alertsFired(server, 1);
    assertThat(fired).hasSize(1);
    JsonNode event = data(fired.get(0));
    assertThat(event.path("rule").asText()).isEqualTo(name);
    assertThat(event.path("runbook").asText()).isEqualTo("https://wiki.example.net/runbooks/fans");
  }

  @Test
  void aCheckAlertCarriesTheCheckRuleThatSetItsThresholdAndItsRunbook() throws Exception {
    UUID server = InventoryFeed.serverHosting("rc-" + UUID.randomUUID().toString().substring(0, 8));
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String check = "check_redis_" + suffix;
    RuleEngineTest.create(
            Map.of(
                "name",
                "redis-" + suffix,
                "kind",
                "CHECK",
                "check",
                check,
                "consecutiveFailures",
                1,
                "severity",
                "critical",
                "runbook",
                "kb:redis-down"))
        .then()
        .statusCode(201);
    RuleEngineTest.refreshCheckRules(checkRules);
    CheckResults.report(server, check, "CRITICAL", Instant.parse("2026-11-20T15:00:00Z"));
    JsonNode event = data(CheckResults.alertsFired(server, 1).get(0));
    assertThat(event.path("rule").asText()).isEqualTo("redis-" + suffix);
    assertThat(event.path("runbook").asText()).isEqualTo("kb:redis-down");
  }

  @Test
  void theDefaultHostDownRuleNamesItsRunbookOnTheHostDownAlert() throws Exception {
    UUID server = InventoryFeed.serverHosting("rh-" + UUID.randomUUID().toString().substring(0, 8));
    Instant t0 = Instant.parse("2026-11-20T17:00:00Z");
    CheckResults.report(
        server, "host-alive", "CRITICAL", t0, t0.plusSeconds(30), t0.plusSeconds(60));
    JsonNode event = data(CheckResults.alertsFired(server, 1).get(0));
    assertThat(event.path("hostDown").asBoolean()).isTrue();
    assertThat(event.path("rule").asText()).isEqualTo("host-down");
    assertThat(event.path("runbook").asText()).isEqualTo("kb:host-down");
  }

  @Test
  void theDefaultPackShowsItsRunbooksThroughTheApi() {
    given()
        .auth()
        .oauth2(TestTokens.support())
        .queryParam("size", 500)
        .get("/api/v1/alert-rules")
        .then()
        .statusCode(200)
        .body(
            "items.find { it.rule.name == 'filesystem-space-low' }.rule.runbook",
            equalTo("kb:filesystem-full"))
        .body(
            "items.find { it.rule.name == 'mysql-replication-lag' }.rule.runbook",
            equalTo("kb:replication-lag"))
        .body("items.find { it.rule.name == 'host-down' }.rule.runbook", equalTo("kb:host-down"));
  }

  @Test
  void aRunbookThatIsNoWebUrlNorArticleIsRefusedNamingTheField() {
    for (String bad :
        List.of(
            "javascript:alert(1)",
            "/wiki/runbook",
            "kb:Not A Slug",
            "https://user:pass@wiki.example.net/x")) {
      Map<String, Object> rule =
          new HashMap<>(
              RuleEngineTest.rule(
                  "bad-runbook-" + UUID.randomUUID().toString().substring(0, 8), "up", 1));
      rule.put("runbook", bad);
      given()
          .auth()
          .oauth2(TestTokens.engineer())
          .contentType(ContentType.JSON)
          .body(rule)
          .post("/api/v1/alert-rules")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", hasItem("runbook"));
    }
  }
}
