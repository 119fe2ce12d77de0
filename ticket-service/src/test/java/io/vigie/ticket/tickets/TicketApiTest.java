package io.vigie.ticket.tickets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class TicketApiTest {

  static final String TICKETS = "/api/v1/tickets";

  @Inject MovableTime time;

  @AfterEach
  void realTime() {
    time.release();
  }

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  static Map<String, Object> incident(String tenant, String title) {
    Map<String, Object> body = new HashMap<>();
    body.put("type", "INCIDENT");
    body.put("title", title);
    body.put("description", "The shop answers 502");
    body.put("impact", "HIGH");
    body.put("urgency", "HIGH");
    body.put("tenant", tenant);
    return body;
  }

  @Test
  void staffOpenReadAndWorkATicketWhileItsClocksFollow() {
    String tenant = InventoryFeed.tenant("lumiere");
    UUID client = InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    UUID host = InventoryFeed.server("hv");
    UUID guest = InventoryFeed.guest(client, tenant, host);
    time.set(Instant.parse("2026-11-30T08:00:00Z"));

    Map<String, Object> body = incident(tenant, "Shop down");
    body.put(
        "links",
        List.of(
            Map.of("kind", "SERVER", "target", host.toString()),
            Map.of("kind", "VIRTUAL_MACHINE", "target", guest.toString())));
    String key = "open-" + UUID.randomUUID();
    var created =
        as(TestTokens.support())
            .header("Idempotency-Key", key)
            .body(body)
            .post(TICKETS)
            .then()
            .statusCode(201)
            .header("ETag", "\"1\"")
            .body("reference", matchesPattern("INC-2026-\\d{6}"))
            .body("status", equalTo("NEW"))
            .body("priority", equalTo("P1"))
            .body("supportLevel", equalTo("L1"))
            .body("openedBy", equalTo("support"))
            .body("clockStartedAt", equalTo("2026-11-30T08:00:00Z"))
            .body("interventionClock.target", equalTo("PT1H"))
            .body("interventionClock.deadline", equalTo("2026-11-30T09:00:00Z"))
            .body("resolutionClock.deadline", equalTo("2026-11-30T12:00:00Z"))
            .body("links.kind", contains("SERVER", "VIRTUAL_MACHINE"))
            .body("links[0].label", equalTo(InventoryFeed.hostname("hv", host)))
            .body("links[1].label", equalTo("ct-" + tenant))
            .extract();
    String id = created.path("id");
    assertThat(created.header("Location")).endsWith(TICKETS + "/" + id);
    // the same create retried answers the first ticket
    as(TestTokens.support())
        .header("Idempotency-Key", key)
        .body(body)
        .post(TICKETS)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(id));

    as(TestTokens.engineer())
        .get(TICKETS + "/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"");
    // updates say which version they change
    as(TestTokens.engineer())
        .body(Map.of("status", "ACKNOWLEDGED"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(428);
    as(TestTokens.engineer())
        .header("If-Match", "\"7\"")
        .body(Map.of("status", "ACKNOWLEDGED"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(412);

    // an internal note does not stop the GTI; the acknowledgement at 08:20 does
    time.set(Instant.parse("2026-11-30T08:10:00Z"));
    as(TestTokens.engineer())
        .body(Map.of("body", "Looks like the upstream pool", "visibility", "INTERNAL"))
        .post(TICKETS + "/" + id + "/comments")
        .then()
        .statusCode(201)
        .body("visibility", equalTo("INTERNAL"));
    as(TestTokens.engineer())
        .get(TICKETS + "/" + id)
        .then()
        .body("interventionClock.phase", equalTo("RUNNING"))
        .header("ETag", "\"2\"");
    time.set(Instant.parse("2026-11-30T08:20:00Z"));
    as(TestTokens.engineer())
        .header("If-Match", "\"2\"")
        .body(Map.of("status", "ACKNOWLEDGED", "assignee", "alice"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"3\"")
        .body("status", equalTo("ACKNOWLEDGED"))
        .body("assignee", equalTo("alice"))
        .body("acknowledgedAt", equalTo("2026-11-30T08:20:00Z"))
        .body("interventionClock.phase", equalTo("STOPPED"))
        .body("interventionClock.met", equalTo(true))
        .body("interventionClock.deadline", nullValue());

    // waiting for the client pauses the resolution clock; the client's answer resumes it
    time.set(Instant.parse("2026-11-30T09:00:00Z"));
    as(TestTokens.engineer())
        .header("If-Match", "\"3\"")
        .body(Map.of("status", "WAITING_FOR_CLIENT"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200)
        .body("resolutionClock.phase", equalTo("PAUSED"))
        .body("resolutionClock.deadline", nullValue());
    time.set(Instant.parse("2026-11-30T15:00:00Z"));
    as(TestTokens.client(tenant))
        .body(Map.of("body", "Yes, you may restart the pool"))
        .post(TICKETS + "/" + id + "/comments")
        .then()
        .statusCode(201)
        .body("visibility", equalTo("PUBLIC"));
    // 1 h used before the pause, 3 h left from 15:00
    as(TestTokens.engineer())
        .get(TICKETS + "/" + id)
        .then()
        .body("status", equalTo("IN_PROGRESS"))
        .body("resolutionClock.deadline", equalTo("2026-11-30T18:00:00Z"));

    // raising nothing, lowering the impact moves the resolution deadline (P2: 8 h, 1 h used)
    String version =
        as(TestTokens.engineer()).get(TICKETS + "/" + id).then().extract().header("ETag");
    as(TestTokens.engineer())
        .header("If-Match", version)
        .body(Map.of("impact", "MEDIUM"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200)
        .body("priority", equalTo("P2"))
        .body("resolutionClock.target", equalTo("PT8H"))
        .body("resolutionClock.deadline", equalTo("2026-11-30T22:00:00Z"));

    as(TestTokens.engineer())
        .get(TICKETS + "/" + id + "/timeline")
        .then()
        .statusCode(200)
        .body(
            "items.kind",
            contains(
                "OPENED",
                "COMMENT",
                "ASSIGNED",
                "STATUS_CHANGED",
                "STATUS_CHANGED",
                "COMMENT",
                "STATUS_CHANGED",
                "PRIORITY_CHANGED"));
  }

  @Test
  void aTicketIsEscalatedByHandWithAReasonAndResolvedThenConfirmedByItsClient() {
    String tenant = InventoryFeed.tenant("optique");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    String id =
        as(TestTokens.client(tenant))
            .body(incident(tenant, "Slow checkout"))
            .post(TICKETS)
            .then()
            .statusCode(201)
            .body("openedBy", equalTo("client-of-" + tenant))
            .extract()
            .path("id");

    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(Map.of("supportLevel", "L2"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(Map.of("supportLevel", "L2", "reason", "Needs a deployment rollback"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200)
        .body("supportLevel", equalTo("L2"));
    as(TestTokens.engineer())
        .header("If-Match", "\"2\"")
        .body(Map.of("status", "RESOLVED"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("RESOLVED"));
    // closed is final; a client confirms the resolution
    as(TestTokens.client(tenant))
        .header("If-Match", "\"3\"")
        .body(Map.of("status", "CLOSED"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"));
    as(TestTokens.engineer())
        .header("If-Match", "\"4\"")
        .body(Map.of("status", "IN_PROGRESS"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(409);
    as(TestTokens.client(tenant))
        .body(Map.of("body", "Thanks"))
        .post(TICKETS + "/" + id + "/comments")
        .then()
        .statusCode(409);
    // the client does not read the internal escalation entry
    as(TestTokens.client(tenant))
        .get(TICKETS + "/" + id + "/timeline")
        .then()
        .statusCode(200)
        .body("items.kind", contains("OPENED", "STATUS_CHANGED", "STATUS_CHANGED"));
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
    String tenant = InventoryFeed.tenant("bad");
    UUID client = InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    String other = InventoryFeed.tenant("other");
    UUID otherClient = InventoryFeed.client(other, InventoryFeed.aroundTheClock());
    UUID host = InventoryFeed.server("hv");
    UUID foreignGuest = InventoryFeed.guest(otherClient, other, host);
    InventoryFeed.guest(client, tenant, InventoryFeed.server("own"));

    Map<String, Object> noTitle = incident(tenant, "x");
    noTitle.remove("title");
    expectField(TestTokens.engineer(), noTitle, "title");
    Map<String, Object> badType = incident(tenant, "x");
    badType.put("type", "OUTAGE");
    expectField(TestTokens.engineer(), badType, "type");
    expectField(TestTokens.engineer(), incident("nobody-" + UUID.randomUUID(), "x"), "tenant");
    Map<String, Object> noTenant = incident(tenant, "x");
    noTenant.remove("tenant");
    expectField(TestTokens.engineer(), noTenant, "tenant");
    Map<String, Object> foreignVm = incident(tenant, "x");
    foreignVm.put(
        "links", List.of(Map.of("kind", "VIRTUAL_MACHINE", "target", foreignGuest.toString())));
    expectField(TestTokens.engineer(), foreignVm, "links[0].target");
    Map<String, Object> notAUuid = incident(tenant, "x");
    notAUuid.put("links", List.of(Map.of("kind", "SERVER", "target", "web1")));
    expectField(TestTokens.engineer(), notAUuid, "links[0].target");
    // a client may not link a server that carries nothing of its own
    Map<String, Object> foreignHost = incident(tenant, "x");
    foreignHost.put("links", List.of(Map.of("kind", "SERVER", "target", host.toString())));
    expectField(TestTokens.client(tenant), foreignHost, "links[0].target");
    expectField(TestTokens.client(tenant), incident(other, "x"), "tenant");

    as(TestTokens.engineer())
        .queryParam("tenant", tenant)
        .get(TICKETS)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));

    String id =
        as(TestTokens.client(tenant))
            .body(incident(tenant, "Mail queue stuck"))
            .post(TICKETS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // a client changes only the status, and only in the moves it owns
    as(TestTokens.client(tenant))
        .header("If-Match", "\"1\"")
        .body(Map.of("impact", "LOW"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(403);
    as(TestTokens.client(tenant))
        .header("If-Match", "\"1\"")
        .body(Map.of("status", "RESOLVED"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(403);
    as(TestTokens.client(tenant))
        .body(Map.of("body", "psst", "visibility", "INTERNAL"))
        .post(TICKETS + "/" + id + "/comments")
        .then()
        .statusCode(403);
    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(Map.of("status", "CLOSED"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(409);
    as(TestTokens.engineer())
        .get(TICKETS + "/" + id)
        .then()
        .body("version", equalTo(1))
        .body("status", equalTo("NEW"));
  }

  private static void expectField(String token, Map<String, Object> body, String field) {
    as(token)
        .body(body)
        .post(TICKETS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains(field));
  }
}
