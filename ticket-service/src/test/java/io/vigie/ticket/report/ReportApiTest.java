package io.vigie.ticket.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vigie.events.monitoring.AlertFired;
import io.vigie.events.ticket.TicketEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.PublishedEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.Alerts;
import io.vigie.ticket.InventoryFeed;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Post-incident reports through the API: drafted when a real alert's incident is resolved, written
 * and published by staff, read by the client as JSON, Markdown and HTML; tenant walls, roles and
 * bad input on every endpoint.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class ReportApiTest {

  static final String TICKETS = "/api/v1/tickets";
  static final String HOSTILE = "<script>alert('x')</script>";
  static final String PUBLISHED = "/api/v1/incident-reports";

  static String internalReference(String ticketId) {
    return as(TestTokens.support())
        .get(TICKETS + "/" + ticketId)
        .then()
        .extract()
        .path("reference");
  }

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  static String report(String id) {
    return TICKETS + "/" + id + "/report";
  }

  /** One alert on a shared load balancer: each client's incident and the parent ("" key). */
  record Outage(String lumiere, String optique, Map<String, String> incidents, Instant start) {}

  static Outage outage() {
    String lumiere = InventoryFeed.tenant("lumiere");
    String optique = InventoryFeed.tenant("optique");
    UUID lumiereId = InventoryFeed.client(lumiere, InventoryFeed.aroundTheClock());
    UUID optiqueId = InventoryFeed.client(optique, InventoryFeed.aroundTheClock());
    UUID lb = InventoryFeed.server("lb1");
    UUID shop = InventoryFeed.website(lumiereId, lumiere, List.of(lb), List.of());
    UUID store = InventoryFeed.website(optiqueId, optique, List.of(lb), List.of());
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(20));
    String fingerprint = "fp-" + UUID.randomUUID();
    AlertFired fired =
        Alerts.fired(
            fingerprint, start, lb, "lb1", List.of(lumiere, optique), List.of(shop, store));
    Alerts.publish(fired);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                as(TestTokens.support())
                        .queryParam("alert", fingerprint)
                        .get(TICKETS)
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items")
                        .size()
                    == 3);
    JsonPath all =
        as(TestTokens.support()).queryParam("alert", fingerprint).get(TICKETS).jsonPath();
    Map<String, String> incidents = new HashMap<>();
    incidents.put("", all.getString("items.find { it.tenant == null }.id"));
    incidents.put(lumiere, all.getString("items.find { it.tenant == '" + lumiere + "' }.id"));
    incidents.put(optique, all.getString("items.find { it.tenant == '" + optique + "' }.id"));
    // the alert clears after 12 minutes
    Alerts.publish(Alerts.resolved(fired, start.plus(Duration.ofMinutes(12))));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                as(TestTokens.support())
                    .get(TICKETS + "/" + incidents.get(lumiere) + "/timeline")
                    .jsonPath()
                    .getList("items.kind")
                    .contains("ALERT_RESOLVED"));
    return new Outage(lumiere, optique, incidents, start);
  }

  static void move(String id, String status) {
    String etag = as(TestTokens.engineer()).get(TICKETS + "/" + id).then().extract().header("ETag");
    as(TestTokens.engineer())
        .header("If-Match", etag)
        .body(Map.of("status", status))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200);
  }

  static JsonPath awaitDraft(String id) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> as(TestTokens.engineer()).get(report(id)).statusCode() == 200);
    return as(TestTokens.engineer()).get(report(id)).then().extract().jsonPath();
  }

  @Test
  void aResolvedIncidentIsDraftedWrittenPublishedAndReadByItsClientOnly() {
    Outage o = outage();
    String id = o.incidents().get(o.lumiere());
    as(TestTokens.engineer())
        .body(Map.of("body", "Client is on the old plan", "visibility", "INTERNAL"))
        .post(TICKETS + "/" + id + "/comments")
        .then()
        .statusCode(201);
    move(id, "ACKNOWLEDGED");
    move(id, "RESOLVED");

    JsonPath draft = awaitDraft(id);
    assertThat(draft.getString("status")).isEqualTo("DRAFT");
    assertThat(draft.getLong("version")).isEqualTo(1);
    assertThat(draft.getString("facts.start")).isEqualTo(o.start().toString());
    assertThat(draft.getString("facts.recovery"))
        .isEqualTo(o.start().plus(Duration.ofMinutes(12)).toString());
    assertThat(draft.getString("facts.duration")).isEqualTo("PT12M");
    assertThat(draft.getString("facts.firstIntervention")).isNotNull();
    assertThat(draft.getBoolean("facts.interventionMet")).isTrue();
    assertThat(draft.getList("facts.clients")).containsExactly(o.lumiere() + " SAS");
    assertThat(draft.getList("facts.hostedServices")).containsExactly("Boutique " + o.lumiere());
    assertThat(draft.getString("cause")).isEmpty();
    assertThat(draft.prettify()).doesNotContain("old plan");

    // the client reads no draft, in any form
    as(TestTokens.client(o.lumiere())).get(report(id)).then().statusCode(404);
    as(TestTokens.client(o.lumiere()))
        .accept("text/markdown")
        .get(report(id) + "/document")
        .then()
        .statusCode(404);

    // If-Match: required, then current; cause and solution before publishing
    as(TestTokens.engineer()).body(Map.of("cause", "x")).patch(report(id)).then().statusCode(428);
    as(TestTokens.engineer())
        .header("If-Match", "\"7\"")
        .body(Map.of("cause", "x"))
        .patch(report(id))
        .then()
        .statusCode(412);
    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .post(report(id) + "/publication")
        .then()
        .statusCode(400)
        .body(containsString("cause"));
    // bad input names the field and writes nothing
    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(Map.of("cause", "x".repeat(20_001)))
        .patch(report(id))
        .then()
        .statusCode(400)
        .body(containsString("cause"));
    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(Map.of("followUps", List.of("Raise the pool", " ")))
        .patch(report(id))
        .then()
        .statusCode(400)
        .body(containsString("followUps"));
    as(TestTokens.engineer()).get(report(id)).then().header("ETag", "\"1\"");

    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(
            Map.of(
                "cause",
                "Connection pool exhausted " + HOSTILE,
                "solution",
                "Pool restarted and raised to 200",
                "followUps",
                List.of("Alert on pool usage at 80 %", "Load test before sales")))
        .patch(report(id))
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("version", equalTo(2))
        .body("status", equalTo("DRAFT"));
    // unchanged since read: 304 without a body
    as(TestTokens.engineer())
        .header("If-None-Match", "\"2\"")
        .get(report(id))
        .then()
        .statusCode(304)
        .header("ETag", "\"2\"");
    String publishedAt =
        as(TestTokens.engineer())
            .header("If-Match", "\"2\"")
            .post(report(id) + "/publication")
            .then()
            .statusCode(200)
            // publication changes the representation: a new ETag, the same version
            .header("ETag", "\"2-published\"")
            .body("version", equalTo(2))
            .body("status", equalTo("PUBLISHED"))
            .body("publishedVersion", equalTo(2))
            .extract()
            .path("publishedAt");
    // the client's monthly service report lists the publication
    String month =
        java.time.YearMonth.from(
                Instant.parse(publishedAt).atZone(java.time.ZoneId.of("Europe/Paris")))
            .toString();
    as(TestTokens.client(o.lumiere()))
        .get("/api/v1/service-reports/" + o.lumiere() + "/" + month)
        .then()
        .statusCode(200)
        .body(
            "reportsPublished.reference",
            org.hamcrest.Matchers.contains(draft.getString("reference")))
        .body("reportsPublished.version", org.hamcrest.Matchers.contains(2));
    // the draft's ETag no longer names the report: If-None-Match reads it again, If-Match is stale
    as(TestTokens.engineer())
        .header("If-None-Match", "\"2\"")
        .get(report(id))
        .then()
        .statusCode(200)
        .header("ETag", "\"2-published\"")
        .body("status", equalTo("PUBLISHED"));
    as(TestTokens.engineer())
        .header("If-None-Match", "\"2-published\"")
        .get(report(id))
        .then()
        .statusCode(304);
    as(TestTokens.engineer())
        .header("If-Match", "\"2\"")
        .post(report(id) + "/publication")
        .then()
        .statusCode(412);
    as(TestTokens.engineer())
        .header("If-Match", "\"2-published\"")
        .post(report(id) + "/publication")
        .then()
        .statusCode(409);

    List<ConsumerRecord<String, String>> published =
        PublishedEvents.await(
            TicketEvents.TOPIC,
            KafkaEvents.withKey(id).and(KafkaEvents.ofType(TicketEvents.REPORT_PUBLISHED)),
            1,
            Duration.ofSeconds(20));
    assertThat(published).hasSize(1);
    assertThat(published.get(0).value()).contains("\"reportVersion\":2").doesNotContain("pool");

    // the client reads the published version as JSON, Markdown and an escaped HTML page
    String client = TestTokens.client(o.lumiere());
    as(client)
        .get(report(id))
        .then()
        .statusCode(200)
        .header("ETag", "\"2-published\"")
        .body("status", equalTo("PUBLISHED"))
        .body("cause", equalTo("Connection pool exhausted " + HOSTILE))
        .body(not(containsString("old plan")));
    String md =
        as(client)
            .accept("text/markdown")
            .get(report(id) + "/document")
            .then()
            .statusCode(200)
            .contentType(containsString("text/markdown"))
            .extract()
            .asString();
    assertThat(md)
        .contains("- **Duration**: 12 min", "- Alert on pool usage at 80 %")
        .doesNotContain("<script>", "old plan");
    String html =
        as(client)
            .accept("text/html")
            .get(report(id) + "/document")
            .then()
            .statusCode(200)
            .contentType(containsString("text/html"))
            .extract()
            .asString();
    assertThat(html)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "<li>Load test before sales")
        .doesNotContain("<script>", "old plan");

    // the client finds it among its published reports
    as(client)
        .get("/api/v1/incident-reports")
        .then()
        .statusCode(200)
        .body("items.reference", org.hamcrest.Matchers.contains(draft.getString("reference")))
        .body("items[0].version", equalTo(2))
        .body("items[0].ticketId", equalTo(id))
        .body("items[0].duration", equalTo("PT12M"));

    // a later edit is a new draft version; the client still reads the published one
    as(TestTokens.engineer())
        .header("If-Match", "\"2\"")
        .body(Map.of("solution", "Pool restarted, raised to 200 and monitored"))
        .patch(report(id))
        .then()
        .statusCode(412);
    as(TestTokens.engineer())
        .header("If-Match", "\"2-published\"")
        .body(Map.of("solution", "Pool restarted, raised to 200 and monitored"))
        .patch(report(id))
        .then()
        .statusCode(200)
        .header("ETag", "\"3\"")
        .body("version", equalTo(3))
        .body("status", equalTo("DRAFT"))
        .body("publishedVersion", equalTo(2));
    as(client)
        .get(report(id))
        .then()
        .body("version", equalTo(2))
        .body("solution", equalTo("Pool restarted and raised to 200"));
    // the client's representation did not change: still 304 for it; the staff's did
    as(client).header("If-None-Match", "\"2-published\"").get(report(id)).then().statusCode(304);
    as(TestTokens.engineer())
        .header("If-None-Match", "\"2-published\"")
        .get(report(id))
        .then()
        .statusCode(200)
        .header("ETag", "\"3\"");
    as(TestTokens.engineer())
        .get(report(id) + "/versions")
        .then()
        .statusCode(200)
        .body("version", org.hamcrest.Matchers.contains(3, 2, 1))
        .body("status", org.hamcrest.Matchers.contains("DRAFT", "PUBLISHED", "DRAFT"));
  }

  @Test
  void everyReportEndpointKeepsTenantsApartAndAnswersByRole() {
    Outage o = outage();
    String mine = o.incidents().get(o.lumiere());
    String theirs = o.incidents().get(o.optique());
    String parent = o.incidents().get("");
    move(mine, "RESOLVED");
    move(theirs, "RESOLVED");
    move(parent, "RESOLVED");
    awaitDraft(mine);
    awaitDraft(theirs);
    JsonPath internal = awaitDraft(parent);
    // the parent's report names both clients; it is never published
    assertThat(internal.getList("facts.clients"))
        .containsExactlyInAnyOrder(o.lumiere() + " SAS", o.optique() + " SAS");
    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(Map.of("cause", "LB crash", "solution", "Failover"))
        .patch(report(parent))
        .then()
        .statusCode(200);
    as(TestTokens.engineer())
        .header("If-Match", "\"2\"")
        .post(report(parent) + "/publication")
        .then()
        .statusCode(409);
    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(Map.of("cause", "LB crash", "solution", "Failover"))
        .patch(report(theirs))
        .then()
        .statusCode(200);
    as(TestTokens.engineer())
        .header("If-Match", "\"2\"")
        .post(report(theirs) + "/publication")
        .then()
        .statusCode(200);

    // a client: another tenant's published report, the parent's and an unknown id answer 404
    String me = TestTokens.client(o.lumiere());
    for (String id : List.of(theirs, parent, UUID.randomUUID().toString())) {
      as(me).get(report(id)).then().statusCode(404);
      as(me).accept("text/html").get(report(id) + "/document").then().statusCode(404);
    }
    // its own report, not published: 404 too; the other client reads its own
    as(me).get(report(mine)).then().statusCode(404);
    as(TestTokens.client(o.optique())).get(report(theirs)).then().statusCode(200);
    // the list of published reports: a client's own only, never a draft, never the parent's
    String theirsReference = internalReference(theirs);
    as(me).get(PUBLISHED).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    as(me)
        .queryParam("tenant", o.optique())
        .get(PUBLISHED)
        .then()
        .body("items", org.hamcrest.Matchers.empty());
    as(TestTokens.client(o.optique()))
        .get(PUBLISHED)
        .then()
        .body("items.reference", org.hamcrest.Matchers.contains(theirsReference));
    as(TestTokens.support())
        .queryParam("tenant", o.optique())
        .get(PUBLISHED)
        .then()
        .body("items.reference", org.hamcrest.Matchers.contains(theirsReference));
    as(TestTokens.support())
        .queryParam("size", 500)
        .get(PUBLISHED)
        .then()
        .body(
            "items.tenant", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(nullValue())));
    as(TestTokens.agent()).get(PUBLISHED).then().statusCode(403);
    given().get(PUBLISHED).then().statusCode(401);
    // a client writes nothing, reads no versions: 403
    as(me)
        .header("If-Match", "*")
        .body(Map.of("cause", "x"))
        .patch(report(mine))
        .then()
        .statusCode(403);
    as(me).header("If-Match", "*").post(report(mine) + "/publication").then().statusCode(403);
    as(me).get(report(mine) + "/versions").then().statusCode(403);
    // an agent has no business here; no token (or a forged one) is 401
    String agent = TestTokens.agent();
    as(agent).get(report(mine)).then().statusCode(403);
    as(agent).get(report(mine) + "/document").then().statusCode(403);
    for (String path :
        List.of(report(mine), report(mine) + "/document", report(mine) + "/versions")) {
      given().get(path).then().statusCode(401);
      given()
          .auth()
          .oauth2(TestTokens.forged("mallory", java.util.Set.of("vigie-admin")))
          .get(path)
          .then()
          .statusCode(401);
    }
    given().contentType(ContentType.JSON).body("{}").patch(report(mine)).then().statusCode(401);
    given().post(report(mine) + "/publication").then().statusCode(401);
    // a ticket that is no incident, or not resolved, has no report
    as(TestTokens.engineer()).get(report(UUID.randomUUID().toString())).then().statusCode(404);
  }
}
