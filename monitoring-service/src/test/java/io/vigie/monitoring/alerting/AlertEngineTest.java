package io.vigie.monitoring.alerting;

import static io.restassured.RestAssured.given;
import static io.vigie.monitoring.CheckResults.alertsFired;
import static io.vigie.monitoring.CheckResults.alertsListed;
import static io.vigie.monitoring.CheckResults.alertsResolved;
import static io.vigie.monitoring.CheckResults.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.testkit.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The alerting engine through check results: history and its tenant walls, grouping under a
 * host-down alert, silence while the server is in maintenance.
 */
@QuarkusTest
class AlertEngineTest {

  @Test
  void historyKeepsEveryStateChangeAndEachClientSeesOnlyItsAlerts() {
    String tenant = "h-" + UUID.randomUUID().toString().substring(0, 8);
    UUID server = InventoryFeed.serverHosting(tenant);
    Instant t0 = Instant.parse("2026-11-20T08:00:00Z");
    report(server, "check_disk", "WARNING", t0, t0.plusSeconds(60), t0.plusSeconds(120));
    report(server, "check_disk", "OK", t0.plusSeconds(180));
    assertThat(alertsResolved(server, 1)).hasSize(1);

    String id =
        given()
            .auth()
            .oauth2(TestTokens.client(tenant))
            .queryParam("from", "2026-11-20T00:00:00Z")
            .queryParam("to", "2026-11-21T00:00:00Z")
            .get("/api/v1/alerts")
            .then()
            .statusCode(200)
            .body("items.size()", equalTo(1))
            .body("items[0].state", equalTo("RESOLVED"))
            .body("items[0].severity", equalTo("warning"))
            .body("items[0].startedAt", equalTo("2026-11-20T08:00:00Z"))
            .body("items[0].resolvedAt", equalTo("2026-11-20T08:03:00Z"))
            .extract()
            .path("items[0].id");
    given()
        .auth()
        .oauth2(TestTokens.support())
        .get("/api/v1/alerts/" + id)
        .then()
        .statusCode(200)
        .body("clients", equalTo(List.of(tenant)))
        .body("transitions.state", equalTo(List.of("PENDING", "FIRING", "NOTIFIED", "RESOLVED")));
    // the period filter: an alert over before the period is not in it
    alertsListed(TestTokens.support(), server, Map.of("from", "2026-11-20T09:00:00Z"))
        .body("items.size()", equalTo(0));

    // walls: another client sees nothing of it, agents read no alerts, no token is 401
    given()
        .auth()
        .oauth2(TestTokens.client("someone-else"))
        .get("/api/v1/alerts/" + id)
        .then()
        .statusCode(404);
    alertsListed(TestTokens.client("someone-else"), server, Map.of())
        .body("items.size()", equalTo(0));
    given()
        .auth()
        .oauth2(TestTokens.client("someone-else"))
        .queryParam("client", tenant)
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
    given().auth().oauth2(TestTokens.agent()).get("/api/v1/alerts").then().statusCode(403);
    given().get("/api/v1/alerts/" + id).then().statusCode(401);
    given()
        .auth()
        .oauth2(TestTokens.support())
        .queryParam("state", "BURNING")
        .get("/api/v1/alerts")
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.containsString("state"));
  }

  @Test
  void whenTheHostIsDownItsOtherAlertsAreGroupedUnderItAndPageOnlyOnceItIsBack() {
    String tenant = "g-" + UUID.randomUUID().toString().substring(0, 8);
    UUID server = InventoryFeed.serverHosting(tenant);
    Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
    report(server, "host-alive", "CRITICAL", t0, t0.plusSeconds(30), t0.plusSeconds(60));
    assertThat(alertsFired(server, 1)).hasSize(1);

    report(
        server,
        "check_http",
        "CRITICAL",
        t0.plusSeconds(70),
        t0.plusSeconds(100),
        t0.plusSeconds(130));
    // only the host-down alert paged (results are applied in the request: all it published is read)
    assertThat(alertsFired(server, 1)).hasSize(1);
    alertsListed(TestTokens.engineer(), server, Map.of("state", "FIRING"))
        .body("items.size()", equalTo(2))
        .body("items.source", hasItems("check:host-alive", "check:check_http"))
        .body("items.find { it.source == 'check:check_http' }.notified", equalTo(false))
        .body(
            "items.find { it.source == 'check:check_http' }.groupedUnder",
            org.hamcrest.Matchers.notNullValue());

    // the host answers again, the web check still fails: now it pages on its own
    report(server, "host-alive", "OK", t0.plusSeconds(160));
    report(server, "check_http", "CRITICAL", t0.plusSeconds(190));
    List<ConsumerRecord<String, String>> fired = alertsFired(server, 2);
    assertThat(fired).hasSize(2);
    // one event per alert, keyed by fingerprint: partitions give no order between the two
    assertThat(fired)
        .extracting(ConsumerRecord::value)
        .anySatisfy(event -> assertThat(event).contains("check_http CRITICAL"));
  }

  @Test
  void aServerInMaintenanceIsSilencedAndPagesIfStillBrokenAfterwards() {
    String tenant = "m-" + UUID.randomUUID().toString().substring(0, 8);
    UUID server = InventoryFeed.serverHosting(tenant);
    String hostname = InventoryFeed.hostname("hv", server);
    InventoryFeed.updateServer(server, hostname, ServerStatus.MAINTENANCE, 2);
    Instant t0 = Instant.parse("2026-11-20T12:00:00Z");
    report(server, "check_ssh", "CRITICAL", t0, t0.plusSeconds(60), t0.plusSeconds(120));
    assertThat(alertsFired(server, 0)).isEmpty();
    alertsListed(TestTokens.engineer(), server, Map.of())
        .body("items[0].state", equalTo("FIRING"))
        .body("items[0].suppressedBy", equalTo("server-maintenance"))
        .body("items[0].notified", equalTo(false));

    InventoryFeed.updateServer(server, hostname, ServerStatus.ACTIVE, 3);
    report(server, "check_ssh", "CRITICAL", t0.plusSeconds(180));
    assertThat(alertsFired(server, 1)).hasSize(1);
    report(server, "check_ssh", "OK", t0.plusSeconds(240));
    assertThat(alertsResolved(server, 1)).hasSize(1);
  }

  @Test
  void aMaintenanceWindowSuppressesExactlyItsTargetsAndOnlyDuringIt() {
    UUID covered = InventoryFeed.serverHosting("w-" + UUID.randomUUID().toString().substring(0, 8));
    UUID other = InventoryFeed.serverHosting("w-" + UUID.randomUUID().toString().substring(0, 8));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "serverIds", List.of(covered.toString()),
                "startsAt", "2026-11-19T10:00:00Z",
                "endsAt", "2026-11-19T11:00:00Z",
                "reason", "kernel upgrade"))
        .post("/api/v1/maintenance-windows")
        .then()
        .statusCode(201);
    Instant t0 = Instant.parse("2026-11-19T10:10:00Z");
    for (UUID server : List.of(covered, other)) {
      report(server, "check_ssh", "CRITICAL", t0, t0.plusSeconds(60), t0.plusSeconds(120));
    }
    assertThat(alertsFired(other, 1)).hasSize(1);
    assertThat(alertsFired(covered, 0)).isEmpty();
    alertsListed(TestTokens.engineer(), covered, Map.of())
        .body("items[0].suppressedBy", equalTo("maintenance-window"))
        .body("items[0].notified", equalTo(false));

    // still failing once the window is over: now it pages
    report(covered, "check_ssh", "CRITICAL", Instant.parse("2026-11-19T11:02:00Z"));
    assertThat(alertsFired(covered, 1)).hasSize(1);
  }
}
