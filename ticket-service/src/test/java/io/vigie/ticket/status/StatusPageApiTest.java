package io.vigie.ticket.status;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vigie.testkit.EveryOperation;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.InventoryFeed;
import io.vigie.ticket.MovableTime;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The status page through the API: staff publish a platform, an incident in public words with kept
 * updates and a planned intervention; the public answer and its calendar, read with no token, hold
 * those words and nothing else — not the incident's description, comments or client, not another
 * incident, not an intervention nobody published.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class StatusPageApiTest {

  static final String PLATFORMS = "/api/v1/status/platforms";
  static final String NOTICES = "/api/v1/status/notices";

  @Inject MovableTime time;

  @AfterEach
  void realTime() {
    time.release();
  }

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  @Test
  void onlyWhatStaffPublishedReachesThePublicPageAndItsCalendar() throws Exception {
    String tenant = InventoryFeed.tenant("acme");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    UUID server = InventoryFeed.server("web");
    String hostname = InventoryFeed.hostname("web", server);
    Instant start = Instant.parse("2034-03-02T08:00:00Z");
    time.set(start);
    String slug = "shared-" + UUID.randomUUID().toString().substring(0, 8);
    String platform = platform(slug, "Shared web hosting", List.of(server.toString()));

    // a private incident, with an internal note and a comment public to its client only
    String privateIncident =
        incident(tenant, "Disk array degraded on " + hostname, "Controller cache battery failed");
    comment(privateIncident, "INTERNAL", "Vendor case 4711, ask Bob");
    comment(privateIncident, "PUBLIC", "We are swapping the battery tonight");
    // the published incident: its own description and notes stay private as well
    String incident =
        incident(tenant, "Shop 502s: php-fpm pool exhausted", "max_children 50 reached");
    comment(incident, "INTERNAL", "Client still on the legacy plan");
    String notice =
        publish(
            Map.of(
                "incidentId", incident,
                "title", "Slow websites on shared hosting",
                "platformIds", List.of(platform),
                "phase", "INVESTIGATING",
                "message", "Some websites answer slowly; we are investigating."));
    time.set(start.plus(Duration.ofMinutes(20)));
    update(notice, "IDENTIFIED", "A saturated web pool was found; capacity is being added.");
    time.set(start.plus(Duration.ofMinutes(75)));
    update(notice, "RESOLVED", "Response times are back to normal since 09:10 UTC.");

    // two interventions: one published with public words, one not published at all
    String unpublished =
        intervention(server, "Private firmware job", "Unpublished intervention wording");
    String planned =
        intervention(server, "Hypervisor firmware", "Client text stays with the clients");
    String maintenance =
        publish(
            Map.of(
                "interventionId",
                planned,
                "title",
                "Planned maintenance of shared hosting",
                "platformIds",
                List.of(platform),
                "message",
                "Websites may be unavailable for up to 10 minutes."));

    List<String> secrets =
        List.of(
            "Disk array",
            "Controller cache battery",
            "Vendor case 4711",
            "swapping the battery",
            "php-fpm",
            "max_children",
            "legacy plan",
            "Private firmware job",
            "Unpublished intervention wording",
            "Hypervisor firmware",
            "Client text stays",
            tenant,
            hostname,
            server.toString(),
            incident,
            privateIncident,
            planned,
            unpublished,
            "INC-",
            "INT-");

    // no token: the page's data
    String json =
        given()
            .get("/public/status")
            .then()
            .statusCode(200)
            .contentType(ContentType.JSON)
            .header("Cache-Control", containsString("public"))
            .extract()
            .asString();
    assertThat(json).doesNotContain(secrets.toArray(String[]::new));
    JsonPath page = JsonPath.from(json);
    Map<String, Object> published = find(page.getList("incidents"), notice);
    assertThat(published.get("title")).isEqualTo("Slow websites on shared hosting");
    assertThat(published.get("platforms")).isEqualTo(List.of(slug));
    assertThat(published.get("phase")).isEqualTo("RESOLVED");
    assertThat(published.get("startedAt")).isEqualTo("2034-03-02T08:00:00Z");
    assertThat(published.get("resolvedAt")).isEqualTo("2034-03-02T09:15:00Z");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> updates = (List<Map<String, Object>>) published.get("updates");
    assertThat(updates)
        .extracting(u -> u.get("at"))
        .containsExactly("2034-03-02T09:15:00Z", "2034-03-02T08:20:00Z", "2034-03-02T08:00:00Z");
    assertThat(updates)
        .extracting(u -> u.get("phase"))
        .containsExactly("RESOLVED", "IDENTIFIED", "INVESTIGATING");
    Map<String, Object> window = find(page.getList("maintenance"), maintenance);
    assertThat(window.get("title")).isEqualTo("Planned maintenance of shared hosting");
    assertThat(window.get("startsAt")).isEqualTo("2034-03-09T21:00:00Z");
    assertThat(window.get("phase")).isEqualTo("SCHEDULED");
    assertThat(page.getList("platforms.slug")).contains(slug);
    assertThat(json).doesNotContain("serverIds");

    // the calendar: the same public words, parsed by ical4j and by Python's icalendar
    String ics =
        given()
            .get("/public/status.ics")
            .then()
            .statusCode(200)
            .contentType("text/calendar")
            .extract()
            .asString();
    assertThat(ics).doesNotContain(secrets.toArray(String[]::new));
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    calendar.validate();
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events)
        .extracting(e -> e.getUid().orElseThrow().getValue())
        .contains("status-" + notice + "@vigie", "status-" + maintenance + "@vigie");
    JsonNode python = readWithPython(ics);
    JsonNode planned2 = event(python, "status-" + maintenance + "@vigie");
    assertThat(planned2.get("summary").asText())
        .isEqualTo("Maintenance: Planned maintenance of shared hosting");
    assertThat(planned2.get("dtstart").asText()).isEqualTo("2034-03-09T21:00:00+00:00");
    assertThat(planned2.get("dtend").asText()).isEqualTo("2034-03-09T22:00:00+00:00");
    JsonNode incidentEvent = event(python, "status-" + notice + "@vigie");
    assertThat(incidentEvent.get("dtend").asText()).isEqualTo("2034-03-02T09:15:00+00:00");
    assertThat(incidentEvent.get("description").asText())
        .isEqualTo("Response times are back to normal since 09:10 UTC.");

    // each publication and update is on the incident's timeline, for staff only
    as(TestTokens.engineer())
        .get("/api/v1/tickets/" + incident + "/timeline")
        .then()
        .body("items.kind", hasItem("STATUS_PAGE"))
        .body(containsString("Slow websites on shared hosting"));
    as(TestTokens.client(tenant))
        .get("/api/v1/tickets/" + incident + "/timeline")
        .then()
        .statusCode(200)
        .body("items.kind", not(hasItem("STATUS_PAGE")));
    as(TestTokens.engineer())
        .get("/api/v1/interventions/" + planned + "/timeline")
        .then()
        .body("items.kind", hasItem("STATUS_PAGE"));

    // taken down: off the page and the calendar at once, kept for staff
    String etag =
        as(TestTokens.support()).get(NOTICES + "/" + notice).then().extract().header("ETag");
    as(TestTokens.support())
        .header("If-Match", etag)
        .post(NOTICES + "/" + notice + "/withdrawal")
        .then()
        .statusCode(200)
        .body("withdrawnBy", equalTo("support"));
    assertThat(given().get("/public/status").asString()).doesNotContain(notice);
    assertThat(given().get("/public/status.ics").asString()).doesNotContain(notice);
    as(TestTokens.support())
        .get(NOTICES)
        .then()
        .body("id", not(hasItem(notice)))
        .body("id", hasItem(maintenance));
    as(TestTokens.support())
        .queryParam("withdrawn", true)
        .get(NOTICES)
        .then()
        .body("id", hasItem(notice));
  }

  @Test
  void staffWriteUnderIfMatchAndBadInputNamesTheFieldWithNothingWritten() {
    String tenant = InventoryFeed.tenant("beta");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    UUID server = InventoryFeed.server("mx");
    String slug = "mail-" + UUID.randomUUID().toString().substring(0, 8);

    // platforms: refusals name the field, a retried create answers the first one
    refused(PLATFORMS, platformBody("Mail", "Mail Platform", List.of()), "slug");
    refused(
        PLATFORMS,
        platformBody("Mail", slug, List.of(UUID.randomUUID().toString())),
        "serverIds[0]");
    refused(PLATFORMS, platformBody("M".repeat(81), slug, List.of()), "name");
    String key = "platform-" + UUID.randomUUID();
    String platform =
        as(TestTokens.admin())
            .header("Idempotency-Key", key)
            .body(platformBody("Mail", slug, List.of(server.toString())))
            .post(PLATFORMS)
            .then()
            .statusCode(201)
            .header("ETag", "\"1\"")
            .extract()
            .path("id");
    as(TestTokens.admin())
        .header("Idempotency-Key", key)
        .body(platformBody("Mail", slug, List.of(server.toString())))
        .post(PLATFORMS)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(platform));
    as(TestTokens.admin())
        .body(platformBody("Mail again", slug, List.of()))
        .post(PLATFORMS)
        .then()
        .statusCode(409);
    as(TestTokens.support())
        .body(Map.of("displayOrder", 5))
        .patch(PLATFORMS + "/" + platform)
        .then()
        .statusCode(428);
    as(TestTokens.support())
        .header("If-Match", "\"7\"")
        .body(Map.of("displayOrder", 5))
        .patch(PLATFORMS + "/" + platform)
        .then()
        .statusCode(412);
    as(TestTokens.support())
        .header("If-Match", "\"1\"")
        .body(Map.of("displayOrder", 5, "name", "Mail and webmail"))
        .patch(PLATFORMS + "/" + platform)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("name", equalTo("Mail and webmail"))
        .body("serverIds", contains(server.toString()));

    // notices: every refusal names its field and leaves nothing behind
    String incident = incident(tenant, "Mail queue stuck", "postfix deferred queue at 40k");
    String request = request(tenant);
    Map<String, Object> good = new HashMap<>();
    good.put("incidentId", incident);
    good.put("title", "Delayed e-mail");
    good.put("platformIds", List.of(platform));
    good.put("message", "Some messages arrive late.");
    refused(NOTICES, without(good, "incidentId"), "incidentId");
    refused(NOTICES, with(good, "interventionId", UUID.randomUUID().toString()), "incidentId");
    refused(NOTICES, with(good, "incidentId", request), "incidentId");
    refused(NOTICES, with(good, "incidentId", UUID.randomUUID().toString()), "incidentId");
    refused(
        NOTICES,
        with(good, "platformIds", List.of(UUID.randomUUID().toString())),
        "platformIds[0]");
    refused(NOTICES, with(good, "platformIds", List.of()), "platformIds");
    refused(NOTICES, with(good, "phase", "SCHEDULED"), "phase");
    refused(NOTICES, with(good, "title", "T".repeat(201)), "title");
    refused(NOTICES, with(good, "message", "m".repeat(5001)), "message");
    as(TestTokens.support())
        .queryParam("withdrawn", true)
        .get(NOTICES)
        .then()
        .statusCode(200)
        .body("incidentId", not(hasItem(incident)));

    String notice = publish(good);
    as(TestTokens.support()).body(good).post(NOTICES).then().statusCode(409);
    as(TestTokens.support())
        .body(Map.of("phase", "MONITORING", "message", "Queue draining"))
        .post(NOTICES + "/" + notice + "/updates")
        .then()
        .statusCode(428);
    as(TestTokens.support())
        .header("If-Match", "\"9\"")
        .body(Map.of("phase", "MONITORING", "message", "Queue draining"))
        .post(NOTICES + "/" + notice + "/updates")
        .then()
        .statusCode(412);
    as(TestTokens.support())
        .header("If-Match", "\"1\"")
        .body(Map.of("phase", "COMPLETED", "message", "Done"))
        .post(NOTICES + "/" + notice + "/updates")
        .then()
        .statusCode(400)
        .body("errors.field", contains("phase"));
    as(TestTokens.support())
        .header("If-Match", "\"1\"")
        .body(Map.of("title", "Delayed e-mail for some domains"))
        .patch(NOTICES + "/" + notice)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("title", equalTo("Delayed e-mail for some domains"))
        .body("updates.size()", equalTo(1));

    // taken down, it takes no more updates; the incident may be published anew
    as(TestTokens.support())
        .header("If-Match", "\"2\"")
        .post(NOTICES + "/" + notice + "/withdrawal")
        .then()
        .statusCode(200);
    as(TestTokens.support())
        .header("If-Match", "\"3\"")
        .body(Map.of("phase", "MONITORING", "message", "Queue draining"))
        .post(NOTICES + "/" + notice + "/updates")
        .then()
        .statusCode(409);
    String again = publish(good);
    assertThat(again).isNotEqualTo(notice);

    // a platform taken off the page is no longer named by its notices
    as(TestTokens.support())
        .header("If-Match", "\"2\"")
        .delete(PLATFORMS + "/" + platform)
        .then()
        .statusCode(204);
    as(TestTokens.support()).get(PLATFORMS + "/" + platform).then().statusCode(404);
    JsonPath page = given().get("/public/status").then().statusCode(200).extract().jsonPath();
    assertThat(page.getList("platforms.slug")).doesNotContain(slug);
    assertThat(find(page.getList("incidents"), again).get("platforms")).isEqualTo(List.of());
  }

  @Test
  void theStatusPagesReaderListsThePublishedPlatformsAndCallsNothingElse() {
    String tenant = InventoryFeed.tenant("reader");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    UUID server = InventoryFeed.server("web");
    String slug = "web-" + UUID.randomUUID().toString().substring(0, 8);
    String platform = platform(slug, "Web hosting", List.of(server.toString()));
    String incident = incident(tenant, "Web 503s", "upstream pool exhausted");
    String reader = TestTokens.statusReader();

    // the one read the console's service account makes here: the platforms and their targets
    as(reader)
        .get(PLATFORMS)
        .then()
        .statusCode(200)
        .body("find { it.slug == '" + slug + "' }.serverIds", contains(server.toString()));

    // no write, no other read: neither the page's own records nor a client's tickets
    String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
    as(reader).body(platformBody("Other", other, List.of())).post(PLATFORMS).then().statusCode(403);
    as(reader).get(PLATFORMS + "/" + platform).then().statusCode(403);
    as(reader)
        .body(
            Map.of(
                "incidentId",
                incident,
                "title",
                "Slow websites",
                "platformIds",
                List.of(platform),
                "message",
                "We are investigating."))
        .post(NOTICES)
        .then()
        .statusCode(403);
    as(reader).get(NOTICES).then().statusCode(403);
    as(reader).get("/api/v1/tickets").then().statusCode(403);
    as(reader).get("/api/v1/tickets/" + incident).then().statusCode(403);
    as(reader)
        .body(
            Map.of(
                "type", "REQUEST",
                "title", "Hello",
                "impact", "LOW",
                "urgency", "LOW",
                "tenant", tenant))
        .post("/api/v1/tickets")
        .then()
        .statusCode(403);
    // nothing it tried was written
    as(TestTokens.support()).get(PLATFORMS).then().body("slug", not(hasItem(other)));
    as(TestTokens.support())
        .queryParam("withdrawn", true)
        .get(NOTICES)
        .then()
        .body("incidentId", not(hasItem(incident)));

    // and every operation of the service, swept: 403 but for that list
    List<EveryOperation.Answer> answers = EveryOperation.calledWith(reader);
    assertThat(answers).hasSizeGreaterThan(50);
    assertThat(answers)
        .filteredOn(answer -> answer.status() != 403)
        .extracting(EveryOperation.Answer::operationId)
        .containsExactly("listStatusPlatforms");
  }

  // --- helpers

  static String platform(String slug, String name, List<String> servers) {
    return as(TestTokens.admin())
        .body(platformBody(name, slug, servers))
        .post(PLATFORMS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static Map<String, Object> platformBody(String name, String slug, List<String> servers) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("slug", slug);
    body.put("displayOrder", 1);
    body.put("serverIds", servers);
    return body;
  }

  static String incident(String tenant, String title, String description) {
    return as(TestTokens.engineer())
        .body(
            Map.of(
                "type",
                "INCIDENT",
                "title",
                title,
                "description",
                description,
                "impact",
                "HIGH",
                "urgency",
                "HIGH",
                "tenant",
                tenant))
        .post("/api/v1/tickets")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String request(String tenant) {
    return as(TestTokens.engineer())
        .body(
            Map.of(
                "type", "REQUEST",
                "title", "A new mailbox",
                "impact", "LOW",
                "urgency", "LOW",
                "tenant", tenant))
        .post("/api/v1/tickets")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static void comment(String ticket, String visibility, String body) {
    as(TestTokens.engineer())
        .body(Map.of("body", body, "visibility", visibility))
        .post("/api/v1/tickets/" + ticket + "/comments")
        .then()
        .statusCode(201);
  }

  static String intervention(UUID server, String title, String clientText) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("clientText", clientText);
    body.put("startsAt", "2034-03-09T21:00:00Z");
    body.put("endsAt", "2034-03-09T22:00:00Z");
    body.put("serverIds", List.of(server.toString()));
    return as(TestTokens.engineer())
        .body(body)
        .post("/api/v1/interventions")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String publish(Map<String, Object> body) {
    return as(TestTokens.engineer())
        .body(body)
        .post(NOTICES)
        .then()
        .statusCode(201)
        .header("ETag", "\"1\"")
        .extract()
        .path("id");
  }

  static void update(String notice, String phase, String message) {
    String etag =
        as(TestTokens.engineer()).get(NOTICES + "/" + notice).then().extract().header("ETag");
    as(TestTokens.engineer())
        .header("If-Match", etag)
        .body(Map.of("phase", phase, "message", message))
        .post(NOTICES + "/" + notice + "/updates")
        .then()
        .statusCode(200)
        .body("phase", equalTo(phase))
        .body("updates[0].message", equalTo(message));
  }

  static void refused(String path, Map<String, Object> body, String field) {
    as(TestTokens.engineer())
        .body(body)
        .post(path)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains(field));
  }

  static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(body);
    copy.put(key, value);
    return copy;
  }

  static Map<String, Object> without(Map<String, Object> body, String key) {
    Map<String, Object> copy = new HashMap<>(body);
    copy.remove(key);
    return copy;
  }

  static Map<String, Object> find(List<Map<String, Object>> items, String id) {
    return items.stream()
        .filter(i -> id.equals(i.get("id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " not in " + items));
  }

  static JsonNode event(JsonNode calendar, String uid) {
    for (JsonNode e : calendar.get("events")) {
      if (e.get("uid").asText().equals(uid)) {
        return e;
      }
    }
    throw new AssertionError(uid + " not in " + calendar);
  }

  /** Debian's python3 with the {@code icalendar} package, an independent RFC 5545 parser. */
  static JsonNode readWithPython(String ics) throws Exception {
    Path script = Path.of("src/test/resources/read-calendar.py").toAbsolutePath();
    Process python =
        new ProcessBuilder("/usr/bin/python3", script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    python.getOutputStream().write(ics.getBytes(StandardCharsets.UTF_8));
    python.getOutputStream().close();
    String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(python.exitValue()).as(out).isZero();
    return new ObjectMapper().readTree(out);
  }
}
