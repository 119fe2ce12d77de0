package io.vigie.monitoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigie.events.inventory.GuestKind;
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
    String hostname = InventoryFeed.hostname("web", server);
    InventoryFeed.registerServer(server, hostname);

    List<Map<String, Object>> batch =
        List.of(
            result(
                server.toString(),
                null,
                "CRITICAL",
                "2026-11-21T22:00:00Z",
                "HTTP CRITICAL - 500",
                "time=0.05s;1;2;0"),
            result(null, hostname, "CRITICAL", "2026-11-21T22:01:00Z", "HTTP CRITICAL - 500", ""),
            result(
                server.toString(),
                null,
                "OK",
                "2026-11-21T22:00:00Z",
                "DISK OK",
                "/=2643MB;5948;5958;0;5968"));
    CheckResults.post(batch)
        .statusCode(202)
        .body("accepted", equalTo(3))
        .body("duplicates", equalTo(0));
    // the agent retries the same batch: nothing recorded twice
    CheckResults.post(batch)
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
        .body("items.size()", equalTo(1))
        .body("items[0].check", equalTo("check_http"))
        .body("items[0].consecutiveFailures", equalTo(2))
        .body("items[0].statusSince", equalTo("2026-11-21T22:00:00Z"));

    // a late result (older than the state) is kept in history but does not change the state
    CheckResults.post(
            List.of(result(server.toString(), null, "OK", "2026-11-21T21:59:00Z", "HTTP OK", "")))
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
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    UUID server = InventoryFeed.activeServer("hv");
    InventoryFeed.guest(server, tenant, GuestKind.LXC);
    CheckResults.post(
            List.of(
                result(
                    server.toString(),
                    null,
                    "WARNING",
                    "2026-11-21T22:00:00Z",
                    "LOAD WARNING",
                    "")))
        .statusCode(202);

    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .get("/api/v1/check-results/state")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].serverId", equalTo(server.toString()));
    given()
        .auth()
        .oauth2(TestTokens.client("stranger"))
        .queryParam("serverId", server)
        .get("/api/v1/check-results/state")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }

  @Test
  void aBadBatchIsRefusedWholeNamingTheResult() {
    UUID server = InventoryFeed.activeServer("db");
    Map<String, Object> good =
        result(server.toString(), null, "OK", "2026-11-21T22:00:00Z", "OK", "");

    CheckResults.post(
            List.of(
                good,
                result(UUID.randomUUID().toString(), null, "OK", "2026-11-21T22:00:00Z", "OK", "")))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("results[1].serverId"));
    Map<String, Object> unknownService = new java.util.HashMap<>(good);
    unknownService.put("executedAt", "2026-11-21T22:05:00Z");
    unknownService.put("hostedServiceId", UUID.randomUUID().toString());
    CheckResults.post(List.of(good, unknownService))
        .statusCode(400)
        .body("errors[0].field", equalTo("results[1].hostedServiceId"));
    CheckResults.post(
            List.of(
                good,
                result(server.toString(), null, "OK", "2026-11-21T22:00:00Z", "OK", "time=fast")))
        .statusCode(400)
        .body("errors[0].field", equalTo("results[1].perfdata"));
    CheckResults.post(
            List.of(result(server.toString(), null, "SORT_OF", "2026-11-21T22:00:00Z", "?", "")))
        .statusCode(400)
        .body("errors[0].field", equalTo("results[0].status"))
        .body("errors[0].message", containsString("CRITICAL"));
    CheckResults.post(
            List.of(result(server.toString(), null, "OK", "2999-01-01T00:00:00Z", "OK", "")))
        .statusCode(400)
        .body("errors[0].field", equalTo("results[0].executedAt"));
    // nothing of the refused batches was written
    given()
        .auth()
        .oauth2(TestTokens.support())
        .queryParam("serverId", server)
        .get("/api/v1/check-results/state")
        .then()
        .body("items.size()", equalTo(0));

    given()
        .auth()
        .oauth2(TestTokens.client("lumiere"))
        .contentType(ContentType.JSON)
        .body(Map.of("results", List.of(good)))
        .post(CheckResults.PATH)
        .then()
        .statusCode(403);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("results", List.of(good)))
        .post(CheckResults.PATH)
        .then()
        .statusCode(401);
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
