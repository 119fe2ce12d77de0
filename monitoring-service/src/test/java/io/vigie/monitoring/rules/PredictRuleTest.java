package io.vigie.monitoring.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vigie.events.monitoring.MonitoringEvents;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.metrics.RemoteWriteClient;
import io.vigie.monitoring.metrics.SeriesLabels;
import io.vigie.monitoring.metrics.WriteRequest;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.PublishedEvents;
import io.vigie.testkit.TestTokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A PREDICT rule (the free space's least-squares line read an hour ahead, below 0): evaluated at
 * instants the test chooses, it stays quiet while the forecast is above the threshold and fires
 * once the forecast crosses it inside the horizon.
 */
@QuarkusTest
class PredictRuleTest {

  static final double GIB = 1024.0 * 1024 * 1024;

  @Inject RuleEngine engine;

  @Test
  void aPredictRuleFiresWhenTheForecastCrossesInsideItsHorizonAndNotBefore() throws Throwable {
    String tenant = "pr-" + UUID.randomUUID().toString().substring(0, 8);
    UUID server = InventoryFeed.serverHosting(tenant);
    String mount = "/srv/" + tenant;
    // free space 75 GiB at t0, 1 GiB less every minute; a sample every 30 s up to t0 + 19 min
    // (9 minutes ahead of the receiver's clock, inside its 10-minute tolerance)
    long t0 = System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();
    List<WriteRequest.TimeSeries> series = new ArrayList<>();
    for (int i = 0; i <= 38; i++) {
      long at = t0 + i * 30_000L;
      Map<String, String> labels = new HashMap<>();
      labels.put("__name__", "node_filesystem_avail_bytes");
      labels.put("instance", "10.7.7.7:9100");
      labels.put("server_id", server.toString());
      labels.put("mountpoint", mount);
      labels.put("fstype", "ext4");
      series.add(WriteRequest.TimeSeries.of(SeriesLabels.of(labels), at, (75 - i / 2.0) * GIB));
    }
    RemoteWriteClient.send(new WriteRequest(series)).then().statusCode(204);

    String name = "fills-within-1h-" + tenant;
    Map<String, Object> rule = new HashMap<>();
    rule.put("name", name);
    rule.put("kind", "METRIC");
    rule.put(
        "expr",
        Map.of(
            "selector",
            Map.of(
                "metric", "node_filesystem_avail_bytes",
                "matchers", List.of(Map.of("label", "mountpoint", "op", "=", "value", mount)),
                "function", "PREDICT",
                "window", "5m",
                "horizon", "1h")));
    rule.put("comparison", "<");
    rule.put("threshold", 0);
    rule.put("severity", "warning");
    rule.put("annotations", Map.of("summary", "{{ $labels.mountpoint }} full within the hour"));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .contentType(ContentType.JSON)
        .body(rule)
        .post("/api/v1/alert-rules")
        .then()
        .statusCode(201);

    // at t0 + 14 min: 61 GiB free, -1 GiB a minute: 1 GiB left in an hour, no alert. (The
    // periodic evaluation at the real time, t0 + 10 min, forecasts 5 GiB: no alert either.)
    evaluate(Instant.ofEpochMilli(t0 + Duration.ofMinutes(14).toMillis()));
    // (the default pack's 4-hour forecast may hold a pending alert on the server: only this
    // rule's count)
    assertThat(openAlerts(server, name)).isZero();
    // at t0 + 16 min: 59 GiB, -1 GiB left in an hour: the forecast crossed 0 inside the horizon
    evaluate(Instant.ofEpochMilli(t0 + Duration.ofMinutes(16).toMillis()));
    assertThat(
            PublishedEvents.await(
                MonitoringEvents.TOPIC,
                r ->
                    MonitoringEvents.ALERT_FIRED.equals(KafkaEvents.header(r, "ce_type"))
                        && r.value().contains(mount + " full within the hour"),
                1,
                Duration.ofSeconds(30)))
        .hasSize(1);
  }

  private void evaluate(Instant at) throws Throwable {
    VertxContextSupport.subscribeAndAwait(() -> engine.evaluate(at));
  }

  private static int openAlerts(UUID server, String rule) {
    return given()
        .auth()
        .oauth2(TestTokens.support())
        .get("/api/v1/alerts?serverId=" + server + "&state=open&source=rule:" + rule)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items")
        .size();
  }
}
