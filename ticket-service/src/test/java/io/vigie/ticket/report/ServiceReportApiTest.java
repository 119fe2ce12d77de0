package io.vigie.ticket.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.InventoryFeed;
import io.vigie.ticket.MovableTime;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client's month through the API, with tickets opened and worked at instants the test sets. */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class ServiceReportApiTest {

  static final String TICKETS = "/api/v1/tickets";

  @Inject MovableTime time;

  @AfterEach
  void realTime() {
    time.release();
  }

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  String openAt(String instant, String tenant, String type, String impact, String urgency) {
    time.set(Instant.parse(instant));
    return as(TestTokens.engineer())
        .body(
            Map.of(
                "type", type,
                "title", type + " opened " + instant,
                "impact", impact,
                "urgency", urgency,
                "tenant", tenant))
        .post(TICKETS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  void moveAt(String instant, String id, String status) {
    time.set(Instant.parse(instant));
    String etag = as(TestTokens.engineer()).get(TICKETS + "/" + id).then().extract().header("ETag");
    as(TestTokens.engineer())
        .header("If-Match", etag)
        .body(Map.of("status", status))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200);
  }

  static String month(String tenant, String month) {
    return "/api/v1/service-reports/" + tenant + "/" + month;
  }

  @Test
  void novemberInParisCountsTicketsBetweenParisMidnightsWithTheirBreaches() {
    String tenant = InventoryFeed.tenant("lumiere");
    String other = InventoryFeed.tenant("optique");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    InventoryFeed.client(other, InventoryFeed.aroundTheClock());
    // 1 Nov 2034 00:30 in Paris (UTC+1): a P1 nobody acts on (GTI 1 h, resolution 4 h)
    String p1 = openAt("2034-10-31T23:30:00Z", tenant, "INCIDENT", "HIGH", "HIGH");
    // a P3 request acknowledged after 30 min (GTI 4 h) and resolved after 1 h (2 days)
    String p3 = openAt("2034-11-10T10:00:00Z", tenant, "REQUEST", "MEDIUM", "MEDIUM");
    moveAt("2034-11-10T10:30:00Z", p3, "ACKNOWLEDGED");
    moveAt("2034-11-10T11:00:00Z", p3, "RESOLVED");
    // 1 Dec 00:30 in Paris: December's, though still November in UTC
    openAt("2034-11-30T23:30:00Z", tenant, "CHANGE", "LOW", "LOW");
    openAt("2034-11-10T10:00:00Z", other, "INCIDENT", "HIGH", "HIGH");
    time.set(Instant.parse("2034-12-01T08:00:00Z"));
    String p1Reference =
        as(TestTokens.support()).get(TICKETS + "/" + p1).then().extract().path("reference");

    JsonPath m =
        as(TestTokens.client(tenant))
            .get(month(tenant, "2034-11"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(m.getString("from")).isEqualTo("2034-10-31T23:00:00Z");
    assertThat(m.getString("to")).isEqualTo("2034-11-30T23:00:00Z");
    assertThat(m.getString("timeZone")).isEqualTo("Europe/Paris");
    assertThat(m.getString("client")).isEqualTo(tenant + " SAS");
    assertThat(m.getInt("ticketsOpened")).isEqualTo(2);
    assertThat(m.getMap("byType"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("INCIDENT", 1, "REQUEST", 1, "CHANGE", 0, "PROBLEM", 0));
    assertThat(m.getMap("byPriority"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("P1", 1, "P2", 0, "P3", 1, "P4", 0));
    assertThat(m.getMap("intervention"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("met", 1, "breached", 1, "pending", 0, "notPromised", 0));
    assertThat(m.getMap("resolution"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("met", 1, "breached", 1, "pending", 0, "notPromised", 0));
    assertThat(m.getList("breaches.reference")).containsExactly(p1Reference, p1Reference);
    assertThat(m.getList("breaches.clock")).containsExactly("INTERVENTION", "RESOLUTION");
    assertThat(m.getList("breaches.deadline"))
        .containsExactly("2034-11-01T00:30:00Z", "2034-11-01T03:30:00Z");
    assertThat(m.getList("reportsPublished")).isEmpty();

    // the same month as Markdown and HTML
    as(TestTokens.client(tenant))
        .accept("text/markdown")
        .get(month(tenant, "2034-11") + "/document")
        .then()
        .statusCode(200)
        .contentType(containsString("text/markdown"))
        .body(containsString("| INCIDENT | 1 |"))
        .body(containsString("| Time to intervention (GTI) | 1 | 1 | 0 | 0 |"))
        .body(containsString("| " + p1Reference + " | INCIDENT opened"));
    as(TestTokens.support())
        .accept("text/html")
        .get(month(tenant, "2034-11") + "/document")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        // the deadline 00:30 UTC, shown in Paris time
        .body(containsString("<td>2034-11-01 01:30:00 CET</td>"));
    // December holds the change opened at 00:30 Paris time on 1 December
    as(TestTokens.support())
        .get(month(tenant, "2034-12"))
        .then()
        .body("ticketsOpened", equalTo(1))
        .body("byType.CHANGE", equalTo(1));
  }

  @Test
  void aClientReadsOnlyItsOwnMonthsAndBadInputNamesTheField() {
    String tenant = InventoryFeed.tenant("mine");
    String other = InventoryFeed.tenant("theirs");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    InventoryFeed.client(other, InventoryFeed.aroundTheClock());
    String me = TestTokens.client(tenant);
    as(me).get(month(tenant, "2026-11")).then().statusCode(200);
    // another client's month, and an unknown client, answer alike: 404
    for (String t : new String[] {other, "nobody-" + tenant}) {
      as(me).get(month(t, "2026-11")).then().statusCode(404);
      as(me).accept("text/html").get(month(t, "2026-11") + "/document").then().statusCode(404);
    }
    as(TestTokens.support()).get(month("nobody-" + tenant, "2026-11")).then().statusCode(404);
    as(TestTokens.support()).get(month(other, "2026-11")).then().statusCode(200);
    for (String bad : new String[] {"2026-13", "november", "2026-1"}) {
      as(me).get(month(tenant, bad)).then().statusCode(400).body(containsString("month"));
    }
    as(TestTokens.agent()).get(month(tenant, "2026-11")).then().statusCode(403);
    given().get(month(tenant, "2026-11")).then().statusCode(401);
    given().get(month(tenant, "2026-11") + "/document").then().statusCode(401);
    given()
        .auth()
        .oauth2(TestTokens.forged("mallory", java.util.Set.of("vigie-admin")))
        .get(month(tenant, "2026-11"))
        .then()
        .statusCode(401);
  }
}
