package io.vigie.monitoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.testkit.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckResultsTest {

  @Test
  void resultsAreRecordedOnceAndCountConsecutiveFailures() {
    UUID server = UUID.randomUUID();
    String hostname = "web-" + server + ".example.net";
    InventoryFeed.publish(
        server.toString(),
        new ServerRegistered(InventoryFeed.server(server, hostname, ServerStatus.ACTIVE, 1)));
    InventoryFeed.awaitTarget(server, "ACTIVE");

    Map<String, Object> batch =
        Map.of(
            "results",
            List.of(
                result(
                    server.toString(),
                    null,
                    "CRITICAL",
                    "2026-11-21T22:00:00Z",
                    "HTTP CRITICAL - 500",
                    "time=0.05s;1;2;0"),
                result(
                    null, hostname, "CRITICAL", "2026-11-21T22:01:00Z", "HTTP CRITICAL - 500", ""),
                result(
                    server.toString(),
                    null,
                    "OK",
                    "2026-11-21T22:00:00Z",
                    "DISK OK",
                    "/=2643MB;5948;5958;0;5968")));
    agent()
        .body(batch)
        .post("/api/v1/check-results")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(3))
        .body("duplicates", equalTo(0));
    // the agent retries the same batch: nothing recorded twice
    agent()
        .body(batch)
        .post("/api/v1/check-results")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(0))
        .body("duplicates", equalTo(3));

    given()
        .auth()
        .oauth2(TestTokens.support())
        .queryParam("serverId", server)
        .queryParam("status", "CRITICAL")
        .get("/api/v1/check-results/state")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(1))
        .body("items[0].check", equalTo("check_http"))
        .body("items[0].consecutiveFailures", equalTo(2))
        .body("items[0].statusSince", equalTo("2026-11-21T22:00:00Z"));

    // a late result (older than the state) is kept in history but does not change the state
    agent()
        .body(
            Map.of(
                "results",
                List.of(
                    result(server.toString(), null, "OK", "2026-11-21T21:59:00Z", "HTTP OK", ""))))
        .post("/api/v1/check-results")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(1));
    given()
        .auth()
        .oauth2(TestTokens.support())
        .queryParam("serverId", server)
        .queryParam("status", "CRITICAL")
        .get("/api/v1/check-results/state")
        .then()
        .body("items[0].consecutiveFailures", equalTo(2));
  }

  @Test
  void aClientReadsTheChecksOfTheServersItRunsOnOnly() {
    UUID server = UUID.randomUUID();
    String tenant = "t-" + server.toString().substring(0, 8);
    InventoryFeed.publish(
        server.toString(),
        new ServerRegistered(
            InventoryFeed.server(server, "hv-" + server + ".example.net", ServerStatus.ACTIVE, 1)));
    InventoryFeed.publish(
        server.toString(),
        new io.vigie.events.inventory.VirtualMachineProvisioned(
            new io.vigie.events.inventory.VirtualMachineSnapshot(
                UUID.randomUUID(),
                "ct-" + tenant,
                io.vigie.events.inventory.GuestKind.LXC,
                server,
                UUID.randomUUID(),
                tenant,
                2,
                4,
                40,
                List.of("10.0.0.7"),
                "Debian 12",
                0)));
    InventoryFeed.awaitTarget(server, "ACTIVE");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(TestTokens.engineer())
                    .get("/api/v1/targets/" + server)
                    .then()
                    .body("tenants", equalTo(List.of(tenant))));
    agent()
        .body(
            Map.of(
                "results",
                List.of(
                    result(
                        server.toString(),
                        null,
                        "WARNING",
                        "2026-11-21T22:00:00Z",
                        "LOAD WARNING",
                        ""))))
        .post("/api/v1/check-results")
        .then()
        .statusCode(202);

    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .get("/api/v1/check-results/state")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(1))
        .body("items[0].serverId", equalTo(server.toString()));
    given()
        .auth()
        .oauth2(TestTokens.client("stranger"))
        .queryParam("serverId", server)
        .get("/api/v1/check-results/state")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(0));
  }

  @Test
  void aBadBatchIsRefusedWholeNamingTheResult() {
    UUID server = UUID.randomUUID();
    InventoryFeed.publish(
        server.toString(),
        new ServerRegistered(
            InventoryFeed.server(server, "db-" + server + ".example.net", ServerStatus.ACTIVE, 1)));
    InventoryFeed.awaitTarget(server, "ACTIVE");
    Map<String, Object> good =
        result(server.toString(), null, "OK", "2026-11-21T22:00:00Z", "OK", "");

    agent()
        .body(
            Map.of(
                "results",
                List.of(
                    good,
                    result(
                        UUID.randomUUID().toString(),
                        null,
                        "OK",
                        "2026-11-21T22:00:00Z",
                        "OK",
                        ""))))
        .post("/api/v1/check-results")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("results[1].serverId"));
    Map<String, Object> unknownService = new java.util.HashMap<>(good);
    unknownService.put("executedAt", "2026-11-21T22:05:00Z");
    unknownService.put("hostedServiceId", UUID.randomUUID().toString());
    agent()
        .body(Map.of("results", List.of(good, unknownService)))
        .post("/api/v1/check-results")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("results[1].hostedServiceId"));
    agent()
        .body(
            Map.of(
                "results",
                List.of(
                    good,
                    result(
                        server.toString(), null, "OK", "2026-11-21T22:00:00Z", "OK", "time=fast"))))
        .post("/api/v1/check-results")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("results[1].perfdata"));
    agent()
        .body(
            Map.of(
                "results",
                List.of(
                    result(server.toString(), null, "SORT_OF", "2026-11-21T22:00:00Z", "?", ""))))
        .post("/api/v1/check-results")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("results[0].status"))
        .body("errors[0].message", containsString("CRITICAL"));
    agent()
        .body(
            Map.of(
                "results",
                List.of(result(server.toString(), null, "OK", "2999-01-01T00:00:00Z", "OK", ""))))
        .post("/api/v1/check-results")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("results[0].executedAt"));
    // nothing of the refused batches was written
    given()
        .auth()
        .oauth2(TestTokens.support())
        .queryParam("serverId", server)
        .get("/api/v1/check-results/state")
        .then()
        .body("totalItems", equalTo(0));

    given()
        .auth()
        .oauth2(TestTokens.client("lumiere"))
        .contentType(ContentType.JSON)
        .body(Map.of("results", List.of(good)))
        .post("/api/v1/check-results")
        .then()
        .statusCode(403);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("results", List.of(good)))
        .post("/api/v1/check-results")
        .then()
        .statusCode(401);
  }

  private static RequestSpecification agent() {
    return given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON);
  }

  private static Map<String, Object> result(
      String serverId, String hostname, String status, String at, String output, String perfdata) {
    Map<String, Object> r = new java.util.HashMap<>();
    if (serverId != null) {
      r.put("serverId", serverId);
    }
    if (hostname != null) {
      r.put("hostname", hostname);
    }
    r.put("check", output.startsWith("DISK") ? "check_disk" : "check_http");
    r.put("status", status);
    r.put("executedAt", at);
    r.put("output", output);
    r.put("perfdata", perfdata);
    return r;
  }
}
