package io.vigie.monitoring.alerting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigie.events.inventory.GuestKind;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.events.inventory.VirtualMachineProvisioned;
import io.vigie.events.inventory.VirtualMachineSnapshot;
import io.vigie.events.monitoring.MonitoringEvents;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Three failures in a row fire exactly one AlertFired on Kafka; the next OK resolves it. */
@QuarkusTest
class CheckAlertsTest {

  @Test
  void consecutiveFailuresFireOneAlertWithTheAffectedClientAndOkResolvesIt() {
    UUID server = UUID.randomUUID();
    String tenant = "t-" + server.toString().substring(0, 8);
    InventoryFeed.publish(
        server.toString(),
        new ServerRegistered(
            InventoryFeed.server(
                server, "web-" + server + ".example.net", ServerStatus.ACTIVE, 1)));
    InventoryFeed.publish(
        server.toString(),
        new VirtualMachineProvisioned(
            new VirtualMachineSnapshot(
                UUID.randomUUID(),
                "vm-" + tenant,
                GuestKind.VM,
                server,
                UUID.randomUUID(),
                tenant,
                2,
                4,
                40,
                List.of("10.0.0.9"),
                "Debian 12",
                0)));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(TestTokens.engineer())
                    .get("/api/v1/targets/" + server)
                    .then()
                    .statusCode(200)
                    .body("tenants", org.hamcrest.Matchers.equalTo(List.of(tenant))));

    Instant t0 = Instant.parse("2026-11-21T22:00:00Z");
    report(server, "CRITICAL", t0, t0.plusSeconds(60));
    report(
        server,
        "CRITICAL",
        t0.plusSeconds(120),
        t0.plusSeconds(180)); // 4th failure: still one alert

    List<ConsumerRecord<String, String>> fired =
        KafkaEvents.await(
            MonitoringEvents.TOPIC,
            r ->
                MonitoringEvents.ALERT_FIRED.equals(KafkaEvents.header(r, "ce_type"))
                    && r.value().contains(server.toString()),
            1,
            Duration.ofSeconds(30));
    assertThat(fired).hasSize(1);
    assertThat(fired.get(0).value())
        .contains("\"tenants\":[\"" + tenant + "\"]")
        .contains("\"startedAt\":\"2026-11-21T22:00:00Z\"")
        .contains("\"severity\":\"critical\"");

    report(server, "OK", t0.plusSeconds(240));
    List<ConsumerRecord<String, String>> resolved =
        KafkaEvents.await(
            MonitoringEvents.TOPIC,
            r ->
                MonitoringEvents.ALERT_RESOLVED.equals(KafkaEvents.header(r, "ce_type"))
                    && r.value().contains(server.toString()),
            1,
            Duration.ofSeconds(30));
    assertThat(resolved).hasSize(1);
    assertThat(resolved.get(0).key()).isEqualTo(fired.get(0).key());
  }

  private static void report(UUID server, String status, Instant... times) {
    List<Map<String, Object>> results =
        java.util.Arrays.stream(times)
            .map(
                at ->
                    Map.<String, Object>of(
                        "serverId",
                        server.toString(),
                        "check",
                        "check_http",
                        "status",
                        status,
                        "output",
                        "HTTP " + status,
                        "perfdata",
                        "",
                        "executedAt",
                        at.toString()))
            .toList();
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .contentType(ContentType.JSON)
        .body(Map.of("results", results))
        .post("/api/v1/check-results")
        .then()
        .statusCode(202);
  }
}
