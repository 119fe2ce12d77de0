package io.vigie.ticket;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vigie.events.ticket.TicketEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two clients side by side: each endpoint answers 404 to the other's ticket ids, lists hold only
 * one's own tickets, and no internal note reaches a client through any endpoint.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class TenancyTest {

  static final String TICKETS = "/api/v1/tickets";

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  static String open(String token, String tenant, String title) {
    return as(token)
        .body(
            Map.of(
                "type", "REQUEST",
                "title", title,
                "impact", "LOW",
                "urgency", "MEDIUM",
                "tenant", tenant))
        .post(TICKETS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void aClientNeverReachesAnotherClientsTicketsThroughAnyEndpoint() {
    String mine = InventoryFeed.tenant("mine");
    String theirs = InventoryFeed.tenant("theirs");
    InventoryFeed.client(mine, InventoryFeed.aroundTheClock());
    InventoryFeed.client(theirs, InventoryFeed.aroundTheClock());
    String own = open(TestTokens.client(mine), mine, "New staging environment");
    String foreign = open(TestTokens.engineer(), theirs, "Their request");
    String me = TestTokens.client(mine);

    as(me).get(TICKETS + "/" + foreign).then().statusCode(404);
    as(me).get(TICKETS + "/" + foreign + "/timeline").then().statusCode(404);
    as(me)
        .header("If-Match", "*")
        .body(Map.of("status", "CLOSED"))
        .patch(TICKETS + "/" + foreign)
        .then()
        .statusCode(404);
    as(me)
        .body(Map.of("body", "hello"))
        .post(TICKETS + "/" + foreign + "/comments")
        .then()
        .statusCode(404);
    // an unknown id answers exactly like a foreign one
    as(me).get(TICKETS + "/" + UUID.randomUUID()).then().statusCode(404);

    as(me)
        .get(TICKETS)
        .then()
        .statusCode(200)
        .body("items.id", contains(own))
        .body("items.tenant", everyItem(equalTo(mine)));
    // asking for the other tenant is narrowed to nothing, not widened
    as(me).queryParam("tenant", theirs).get(TICKETS).then().body("items.size()", equalTo(0));
    as(TestTokens.support())
        .queryParam("tenant", theirs)
        .get(TICKETS)
        .then()
        .body("items.id", contains(foreign));
  }

  @Test
  void aClientNeverReadsAnInternalNote() {
    String tenant = InventoryFeed.tenant("notes");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    String id = open(TestTokens.client(tenant), tenant, "Certificate renewal");
    as(TestTokens.engineer())
        .body(
            Map.of(
                "body",
                "Client is on the old plan, do not offer the upgrade",
                "visibility",
                "INTERNAL"))
        .post(TICKETS + "/" + id + "/comments")
        .then()
        .statusCode(201);
    as(TestTokens.engineer())
        .body(Map.of("body", "We renew it tonight", "visibility", "PUBLIC"))
        .post(TICKETS + "/" + id + "/comments")
        .then()
        .statusCode(201);

    as(TestTokens.client(tenant))
        .get(TICKETS + "/" + id + "/timeline")
        .then()
        .statusCode(200)
        .body("items.visibility", everyItem(equalTo("PUBLIC")))
        .body("items.body", not(contains("Client is on the old plan, do not offer the upgrade")))
        .body("items.body", org.hamcrest.Matchers.hasItem("We renew it tonight"));
    as(TestTokens.client(tenant))
        .get(TICKETS + "/" + id)
        .then()
        .body(not(org.hamcrest.Matchers.containsString("old plan")));
    as(TestTokens.support())
        .get(TICKETS + "/" + id + "/timeline")
        .then()
        .body("items.visibility", org.hamcrest.Matchers.hasItem("INTERNAL"));

    // an escalation's reason is staff-only too: not in the timeline nor in the client's change log
    String etag = as(TestTokens.engineer()).get(TICKETS + "/" + id).then().extract().header("ETag");
    as(TestTokens.engineer())
        .header("If-Match", etag)
        .body(Map.of("supportLevel", "L2", "reason", "Reseller account, check the margin first"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200);
    as(TestTokens.engineer())
        .get(TICKETS + "/" + id + "/timeline")
        .then()
        .body(org.hamcrest.Matchers.containsString("Reseller account"));
    as(TestTokens.client(tenant))
        .get(TICKETS + "/" + id + "/timeline")
        .then()
        .statusCode(200)
        .body(not(org.hamcrest.Matchers.containsString("Reseller account")));
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                as(TestTokens.client(tenant))
                    .queryParam("aggregateId", id)
                    .get("/api/v1/changes")
                    .then()
                    .statusCode(200)
                    .body(
                        "items.type", org.hamcrest.Matchers.hasItem(TicketEvents.TICKET_ESCALATED))
                    .body(not(org.hamcrest.Matchers.containsString("Reseller account")))
                    .body(not(org.hamcrest.Matchers.containsString("old plan"))));
  }

  @Test
  void noTokenOrAForgedOneAnswers401OnEveryEndpoint() {
    String id = UUID.randomUUID().toString();
    for (String path : List.of(TICKETS, TICKETS + "/" + id, TICKETS + "/" + id + "/timeline")) {
      given().get(path).then().statusCode(401);
      given()
          .auth()
          .oauth2(TestTokens.forged("mallory", java.util.Set.of("vigie-admin")))
          .get(path)
          .then()
          .statusCode(401);
    }
    given().contentType(ContentType.JSON).body("{}").post(TICKETS).then().statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post(TICKETS + "/" + id + "/comments")
        .then()
        .statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(401);
    // an agent token is authenticated but has no business with tickets
    given().auth().oauth2(TestTokens.agent()).get(TICKETS).then().statusCode(403);
  }

  @Test
  void theStatusPageIsWrittenByStaffOnlyAndReadByAnyoneWithoutAToken() {
    String tenant = InventoryFeed.tenant("status");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    String id = UUID.randomUUID().toString();
    String platforms = "/api/v1/status/platforms";
    String notices = "/api/v1/status/notices";
    Map<String, Object> platform = Map.of("name", "Web", "slug", "web-" + id.substring(0, 8));
    Map<String, Object> notice =
        Map.of("incidentId", id, "title", "Slow", "platformIds", List.of(id), "message", "Slow");
    Map<String, Object> update = Map.of("phase", "MONITORING", "message", "Better");
    for (String token : List.of(TestTokens.client(tenant), TestTokens.agent())) {
      as(token).get(platforms).then().statusCode(403);
      as(token).body(platform).post(platforms).then().statusCode(403);
      as(token).get(platforms + "/" + id).then().statusCode(403);
      as(token)
          .header("If-Match", "*")
          .body(platform)
          .patch(platforms + "/" + id)
          .then()
          .statusCode(403);
      as(token).header("If-Match", "*").delete(platforms + "/" + id).then().statusCode(403);
      as(token).get(notices).then().statusCode(403);
      as(token).body(notice).post(notices).then().statusCode(403);
      as(token).get(notices + "/" + id).then().statusCode(403);
      as(token)
          .header("If-Match", "*")
          .body(Map.of("title", "x"))
          .patch(notices + "/" + id)
          .then()
          .statusCode(403);
      as(token)
          .header("If-Match", "*")
          .body(update)
          .post(notices + "/" + id + "/updates")
          .then()
          .statusCode(403);
      as(token)
          .header("If-Match", "*")
          .post(notices + "/" + id + "/withdrawal")
          .then()
          .statusCode(403);
    }
    for (String path : List.of(platforms, platforms + "/" + id, notices, notices + "/" + id)) {
      given().get(path).then().statusCode(401);
    }
    given().contentType(ContentType.JSON).body(platform).post(platforms).then().statusCode(401);
    given().contentType(ContentType.JSON).body(notice).post(notices).then().statusCode(401);
    // staff: an unknown id is 404
    as(TestTokens.support()).get(notices + "/" + id).then().statusCode(404);
    as(TestTokens.support()).get(platforms + "/" + id).then().statusCode(404);
    // the public page and its calendar need no token, and a client's token reads the same page
    given().get("/public/status").then().statusCode(200);
    given().get("/public/status.ics").then().statusCode(200).contentType("text/calendar");
    as(TestTokens.client(tenant)).get("/public/status").then().statusCode(200);
  }
}
