package io.vigie.ticket.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

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
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client's operations log for a month built by hand through the API at instants the test sets:
 * its incident and published report, a change, a request, its documentation, in its time zone or
 * the hoster's; nothing internal and nothing of another client's.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class OperationsLogApiTest {

  static final String TICKETS = "/api/v1/tickets";
  static final String HOSTILE = "<script>alert('x')</script>";

  @Inject MovableTime time;

  @AfterEach
  void realTime() {
    time.release();
  }

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  static String log(String tenant, String month) {
    return "/api/v1/operations-logs/" + tenant + "/" + month;
  }

  String openAt(String instant, String tenant, String type, String title) {
    time.set(Instant.parse(instant));
    return as(TestTokens.engineer())
        .body(
            Map.of(
                "type", type,
                "title", title,
                "impact", "MEDIUM",
                "urgency", "MEDIUM",
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

  void articleAt(String instant, String tenant, String visibility, String title) {
    time.set(Instant.parse(instant));
    Map<String, Object> a = new HashMap<>();
    a.put("kind", "PLATFORM_DOCUMENTATION");
    a.put("visibility", visibility);
    a.put("tenant", tenant);
    a.put("title", title);
    a.put("body", "text");
    a.put("publish", true);
    as(TestTokens.engineer()).body(a).post("/api/v1/articles").then().statusCode(201);
  }

  @Test
  void novemberHoldsTheClientsIncidentWithItsReportItsChangeRequestAndDocumentation() {
    String tenant = InventoryFeed.tenant("cahier");
    String other = InventoryFeed.tenant("voisin");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    InventoryFeed.client(other, InventoryFeed.aroundTheClock());
    // 00:30 on 1 November 2035 in Paris, still October in UTC
    String incident = openAt("2035-10-31T23:30:00Z", tenant, "INCIDENT", "Shop down " + HOSTILE);
    moveAt("2035-10-31T23:40:00Z", incident, "ACKNOWLEDGED");
    moveAt("2035-11-01T00:10:00Z", incident, "RESOLVED");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                as(TestTokens.engineer()).get(TICKETS + "/" + incident + "/report").statusCode()
                    == 200);
    time.set(Instant.parse("2035-11-02T09:00:00Z"));
    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(Map.of("cause", "Pool exhausted", "solution", "Pool raised to 200"))
        .patch(TICKETS + "/" + incident + "/report")
        .then()
        .statusCode(200);
    as(TestTokens.engineer())
        .header("If-Match", "\"2\"")
        .post(TICKETS + "/" + incident + "/report/publication")
        .then()
        .statusCode(200);
    String change = openAt("2035-11-05T10:00:00Z", tenant, "CHANGE", "PHP 8.3 on web1");
    moveAt("2035-11-05T11:00:00Z", change, "ACKNOWLEDGED");
    moveAt("2035-11-06T11:00:00Z", change, "RESOLVED");
    openAt("2035-11-10T10:00:00Z", tenant, "REQUEST", "New FTP account");
    openAt("2035-11-10T10:00:00Z", other, "REQUEST", "Their request");
    articleAt("2035-11-15T10:00:00Z", tenant, "CLIENT", "Plateforme " + tenant);
    articleAt("2035-11-15T10:00:00Z", tenant, "INTERNAL", "Internal notes on " + tenant);
    // 00:00 on 1 December in Paris: December's there, November's in UTC
    openAt("2035-11-30T23:00:00Z", tenant, "REQUEST", "Late request");
    time.set(Instant.parse("2035-12-01T08:00:00Z"));

    JsonPath m =
        as(TestTokens.client(tenant))
            .get(log(tenant, "2035-11"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(m.getString("timeZone")).isEqualTo("Europe/Paris");
    assertThat(m.getString("from")).isEqualTo("2035-10-31T23:00:00Z");
    assertThat(m.getList("incidents.ticket.title")).containsExactly("Shop down " + HOSTILE);
    assertThat(m.getString("incidents[0].report.cause")).isEqualTo("Pool exhausted");
    assertThat(m.getString("incidents[0].report.solution")).isEqualTo("Pool raised to 200");
    assertThat(m.getInt("incidents[0].report.version")).isEqualTo(2);
    assertThat(m.getList("changes.title")).containsExactly("PHP 8.3 on web1");
    assertThat(m.getString("changes[0].resolvedAt")).isEqualTo("2035-11-06T11:00:00Z");
    assertThat(m.getList("tickets.title")).containsExactly("New FTP account");
    assertThat(m.getList("documentation.title")).containsExactly("Plateforme " + tenant);
    assertThat(m.getMap("summary"))
        .containsAllEntriesOf(
            Map.of(
                "incidents", 1,
                "changes", 1,
                "tickets", 1,
                "ticketsOpened", 3,
                "ticketsResolved", 2,
                "documentation", 1));
    assertThat(m.prettify()).doesNotContain("Internal notes", "Their request", "Late request");

    // the hoster's month in UTC: the late request is November's, the incident still is (resolved)
    JsonPath utc =
        as(TestTokens.support())
            .queryParam("timeZone", "UTC")
            .get(log(tenant, "2035-11"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(utc.getString("from")).isEqualTo("2035-11-01T00:00:00Z");
    assertThat(utc.getList("tickets.title")).containsExactly("New FTP account", "Late request");
    assertThat(utc.getList("incidents.ticket.title")).hasSize(1);
    assertThat(utc.getInt("summary.ticketsOpened")).isEqualTo(3); // the incident was October's

    // as documents, escaped
    as(TestTokens.client(tenant))
        .accept("text/markdown")
        .get(log(tenant, "2035-11") + "/document")
        .then()
        .statusCode(200)
        .contentType(containsString("text/markdown"))
        .body(containsString("## Incidents"))
        .body(containsString("**Cause:** Pool exhausted"))
        .body(containsString("| PHP 8.3 on web1 |"))
        .body(not(containsString("<script>")));
    as(TestTokens.support())
        .accept("text/html")
        .get(log(tenant, "2035-11") + "/document")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("Shop down &lt;script&gt;"))
        .body(not(containsString("<script>")));
  }

  @Test
  void aClientReadsOnlyItsOwnLogAndBadInputNamesTheField() {
    String tenant = InventoryFeed.tenant("own-log");
    String other = InventoryFeed.tenant("other-log");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    InventoryFeed.client(other, InventoryFeed.aroundTheClock());
    String me = TestTokens.client(tenant);
    as(me).get(log(tenant, "2026-11")).then().statusCode(200).body("tenant", equalTo(tenant));
    for (String t : List.of(other, "nobody-" + tenant)) {
      as(me).get(log(t, "2026-11")).then().statusCode(404);
      as(me).accept("text/html").get(log(t, "2026-11") + "/document").then().statusCode(404);
    }
    as(TestTokens.support()).get(log("nobody-" + tenant, "2026-11")).then().statusCode(404);
    as(TestTokens.support()).get(log(other, "2026-11")).then().statusCode(200);
    for (String bad : List.of("2026-13", "november")) {
      as(me)
          .get(log(tenant, bad))
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body(containsString("month"));
    }
    as(me)
        .queryParam("timeZone", "Mars/Olympus")
        .get(log(tenant, "2026-11"))
        .then()
        .statusCode(400)
        .body(containsString("timeZone"));
    as(TestTokens.agent()).get(log(tenant, "2026-11")).then().statusCode(403);
    given().get(log(tenant, "2026-11")).then().statusCode(401);
    given().get(log(tenant, "2026-11") + "/document").then().statusCode(401);
  }
}
