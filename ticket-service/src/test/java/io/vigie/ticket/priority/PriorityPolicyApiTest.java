package io.vigie.ticket.priority;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.InventoryFeed;
import io.vigie.ticket.MovableTime;
import io.vigie.ticket.escalation.ClockWatch;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admin changes the matrix and the escalation shares: If-Match, admin only, refusals naming the
 * cell, the history, and the change reaching new tickets, recalculated priorities and the clock
 * watch. Every test puts the defaults back, since the policy is the whole service's.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class PriorityPolicyApiTest {

  static final String POLICY = "/api/v1/priority-policy";
  static final String TICKETS = "/api/v1/tickets";

  @Inject MovableTime time;
  @Inject ClockWatch watch;

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  static String etag() {
    return as(TestTokens.admin()).get(POLICY).then().statusCode(200).extract().header("ETag");
  }

  static Map<String, Object> policy(
      Map<String, Map<String, String>> matrix, Map<String, Integer> escalation, String reason) {
    Map<String, Object> body = new HashMap<>();
    body.put("matrix", matrix);
    body.put("escalation", escalation);
    body.put("reason", reason);
    return body;
  }

  @AfterEach
  void defaultsBack() {
    time.release();
    PriorityPolicy defaults = PriorityPolicy.defaults();
    as(TestTokens.admin())
        .header("If-Match", etag())
        .body(
            policy(
                defaults.matrixDocument(), defaults.escalationDocument(), "Back to the defaults"))
        .put(POLICY)
        .then()
        .statusCode(200);
  }

  @Test
  void anAdminChangesTheMatrixAndNewTicketsRecalculationsAndEscalationsFollow() throws Throwable {
    String tenant = InventoryFeed.tenant("matrix");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    time.set(Instant.parse("2026-11-30T08:00:00Z"));
    String before = openTicket(tenant, "MEDIUM", "MEDIUM", "P3");

    as(TestTokens.engineer())
        .get(POLICY)
        .then()
        .statusCode(200)
        .body("matrix.HIGH.HIGH", equalTo("P1"))
        .body("matrix.MEDIUM.HIGH", equalTo("P2"))
        .body("escalation.P1", equalTo(50))
        .body("escalation.P2", equalTo(75));

    String version = etag();
    Map<String, Map<String, String>> matrix = PriorityPolicy.defaults().matrixDocument();
    matrix.get("MEDIUM").put("HIGH", "P1");
    Map<String, Integer> escalation = Map.of("P1", 50, "P2", 75, "P3", 50);
    long next = Long.parseLong(version.replace("\"", "")) + 1;
    as(TestTokens.admin())
        .header("If-Match", version)
        .body(policy(matrix, escalation, "Shops on shared platforms: a degraded shop is a P1"))
        .put(POLICY)
        .then()
        .statusCode(200)
        .header("ETag", "\"" + next + "\"")
        .body("matrix.MEDIUM.HIGH", equalTo("P1"))
        .body("escalation.P3", equalTo(50))
        .body("changedBy", equalTo("admin"))
        .body("reason", equalTo("Shops on shared platforms: a degraded shop is a P1"));
    // the old version is stale now
    as(TestTokens.admin())
        .header("If-Match", version)
        .body(policy(matrix, escalation, "again"))
        .put(POLICY)
        .then()
        .statusCode(412);

    // a new ticket gets the new cell; an existing one gets it when its urgency is recalculated
    openTicket(tenant, "MEDIUM", "HIGH", "P1");
    String ticketVersion =
        as(TestTokens.engineer()).get(TICKETS + "/" + before).then().extract().header("ETag");
    as(TestTokens.engineer())
        .header("If-Match", ticketVersion)
        .body(Map.of("urgency", "HIGH"))
        .patch(TICKETS + "/" + before)
        .then()
        .statusCode(200)
        .body("priority", equalTo("P1"));

    // a P3 nobody acknowledged now moves to L2 at 50 % of its 4 h GTI
    String p3 = openTicket(tenant, "HIGH", "LOW", "P3");
    time.set(Instant.parse("2026-11-30T08:00:00Z").plus(Duration.ofHours(2)));
    VertxContextSupport.subscribeAndAwait(() -> watch.check());
    as(TestTokens.engineer())
        .get(TICKETS + "/" + p3)
        .then()
        .body("supportLevel", equalTo("L2"))
        .body("interventionClock.lastWarningPercent", equalTo(50));

    as(TestTokens.support())
        .get(POLICY + "/history")
        .then()
        .statusCode(200)
        .body("items[0].version", equalTo((int) next))
        .body("items[0].changedBy", equalTo("admin"))
        .body("items[0].matrix.MEDIUM.HIGH", equalTo("P1"))
        .body("items[1].version", equalTo((int) next - 1));
  }

  @Test
  void refusalsNameTheCellOrFieldAndChangeNothing() {
    String version = etag();
    Map<String, Map<String, String>> matrix = PriorityPolicy.defaults().matrixDocument();
    matrix.get("LOW").remove("LOW");
    matrix.get("HIGH").put("MEDIUM", "P0");
    as(TestTokens.admin())
        .header("If-Match", version)
        .body(policy(matrix, Map.of("P1", 50, "P2", 60), "broken"))
        .put(POLICY)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            containsInAnyOrder("matrix.HIGH.MEDIUM", "matrix.LOW.LOW", "escalation.P2"));
    PriorityPolicy defaults = PriorityPolicy.defaults();
    as(TestTokens.admin())
        .header("If-Match", version)
        .body(policy(defaults.matrixDocument(), defaults.escalationDocument(), " "))
        .put(POLICY)
        .then()
        .statusCode(400)
        .body("errors.field", contains("reason"));
    as(TestTokens.admin())
        .body(policy(defaults.matrixDocument(), defaults.escalationDocument(), "no version"))
        .put(POLICY)
        .then()
        .statusCode(428);
    as(TestTokens.admin()).get(POLICY).then().header("ETag", version);
  }

  @Test
  void onlyAnAdminChangesItOnlyStaffReadItAndATokenIsRequired() {
    PriorityPolicy defaults = PriorityPolicy.defaults();
    Map<String, Object> body =
        policy(defaults.matrixDocument(), defaults.escalationDocument(), "mine now");
    for (String token :
        new String[] {TestTokens.engineer(), TestTokens.support(), TestTokens.client("any")}) {
      as(token).header("If-Match", "*").body(body).put(POLICY).then().statusCode(403);
    }
    as(TestTokens.client("any")).get(POLICY).then().statusCode(403);
    as(TestTokens.client("any")).get(POLICY + "/history").then().statusCode(403);
    as(TestTokens.agent()).get(POLICY).then().statusCode(403);
    given().get(POLICY).then().statusCode(401);
    given().get(POLICY + "/history").then().statusCode(401);
    given().contentType(ContentType.JSON).body(body).put(POLICY).then().statusCode(401);
    given()
        .auth()
        .oauth2(TestTokens.forged("mallory", Set.of("vigie-admin")))
        .contentType(ContentType.JSON)
        .header("If-Match", "*")
        .body(body)
        .put(POLICY)
        .then()
        .statusCode(401);
  }

  private static String openTicket(String tenant, String impact, String urgency, String priority) {
    return as(TestTokens.support())
        .body(
            Map.of(
                "type",
                "INCIDENT",
                "title",
                "Checkout slow",
                "impact",
                impact,
                "urgency",
                urgency,
                "tenant",
                tenant))
        .post(TICKETS)
        .then()
        .statusCode(201)
        .body("priority", equalTo(priority))
        .extract()
        .path("id");
  }
}
