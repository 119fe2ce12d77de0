package io.vigie.ticket.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.InventoryFeed;
import io.vigie.ticket.MovableTime;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client's self-service request from the catalogue, through its whole life: the request clock
 * (the category's time in the client's support hours), public comments, waiting for the client and
 * its answer resuming the clock, resolution, reopening within the period, confirmation; tenant
 * walls, internal notes and bad input.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class SelfServiceRequestTest {

  static final String REQUESTS = "/api/v1/requests";
  static final String TICKETS = "/api/v1/tickets";

  @Inject MovableTime time;

  @AfterEach
  void realTime() {
    time.release();
  }

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  static Map<String, Object> request(String category, String title) {
    Map<String, Object> body = new HashMap<>();
    body.put("category", category);
    body.put("title", title);
    body.put("description", "PHP 8.3, same size as production");
    return body;
  }

  static String version(String id) {
    return as(TestTokens.engineer()).get(TICKETS + "/" + id).then().extract().header("ETag");
  }

  @Test
  void aClientAsksForANewEnvironmentAndTheRequestClockFollowsItsLife() {
    String tenant = InventoryFeed.tenant("pkgdata");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    String client = TestTokens.client(tenant);
    time.set(Instant.parse("2026-11-30T08:00:00Z"));

    as(client)
        .get("/api/v1/request-categories")
        .then()
        .statusCode(200)
        .body("code", hasItem("new-environment"))
        .body("find { it.code == 'new-environment' }.handleWithin", equalTo("PT48H"));

    String key = "req-" + UUID.randomUUID();
    String id =
        as(client)
            .header("Idempotency-Key", key)
            .body(request("new-environment", "Staging for the shop"))
            .post(REQUESTS)
            .then()
            .statusCode(201)
            .header("Location", containsString(TICKETS + "/"))
            .body("type", equalTo("REQUEST"))
            .body("reference", matchesPattern("REQ-2026-\\d{6}"))
            .body("tenant", equalTo(tenant))
            .body("status", equalTo("NEW"))
            .body("priority", equalTo("P4"))
            .body("request.category", equalTo("new-environment"))
            .body("request.handleWithin", equalTo("PT48H"))
            // P4 has no GTI in this contract; the request clock is the resolution clock
            .body("interventionClock", nullValue())
            .body("resolutionClock.target", equalTo("PT48H"))
            .body("resolutionClock.deadline", equalTo("2026-12-02T08:00:00Z"))
            .extract()
            .path("id");
    as(client)
        .header("Idempotency-Key", key)
        .body(request("new-environment", "Staging for the shop"))
        .post(REQUESTS)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(id));
    // the read path renders the same request terms
    as(client)
        .get(TICKETS + "/" + id)
        .then()
        .statusCode(200)
        .body("request.category", equalTo("new-environment"))
        .body("request.handleWithin", equalTo("PT48H"));

    time.set(Instant.parse("2026-11-30T09:00:00Z"));
    as(client)
        .body(Map.of("body", "The same domain as production, with a staging. prefix"))
        .post(TICKETS + "/" + id + "/comments")
        .then()
        .statusCode(201)
        .body("visibility", equalTo("PUBLIC"));

    // staff ask a question: waiting for the client pauses the request clock
    time.set(Instant.parse("2026-11-30T10:00:00Z"));
    as(TestTokens.support())
        .body(Map.of("body", "Which database size do you need?", "visibility", "PUBLIC"))
        .post(TICKETS + "/" + id + "/comments")
        .then()
        .statusCode(201);
    as(TestTokens.support())
        .header("If-Match", version(id))
        .body(Map.of("status", "WAITING_FOR_CLIENT"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200)
        .body("resolutionClock.phase", equalTo("PAUSED"))
        .body("resolutionClock.deadline", nullValue());

    // the client's answer resumes it ten hours later: 2 h used, 46 h left
    time.set(Instant.parse("2026-11-30T20:00:00Z"));
    as(client)
        .body(Map.of("body", "20 GB is plenty"))
        .post(TICKETS + "/" + id + "/comments")
        .then()
        .statusCode(201);
    as(client)
        .get(TICKETS + "/" + id)
        .then()
        .body("status", equalTo("IN_PROGRESS"))
        .body("resolutionClock.phase", equalTo("RUNNING"))
        .body("resolutionClock.deadline", equalTo("2026-12-02T18:00:00Z"));

    // resolved, then reopened by the client the next day: the clock resumes where it paused
    time.set(Instant.parse("2026-12-01T10:00:00Z"));
    as(TestTokens.engineer())
        .header("If-Match", version(id))
        .body(Map.of("status", "RESOLVED"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200)
        .body("resolutionClock.phase", equalTo("PAUSED"));
    time.set(Instant.parse("2026-12-02T10:00:00Z"));
    as(client)
        .header("If-Match", version(id))
        .body(Map.of("status", "IN_PROGRESS"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_PROGRESS"))
        // 16 h used (08:00-10:00 and 20:00-10:00), 32 h left from 10:00
        .body("resolutionClock.deadline", equalTo("2026-12-03T18:00:00Z"));

    // resolved again; past the reopen period (7 days) the client may only confirm
    time.set(Instant.parse("2026-12-03T09:00:00Z"));
    as(TestTokens.engineer())
        .header("If-Match", version(id))
        .body(Map.of("status", "RESOLVED"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200)
        .body("resolutionClock.met", nullValue());
    time.set(Instant.parse("2026-12-10T09:00:01Z"));
    as(client)
        .header("If-Match", version(id))
        .body(Map.of("status", "IN_PROGRESS"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(409)
        .body("detail", containsString("reopen period"));
    as(client)
        .header("If-Match", version(id))
        .body(Map.of("status", "CLOSED"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"))
        .body("resolutionClock.phase", equalTo("STOPPED"))
        .body("resolutionClock.met", equalTo(true));

    as(client)
        .get(TICKETS + "/" + id + "/timeline")
        .then()
        .statusCode(200)
        .body(
            "items.kind",
            contains(
                "OPENED",
                "COMMENT",
                "COMMENT",
                "STATUS_CHANGED",
                "COMMENT",
                "STATUS_CHANGED",
                "STATUS_CHANGED",
                "STATUS_CHANGED",
                "STATUS_CHANGED",
                "STATUS_CHANGED"));
  }

  @Test
  void theRequestClockCountsTheClientsSupportHours() {
    String tenant = InventoryFeed.tenant("office");
    InventoryFeed.client(tenant, InventoryFeed.officeHours());
    // Monday 10:00 Paris; 24 support hours of 09:00-18:00: 8 h Monday, 9 h Tuesday, 7 h Wednesday
    time.set(Instant.parse("2026-11-30T09:00:00Z"));
    as(TestTokens.client(tenant))
        .body(request("access", "SSH key for our new developer"))
        .post(REQUESTS)
        .then()
        .statusCode(201)
        .body("request.handleWithin", equalTo("PT24H"))
        .body("resolutionClock.deadline", equalTo("2026-12-02T15:00:00Z"));
    // staff open one on a client's behalf, naming it
    time.set(Instant.parse("2026-11-30T09:00:00Z"));
    Map<String, Object> onBehalf = request("dns-change", "Add an MX record");
    onBehalf.put("tenant", tenant);
    onBehalf.put("urgency", "HIGH");
    as(TestTokens.support())
        .body(onBehalf)
        .post(REQUESTS)
        .then()
        .statusCode(201)
        .body("tenant", equalTo(tenant))
        .body("priority", equalTo("P3"))
        .body("openedBy", equalTo("support"))
        .body("resolutionClock.target", equalTo("PT24H"));
    // a priority change keeps the request's own time
    String id =
        as(TestTokens.client(tenant))
            .queryParam("type", "REQUEST")
            .queryParam("priority", "P3")
            .get(TICKETS)
            .then()
            .statusCode(200)
            .body("items.size()", equalTo(1))
            .extract()
            .path("items[0].id");
    as(TestTokens.engineer())
        .header("If-Match", version(id))
        .body(Map.of("impact", "HIGH"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200)
        .body("priority", equalTo("P1"))
        .body("resolutionClock.target", equalTo("PT24H"))
        .body("resolutionClock.deadline", equalTo("2026-12-02T15:00:00Z"));
  }

  @Test
  void aClientReachesOnlyItsOwnRequestsAndNeverAnInternalNote() {
    String mine = InventoryFeed.tenant("mine");
    String theirs = InventoryFeed.tenant("theirs");
    InventoryFeed.client(mine, InventoryFeed.aroundTheClock());
    InventoryFeed.client(theirs, InventoryFeed.aroundTheClock());
    String me = TestTokens.client(mine);
    String own =
        as(me)
            .body(request("new-environment", "Our preproduction"))
            .post(REQUESTS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String foreign =
        as(TestTokens.client(theirs))
            .body(request("restore", "Restore yesterday's database"))
            .post(REQUESTS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    as(me).get(TICKETS + "/" + foreign).then().statusCode(404);
    as(me).get(TICKETS + "/" + foreign + "/timeline").then().statusCode(404);
    as(me)
        .body(Map.of("body", "me too"))
        .post(TICKETS + "/" + foreign + "/comments")
        .then()
        .statusCode(404);
    as(me)
        .header("If-Match", "*")
        .body(Map.of("status", "CLOSED"))
        .patch(TICKETS + "/" + foreign)
        .then()
        .statusCode(404);
    as(me)
        .queryParam("type", "REQUEST")
        .get(TICKETS)
        .then()
        .body("items.id", contains(own))
        .body("items.tenant", everyItem(equalTo(mine)));
    // opening one for another client is refused, naming the field
    Map<String, Object> forThem = request("access", "An access for me at theirs");
    forThem.put("tenant", theirs);
    as(me)
        .body(forThem)
        .post(REQUESTS)
        .then()
        .statusCode(400)
        .body("errors.field", contains("tenant"));

    as(TestTokens.engineer())
        .body(Map.of("body", "Bill this one: outside their plan", "visibility", "INTERNAL"))
        .post(TICKETS + "/" + own + "/comments")
        .then()
        .statusCode(201);
    as(me)
        .get(TICKETS + "/" + own + "/timeline")
        .then()
        .statusCode(200)
        .body("items.visibility", everyItem(equalTo("PUBLIC")))
        .body(not(containsString("outside their plan")));
    as(me).get(TICKETS + "/" + own).then().body(not(containsString("outside their plan")));
    as(me).get(TICKETS).then().body(not(containsString("outside their plan")));

    // no token: 401; a forged one: 401; an agent: 403
    given().get("/api/v1/request-categories").then().statusCode(401);
    given().contentType(ContentType.JSON).body("{}").post(REQUESTS).then().statusCode(401);
    given()
        .auth()
        .oauth2(TestTokens.forged("mallory", Set.of("vigie-client")))
        .get("/api/v1/request-categories")
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .get("/api/v1/request-categories")
        .then()
        .statusCode(403);
    as(TestTokens.agent()).body(request("access", "x")).post(REQUESTS).then().statusCode(403);
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
    String tenant = InventoryFeed.tenant("bad");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    String client = TestTokens.client(tenant);

    expectField(client, request("a-pony", "x"), "category");
    Map<String, Object> noCategory = request("x", "x");
    noCategory.remove("category");
    expectField(client, noCategory, "category");
    Map<String, Object> noTitle = request("access", "x");
    noTitle.remove("title");
    expectField(client, noTitle, "title");
    Map<String, Object> badUrgency = request("access", "x");
    badUrgency.put("urgency", "YESTERDAY");
    expectField(client, badUrgency, "urgency");
    Map<String, Object> badLink = request("access", "x");
    badLink.put("links", java.util.List.of(Map.of("kind", "SERVER", "target", "web1")));
    expectField(client, badLink, "links[0].target");
    // staff must name the client
    expectField(TestTokens.support(), request("access", "x"), "tenant");

    as(TestTokens.engineer())
        .queryParam("tenant", tenant)
        .get(TICKETS)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }

  private static void expectField(String token, Map<String, Object> body, String field) {
    as(token)
        .body(body)
        .post(REQUESTS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains(field));
  }
}
