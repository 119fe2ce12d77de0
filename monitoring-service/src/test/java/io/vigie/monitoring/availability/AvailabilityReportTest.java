package io.vigie.monitoring.availability;

import static io.restassured.RestAssured.given;
import static io.vigie.monitoring.CheckResults.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.events.inventory.ClientUpdated;
import io.vigie.events.inventory.ContractChanged;
import io.vigie.monitoring.CheckResults;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.testkit.EveryOperation;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A known September 2026 fed through the real APIs and events, against figures computed by hand.
 *
 * <p>September has 30 days = 43,200 min. The shop (a hosted service on server S) is down
 *
 * <ul>
 *   <li>from 23:58 on 31 August to 00:02 on 1 September: 2 min in September;
 *   <li>10 September 10:00-10:43 (43 min), of which 10:30-10:43 falls in an approved maintenance
 *       window on S, 10:30-11:30: 30 min count;
 *   <li>20 September 14:00-14:05: 5 min.
 * </ul>
 *
 * A WARNING on the 25th counts as up. Measured: 43,200 - 60 (maintenance) = 43,140 min; down: 2 +
 * 30 + 5 = 37 min; availability = 43,103 / 43,140 = 99.914232...%. A 99.95 % target allows 0.05 %
 * of 43,140 = 21.57 min: not met; 99.0 % allows 431.4 min: met.
 *
 * <p>The blog (on server S2, no maintenance) is up all month: 43,200 min measured. Overall,
 * weighted by time: (43,140 + 43,200 - 37) / 86,340 = 99.957146...%, within 99.95 % (43.17 min
 * allowed).
 *
 * <p>Server S itself (ping, a result with no hosted service) is down 15 September 03:00-03:30:
 * (43,140 - 30) / 43,140 = 99.930458...%.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class AvailabilityReportTest {

  private static final String SEPTEMBER = "from=2026-09-01T00:00:00Z&to=2026-10-01T00:00:00Z";

  @Inject Pool pool;

  @Test
  void aKnownMonthGivesTheHandComputedFiguresAndTheContractVerdict() {
    String code = "c-" + UUID.randomUUID().toString().substring(0, 8);
    UUID clientId = InventoryFeed.registerClient(code, "99.95");
    UUID s = InventoryFeed.activeServer("web");
    UUID s2 = InventoryFeed.activeServer("web");
    UUID shop = InventoryFeed.hostedService(code, clientId, "shop", s);
    UUID blog = InventoryFeed.hostedService(code, clientId, "blog", s2);

    CheckResults.report(
        List.of(
            result(s, shop, "check_http", "CRITICAL", "2026-08-31T23:58:00Z"),
            result(s, shop, "check_http", "OK", "2026-09-01T00:02:00Z"),
            result(s, shop, "check_tls", "OK", "2026-09-05T00:00:00Z"),
            result(s, shop, "check_http", "CRITICAL", "2026-09-10T10:00:00Z"),
            result(s, shop, "check_http", "CRITICAL", "2026-09-10T10:20:00Z"),
            result(s, shop, "check_http", "OK", "2026-09-10T10:43:00Z"),
            result(s, shop, "check_http", "CRITICAL", "2026-09-20T14:00:00Z"),
            result(s, shop, "check_http", "OK", "2026-09-20T14:05:00Z"),
            result(s, shop, "check_http", "WARNING", "2026-09-25T08:00:00Z"),
            result(s, null, "ping", "CRITICAL", "2026-09-15T03:00:00Z"),
            result(s, null, "ping", "OK", "2026-09-15T03:30:00Z"),
            result(s, null, "check_disk", "CRITICAL", "2026-09-16T03:00:00Z"),
            result(s2, blog, "check_http", "OK", "2026-09-02T00:00:00Z")));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .contentType("application/json")
        .body(
            Map.of(
                "serverIds", List.of(s.toString()),
                "startsAt", "2026-09-10T10:30:00Z",
                "endsAt", "2026-09-10T11:30:00Z",
                "reason", "Firmware update of the RAID controller"))
        .post("/api/v1/maintenance-windows")
        .then()
        .statusCode(201);

    as(TestTokens.support())
        .get("/api/v1/availability?hostedServiceId=" + shop + "&" + SEPTEMBER)
        .then()
        .statusCode(200)
        .body("hostedServiceId", equalTo(shop.toString()))
        .body("availabilityPercent", equalTo(new BigDecimal("99.914232")))
        .body("measured", equalTo("PT719H"))
        .body("maintenance", equalTo("PT1H"))
        .body("downtime", equalTo("PT37M"))
        .body("checks", equalTo(2))
        .body(
            "downtimes.start",
            contains("2026-09-01T00:00:00Z", "2026-09-10T10:00:00Z", "2026-09-20T14:00:00Z"))
        .body(
            "downtimes.end",
            contains("2026-09-01T00:02:00Z", "2026-09-10T10:30:00Z", "2026-09-20T14:05:00Z"))
        .body("maintenanceIntervals[0].start", equalTo("2026-09-10T10:30:00Z"));
    as(TestTokens.support())
        .get("/api/v1/availability?serverId=" + s + "&" + SEPTEMBER)
        .then()
        .statusCode(200)
        .body("availabilityPercent", equalTo(new BigDecimal("99.930458")))
        .body("downtime", equalTo("PT30M"))
        .body("checks", equalTo(1)); // ping only: check_disk is no availability check

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                as(TestTokens.client(code))
                    .get("/api/v1/availability/reports/" + code + "/2026-09")
                    .then()
                    .statusCode(200));
    as(TestTokens.client(code))
        .get("/api/v1/availability/reports/" + code + "/2026-09")
        .then()
        .statusCode(200)
        .body("clientCode", equalTo(code))
        .body("month", equalTo("2026-09"))
        .body("complete", equalTo(true))
        .body("target", equalTo(new BigDecimal("99.950")))
        .body("services.name", contains("blog", "shop"))
        .body("services[0].meets", equalTo(true))
        .body("services[0].availabilityPercent", equalTo(new BigDecimal("100.000000")))
        .body("services[1].meets", equalTo(false))
        .body("services[1].availabilityPercent", equalTo(new BigDecimal("99.914232")))
        .body("services[1].downtimes.size()", equalTo(3))
        .body("overall.availabilityPercent", equalTo(new BigDecimal("99.957146")))
        .body("overall.measured", equalTo("PT1439H"))
        .body("overall.downtime", equalTo("PT37M"))
        .body("overall.meets", equalTo(true))
        .body("overall.services", equalTo(2));

    // the contract is renegotiated to 99.0 %: the same month now meets it
    InventoryFeed.publish(
        new ContractChanged(InventoryFeed.clientSnapshot(clientId, code, "99.0", 2)));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                as(TestTokens.engineer())
                    .get("/api/v1/availability/reports/" + code + "/2026-09")
                    .then()
                    .body("target", equalTo(new BigDecimal("99.000")))
                    .body("services[1].meets", equalTo(true)));

    // a stale snapshot arriving late changes nothing
    String stale = UUID.randomUUID().toString();
    InventoryFeed.publish(
        clientId.toString(),
        stale,
        new ClientUpdated(InventoryFeed.clientSnapshot(clientId, code, "99.95", 1)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                pool.preparedQuery("select count(*) from processed_event where event_id = $1")
                        .execute(Tuple.of(stale))
                        .await()
                        .indefinitely()
                        .iterator()
                        .next()
                        .getLong(0)
                    == 1);
    as(TestTokens.engineer())
        .get("/api/v1/availability/reports/" + code + "/2026-09")
        .then()
        .body("target", equalTo(new BigDecimal("99.000")));
  }

  @Test
  void tenantsAreWallsAndBadPeriodsAreRefusedNamingTheField() {
    String code = "c-" + UUID.randomUUID().toString().substring(0, 8);
    UUID clientId = InventoryFeed.registerClient(code, "99.9");
    UUID server = InventoryFeed.activeServer("hv");
    UUID site = InventoryFeed.hostedService(code, clientId, "site", server);
    UUID otherServer = InventoryFeed.activeServer("hv");

    as(TestTokens.client(code))
        .get("/api/v1/availability?hostedServiceId=" + site + "&" + SEPTEMBER)
        .then()
        .statusCode(200)
        .body("checks", equalTo(0))
        .body("availabilityPercent", equalTo(new BigDecimal("100.000000")));
    as(TestTokens.client(code))
        .get("/api/v1/availability?serverId=" + server + "&" + SEPTEMBER)
        .then()
        .statusCode(200);
    as(TestTokens.client(code))
        .get("/api/v1/availability?serverId=" + otherServer + "&" + SEPTEMBER)
        .then()
        .statusCode(404);
    as(TestTokens.client("stranger"))
        .get("/api/v1/availability?hostedServiceId=" + site + "&" + SEPTEMBER)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    as(TestTokens.client("stranger"))
        .get("/api/v1/availability/reports/" + code + "/2026-09")
        .then()
        .statusCode(404);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                as(TestTokens.support())
                    .get("/api/v1/availability/reports/" + code + "/2026-09")
                    .then()
                    .statusCode(200)
                    .body("services[0].hostedServiceId", equalTo(site.toString())));
    as(TestTokens.support())
        .get("/api/v1/availability/reports/no-such-client/2026-09")
        .then()
        .statusCode(404);
    as(TestTokens.agent())
        .get("/api/v1/availability?hostedServiceId=" + site + "&" + SEPTEMBER)
        .then()
        .statusCode(403);
    as(TestTokens.agent())
        .get("/api/v1/availability/reports/" + code + "/2026-09")
        .then()
        .statusCode(403);
    given().get("/api/v1/availability/reports/" + code + "/2026-09").then().statusCode(401);
    given().get("/api/v1/availability?serverId=" + server + "&" + SEPTEMBER).then().statusCode(401);

    badRequest(
        "/api/v1/availability?serverId="
            + server
            + "&from=2026-09-02T00:00:00Z&to=2026-09-01T00:00:00Z",
        "to");
    badRequest(
        "/api/v1/availability?serverId="
            + server
            + "&from=2025-01-01T00:00:00Z&to=2026-09-01T00:00:00Z",
        "to");
    badRequest(
        "/api/v1/availability?serverId=" + server + "&from=yesterday&to=2026-09-01T00:00:00Z",
        "from");
    badRequest("/api/v1/availability?serverId=" + server + "&to=2026-09-01T00:00:00Z", "from");
    badRequest(
        "/api/v1/availability?serverId="
            + server
            + "&from=2099-01-01T00:00:00Z&to=2099-02-01T00:00:00Z",
        "from");
    badRequest("/api/v1/availability?" + SEPTEMBER, "serverId");
    badRequest(
        "/api/v1/availability?serverId=" + server + "&hostedServiceId=" + site + "&" + SEPTEMBER,
        "serverId");
    badRequest("/api/v1/availability/reports/" + code + "/2026-13", "month");
    badRequest("/api/v1/availability/reports/" + code + "/September", "month");
    badRequest("/api/v1/availability/reports/" + code + "/2099-01", "month");
  }

  @Test
  void theStatusPagesReaderReadsAnyTargetsAvailabilityAndCallsNothingElse() {
    String code = "c-" + UUID.randomUUID().toString().substring(0, 8);
    UUID server = InventoryFeed.activeServer("web");
    UUID shop = InventoryFeed.hostedService(code, "shop", server);
    CheckResults.report(
        List.of(
            result(server, shop, "check_http", "CRITICAL", "2026-09-10T10:00:00Z"),
            result(server, shop, "check_http", "OK", "2026-09-10T10:30:00Z"),
            result(server, null, "ping", "OK", "2026-09-01T00:00:00Z")));
    String reader = TestTokens.statusReader();

    // a published platform's targets are any client's: the reader gets their figures
    as(reader)
        .get("/api/v1/availability?hostedServiceId=" + shop + "&" + SEPTEMBER)
        .then()
        .statusCode(200)
        .body("hostedServiceId", equalTo(shop.toString()))
        .body("downtime", equalTo("PT30M"));
    as(reader)
        .get("/api/v1/availability?serverId=" + server + "&" + SEPTEMBER)
        .then()
        .statusCode(200)
        .body("checks", equalTo(1));
    as(reader)
        .get("/api/v1/availability?serverId=" + UUID.randomUUID() + "&" + SEPTEMBER)
        .then()
        .statusCode(404);

    // no client's report, alerts or targets, and no write
    as(reader).get("/api/v1/availability/reports/" + code + "/2026-09").then().statusCode(403);
    as(reader).get("/api/v1/alerts").then().statusCode(403);
    as(reader).get("/api/v1/targets/" + server).then().statusCode(403);
    as(reader)
        .contentType("application/json")
        .body(
            Map.of(
                "serverIds", List.of(server.toString()),
                "startsAt", "2099-09-10T10:30:00Z",
                "endsAt", "2099-09-10T11:30:00Z",
                "reason", "Not the reader's to plan"))
        .post("/api/v1/maintenance-windows")
        .then()
        .statusCode(403);
    as(TestTokens.support())
        .get("/api/v1/maintenance-windows?serverId=" + server)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));

    // and every operation of the service, swept: 403 but for that read
    List<EveryOperation.Answer> answers = EveryOperation.calledWith(reader);
    assertThat(answers).hasSizeGreaterThan(30);
    assertThat(answers)
        .filteredOn(answer -> answer.status() != 403)
        .extracting(EveryOperation.Answer::operationId)
        .containsExactly("getAvailability");
  }

  private static void badRequest(String path, String field) {
    as(TestTokens.support())
        .get(path)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo(field));
  }

  private static RequestSpecification as(String token) {
    return given()
        .config(
            RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL)))
        .auth()
        .oauth2(token);
  }
}
