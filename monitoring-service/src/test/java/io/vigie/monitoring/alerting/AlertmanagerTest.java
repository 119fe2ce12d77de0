package io.vigie.monitoring.alerting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vigie.monitoring.CheckResults;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.Ports;
import io.vigie.monitoring.metrics.RealPrometheus;
import io.vigie.testkit.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The Alertmanager webhook receiver: fed by a real Alertmanager (Debian's prometheus-alertmanager),
 * its alerts become the same AlertFired / AlertResolved events; bad payloads answer 400 naming the
 * field; only agents may post.
 */
@QuarkusTest
class AlertmanagerTest {

  private static final String WEBHOOK = "/api/v1/integrations/alertmanager";

  @Test
  void aRealAlertmanagerFiresAndResolvesThroughTheWebhook() throws Exception {
    String tenant = "am-" + UUID.randomUUID().toString().substring(0, 8);
    UUID server = InventoryFeed.serverHosting(tenant);
    Path dir =
        Files.createTempDirectory(Files.createDirectories(Path.of("target")), "real-alertmanager-");
    int port = Ports.free();
    Files.writeString(
        dir.resolve("alertmanager.yml"),
        """
        route:
          receiver: vigie
          group_by: [alertname, server_id]
          group_wait: 100ms
          group_interval: 100ms
          repeat_interval: 1h
        receivers:
          - name: vigie
            webhook_configs:
              - url: http://127.0.0.1:%d%s
                send_resolved: true
                http_config:
                  authorization:
                    type: Bearer
                    credentials: %s
        """
            .formatted(RestAssured.port, WEBHOOK, TestTokens.agent()));
    Process alertmanager =
        new ProcessBuilder(
                RealPrometheus.binary("prometheus-alertmanager", "prometheus-alertmanager"),
                "--config.file=" + dir.resolve("alertmanager.yml").toAbsolutePath(),
                "--storage.path=" + dir.resolve("data").toAbsolutePath(),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      URI api = URI.create("http://127.0.0.1:" + port + "/api/v2/alerts");
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(20))
          .ignoreExceptions()
          .until(
              () ->
                  http.send(
                              HttpRequest.newBuilder(
                                      URI.create("http://127.0.0.1:" + port + "/-/ready"))
                                  .build(),
                              HttpResponse.BodyHandlers.discarding())
                          .statusCode()
                      == 200);
      String startsAt = Instant.now().minusSeconds(30).toString();
      String alert =
          """
          [{"labels": {"alertname": "NodeFilesystemAlmostFull", "severity": "critical",
                       "instance": "hv:9100", "server_id": "%s", "mountpoint": "/var"},
            "annotations": {"summary": "/var on hv is 97%% full",
                            "runbook_url": "https://wiki.example.net/runbooks/filesystem"},
            "startsAt": "%s"%s}]
          """;
      post(http, api, alert.formatted(server, startsAt, ""));
      List<ConsumerRecord<String, String>> fired = CheckResults.alertsFired(server, 1);
      assertThat(fired).hasSize(1);
      assertThat(fired.get(0).value())
          .contains("\"tenants\":[\"" + tenant + "\"]")
          .contains("/var on hv is 97% full")
          .contains("\"severity\":\"critical\"")
          // Prometheus' runbook_url annotation is the alert's runbook, its alertname the rule
          .contains("\"rule\":\"NodeFilesystemAlmostFull\"")
          .contains("\"runbook\":\"https://wiki.example.net/runbooks/filesystem\"");

      post(http, api, alert.formatted(server, startsAt, ", \"endsAt\": \"" + Instant.now() + "\""));
      List<ConsumerRecord<String, String>> resolved = CheckResults.alertsResolved(server, 1);
      assertThat(resolved).hasSize(1);
      // exactly one AlertFired for the episode: everything committed by now is read
      assertThat(CheckResults.alertsFired(server, 1)).hasSize(1);
      CheckResults.alertsListed(TestTokens.engineer(), server, Map.of())
          .body("items.size()", equalTo(1))
          .body("items[0].source", equalTo("alertmanager:NodeFilesystemAlmostFull"))
          .body("items[0].state", equalTo("RESOLVED"));
    } finally {
      RealPrometheus.kill(alertmanager);
    }
  }

  private static void post(HttpClient http, URI api, String body) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(api)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  private static Map<String, Object> payload(String version, Map<String, Object> alert) {
    return Map.of(
        "version", version, "status", "firing", "receiver", "vigie", "alerts", List.of(alert));
  }

  @Test
  void badPayloadsAreRefusedNamingTheFieldAndOnlyAgentsPost() {
    Map<String, Object> good =
        Map.of(
            "status", "firing",
            "labels", Map.of("alertname", "X", "instance", "nowhere:9100"),
            "startsAt", "2026-11-20T10:00:00Z",
            "fingerprint", "abc");
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .contentType(ContentType.JSON)
        .body(payload("4", good))
        .post(WEBHOOK)
        .then()
        .statusCode(200)
        .body("unattributed", equalTo(1));
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .contentType(ContentType.JSON)
        .body(payload("3", good))
        .post(WEBHOOK)
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.containsString("version"));
    Map<String, Object> noStart = new java.util.HashMap<>(good);
    noStart.remove("startsAt");
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .contentType(ContentType.JSON)
        .body(payload("4", noStart))
        .post(WEBHOOK)
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.containsString("startsAt"));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .contentType(ContentType.JSON)
        .body(payload("4", good))
        .post(WEBHOOK)
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.client("lumiere"))
        .contentType(ContentType.JSON)
        .body(payload("4", good))
        .post(WEBHOOK)
        .then()
        .statusCode(403);
  }
}
