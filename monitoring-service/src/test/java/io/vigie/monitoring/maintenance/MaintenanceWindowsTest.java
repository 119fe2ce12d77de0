package io.vigie.monitoring.maintenance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class MaintenanceWindowsTest {

  private static final String WINDOWS = "/api/v1/maintenance-windows";

  @Test
  void anOperatorDeclaresReadsListsAndCancelsAWindow() {
    UUID server = InventoryFeed.activeServer("hv");
    // Tuesdays 23:00-00:00 Paris time (22:00-23:00 UTC in winter), three times from 1 December
    Map<String, Object> body =
        window(List.of(server), List.of(), "2026-12-01T22:00:00Z", "2026-12-01T23:00:00Z");
    body.put("rrule", "FREQ=WEEKLY;BYDAY=TU;COUNT=3");
    body.put("timeZone", "Europe/Paris");
    String key = "maint-" + UUID.randomUUID();

    var created =
        as(TestTokens.engineer())
            .header("Idempotency-Key", key)
            .body(body)
            .post(WINDOWS)
            .then()
            .statusCode(201)
            .body("serverIds", contains(server.toString()))
            .body("hostedServiceIds.size()", equalTo(0))
            .body("rrule", equalTo("FREQ=WEEKLY;BYDAY=TU;COUNT=3"))
            .body("timeZone", equalTo("Europe/Paris"))
            .body("source", equalTo("API"))
            .body("createdBy", equalTo("engineer"))
            .body("cancelled", equalTo(false))
            .extract();
    String id = created.path("id");
    org.assertj.core.api.Assertions.assertThat(created.header("Location"))
        .endsWith(WINDOWS + "/" + id);
    // the same create retried answers the first window, not a second one
    as(TestTokens.engineer())
        .header("Idempotency-Key", key)
        .body(body)
        .post(WINDOWS)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(id));

    as(TestTokens.support()).get(WINDOWS + "/" + id).then().statusCode(200).body("id", equalTo(id));
    as(TestTokens.support())
        .queryParam("from", "2026-12-01T00:00:00Z")
        .queryParam("to", "2027-01-01T00:00:00Z")
        .get(WINDOWS + "/" + id + "/occurrences")
        .then()
        .statusCode(200)
        .body(
            "occurrences.start",
            contains("2026-12-01T22:00:00Z", "2026-12-08T22:00:00Z", "2026-12-15T22:00:00Z"))
        .body("occurrences[2].end", equalTo("2026-12-15T23:00:00Z"));

    as(TestTokens.support())
        .queryParam("serverId", server)
        .get(WINDOWS)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].id", equalTo(id));
    as(TestTokens.support())
        .queryParam("serverId", server)
        .queryParam("activeAt", "2026-12-08T22:30:00Z")
        .get(WINDOWS)
        .then()
        .body("items.size()", equalTo(1));
    as(TestTokens.support())
        .queryParam("serverId", server)
        .queryParam("activeAt", "2026-12-09T22:30:00Z") // a Wednesday
        .get(WINDOWS)
        .then()
        .body("items.size()", equalTo(0));
    as(TestTokens.support())
        .queryParam("serverId", server)
        .queryParam("from", "2026-12-16T00:00:00Z") // after the third and last occurrence
        .queryParam("to", "2027-02-01T00:00:00Z")
        .get(WINDOWS)
        .then()
        .body("items.size()", equalTo(0));

    as(TestTokens.engineer()).delete(WINDOWS + "/" + id).then().statusCode(204);
    as(TestTokens.engineer()).delete(WINDOWS + "/" + id).then().statusCode(204); // idempotent
    as(TestTokens.support())
        .get(WINDOWS + "/" + id)
        .then()
        .statusCode(200)
        .body("cancelled", equalTo(true))
        .body("cancelledAt", notNullValue())
        .body("cancelledBy", equalTo("engineer"));
    // cancelled before it started: nothing left to run, but kept for history
    as(TestTokens.support())
        .queryParam("from", "2026-12-01T00:00:00Z")
        .queryParam("to", "2027-01-01T00:00:00Z")
        .get(WINDOWS + "/" + id + "/occurrences")
        .then()
        .body("occurrences.size()", equalTo(0));
    as(TestTokens.support())
        .queryParam("serverId", server)
        .queryParam("cancelled", true)
        .get(WINDOWS)
        .then()
        .body("items.id", contains(id));
  }

  @Test
  void badWindowsAreRefusedNamingTheFieldAndNothingIsWritten() {
    UUID server = InventoryFeed.activeServer("db");
    String start = "2026-12-01T22:00:00Z";
    String end = "2026-12-01T23:00:00Z";

    expectField(window(List.of(), List.of(), start, end), "serverIds");
    expectField(window(List.of(server, UUID.randomUUID()), List.of(), start, end), "serverIds[1]");
    expectField(
        window(List.of(server), List.of(UUID.randomUUID()), start, end), "hostedServiceIds[0]");
    expectField(window(List.of(server), List.of(), end, start), "endsAt");
    Map<String, Object> badRule = window(List.of(server), List.of(), start, end);
    badRule.put("rrule", "FREQ=FORTNIGHTLY");
    expectField(badRule, "rrule");
    Map<String, Object> notATuesday = window(List.of(server), List.of(), start, end);
    notATuesday.put("rrule", "FREQ=WEEKLY;BYDAY=MO");
    expectField(notATuesday, "startsAt");
    Map<String, Object> badZone = window(List.of(server), List.of(), start, end);
    badZone.put("timeZone", "Europe/Atlantis");
    expectField(badZone, "timeZone");
    Map<String, Object> noReason = window(List.of(server), List.of(), start, end);
    noReason.remove("reason");
    expectField(noReason, "reason");
    Map<String, Object> badInstant = window(List.of(server), List.of(), start, end);
    badInstant.put("startsAt", "tomorrow");
    expectField(badInstant, "startsAt");

    expectListingField(Map.of("from", "2026-12-01T00:00:00Z"), "to");
    expectListingField(Map.of("from", "2026-12-01T00:00:00Z", "to", "2026-12-01T00:00:00Z"), "to");
    expectListingField(Map.of("activeAt", "now"), "activeAt");

    // only engineers, experts and admins declare maintenance
    Map<String, Object> good = window(List.of(server), List.of(), start, end);
    as(TestTokens.support()).body(good).post(WINDOWS).then().statusCode(403);
    as(TestTokens.client("lumiere")).body(good).post(WINDOWS).then().statusCode(403);

    as(TestTokens.support())
        .queryParam("serverId", server)
        .get(WINDOWS)
        .then()
        .body("items.size()", equalTo(0));
    as(TestTokens.engineer())
        .get(WINDOWS + "/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void aClientReadsOnlyTheWindowsCoveringItsOwnTargets() {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    UUID shared = InventoryFeed.activeServer("hv-shared");
    UUID foreign = InventoryFeed.activeServer("hv-foreign");
    InventoryFeed.guest(shared, tenant);
    UUID site = InventoryFeed.hostedService(tenant, "shop-" + tenant, shared);
    String start = "2026-12-01T22:00:00Z";
    String end = "2026-12-01T23:00:00Z";
    String both = create(window(List.of(shared, foreign), List.of(), start, end));
    String foreignOnly = create(window(List.of(foreign), List.of(), start, end));
    String siteOnly = create(window(List.of(), List.of(site), start, end));

    // the client's guest and site run on `shared`: the windows on it and on the site are the
    // client's; `foreign` carries nothing of the client
    as(TestTokens.client(tenant))
        .get(WINDOWS)
        .then()
        .statusCode(200)
        .body("items.id", containsInAnyOrder(both, siteOnly))
        .body("items.id", not(hasItem(foreignOnly)));
    as(TestTokens.client(tenant))
        .get(WINDOWS + "/" + both)
        .then()
        .statusCode(200)
        .body("timeZone", equalTo("UTC"))
        .body("serverIds", contains(shared.toString()));
    as(TestTokens.client(tenant))
        .get(WINDOWS + "/" + siteOnly + "/occurrences")
        .then()
        .statusCode(200)
        .body("occurrences.size()", equalTo(1));
    as(TestTokens.client(tenant)).get(WINDOWS + "/" + foreignOnly).then().statusCode(404);
    as(TestTokens.client(tenant))
        .get(WINDOWS + "/" + foreignOnly + "/occurrences")
        .then()
        .statusCode(404);
    as(TestTokens.client("stranger")).get(WINDOWS + "/" + both).then().statusCode(404);
    as(TestTokens.client("stranger")).get(WINDOWS).then().body("items.size()", equalTo(0));
    as(TestTokens.client(tenant)).delete(WINDOWS + "/" + both).then().statusCode(403);

    as(TestTokens.agent()).get(WINDOWS).then().statusCode(403);
    as(TestTokens.agent()).get(WINDOWS + "/" + both).then().statusCode(403);
    as(TestTokens.agent())
        .body(window(List.of(shared), List.of(), start, end))
        .post(WINDOWS)
        .then()
        .statusCode(403);
    as(TestTokens.agent()).delete(WINDOWS + "/" + both).then().statusCode(403);
    given().get(WINDOWS).then().statusCode(401);
    given().get(WINDOWS + "/" + both + "/occurrences").then().statusCode(401);
  }

  @Test
  void aListedWindowReadsAsTheWindowItselfTargetsInTheSameOrder() {
    // ids whose first digit puts them in a different order as Java compares UUIDs (signed)
    List<UUID> servers = new ArrayList<>();
    for (String first : List.of("f", "0", "8")) {
      UUID id = UUID.fromString(first + UUID.randomUUID().toString().substring(1));
      InventoryFeed.registerServer(id, InventoryFeed.hostname("hv", id));
      servers.add(id);
    }
    Map<String, Object> created =
        as(TestTokens.engineer())
            .body(window(servers, List.of(), "2026-12-05T22:00:00.5Z", "2026-12-05T23:00:00Z"))
            .post(WINDOWS)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getMap("$");
    Map<String, Object> listed =
        as(TestTokens.support())
            .queryParam("serverId", servers.get(0))
            .get(WINDOWS)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("items[0]");
    org.assertj.core.api.Assertions.assertThat(listed).isEqualTo(created);
    org.assertj.core.api.Assertions.assertThat(
            as(TestTokens.support())
                .get(WINDOWS + "/" + created.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$"))
        .isEqualTo(created);
    org.assertj.core.api.Assertions.assertThat(created.get("startsAt"))
        .isEqualTo("2026-12-05T22:00:00.500Z");
  }

  @Test
  void windowsAreWalkedNewestFirstWithAndWithoutATimeFilter() {
    UUID server = InventoryFeed.activeServer("hv");
    List<String> ids = new ArrayList<>();
    for (int hour = 1; hour <= 3; hour++) {
      ids.add(
          create(
              window(
                  List.of(server),
                  List.of(),
                  "2026-12-03T0" + hour + ":00:00Z",
                  "2026-12-03T10:00:00Z")));
    }
    // a daily window from the day before that is not running at 05:00: only Java can tell
    Map<String, Object> daily =
        window(List.of(server), List.of(), "2026-12-02T00:00:00Z", "2026-12-02T00:30:00Z");
    daily.put("rrule", "FREQ=DAILY;COUNT=5");
    daily.put("timeZone", "UTC");
    String dailyId = create(daily);

    List<String> all = walk(Map.of("serverId", server), 2, 4);
    org.assertj.core.api.Assertions.assertThat(all)
        .containsExactly(ids.get(2), ids.get(1), ids.get(0), dailyId);

    List<String> running =
        walk(Map.of("serverId", server, "activeAt", "2026-12-03T05:00:00Z"), 2, 3);
    org.assertj.core.api.Assertions.assertThat(running)
        .containsExactly(ids.get(2), ids.get(1), ids.get(0));
    as(TestTokens.support())
        .queryParam("serverId", server)
        .queryParam("from", "2026-12-03T00:00:00Z")
        .queryParam("to", "2026-12-04T00:00:00Z")
        .queryParam("size", 1)
        .queryParam("total", true)
        .get(WINDOWS)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].id", equalTo(ids.get(2)))
        .body("total", equalTo(4));
    expectListingField(Map.of("activeAt", "2026-12-03T05:00:00Z", "after", "***"), "after");
    expectListingField(Map.of("after", "***"), "after");
  }

  /**
   * The ids of a window list walked {@code size} at a time; the first page counts {@code total}.
   */
  private static List<String> walk(Map<String, ?> query, int size, int total) {
    List<String> ids = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      RequestSpecification request = as(TestTokens.support()).queryParams(query);
      request.queryParam("size", size);
      if (after == null) {
        request.queryParam("total", true);
      } else {
        request.queryParam("after", after);
      }
      var page = request.get(WINDOWS).then().statusCode(200);
      if (after == null) {
        page.body("total", equalTo(total));
      }
      io.restassured.path.json.JsonPath json = page.extract().jsonPath();
      org.assertj.core.api.Assertions.assertThat(json.getList("items"))
          .hasSizeLessThanOrEqualTo(size);
      ids.addAll(json.getList("items.id"));
      after = json.getString("next");
      pages++;
    } while (after != null && pages < 50);
    org.assertj.core.api.Assertions.assertThat(pages).isEqualTo((total + size - 1) / size);
    return ids;
  }

  static Map<String, Object> window(
      List<UUID> servers, List<UUID> services, String startsAt, String endsAt) {
    Map<String, Object> body = new HashMap<>();
    body.put("serverIds", servers.stream().map(UUID::toString).toList());
    body.put("hostedServiceIds", services.stream().map(UUID::toString).toList());
    body.put("startsAt", startsAt);
    body.put("endsAt", endsAt);
    body.put("reason", "Kernel update and reboot, approved by the client");
    return body;
  }

  static String create(Map<String, Object> body) {
    return as(TestTokens.engineer())
        .body(body)
        .post(WINDOWS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static void expectField(Map<String, Object> body, String field) {
    as(TestTokens.engineer())
        .body(body)
        .post(WINDOWS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo(field));
  }

  private static void expectListingField(Map<String, ?> query, String field) {
    as(TestTokens.support())
        .queryParams(query)
        .get(WINDOWS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo(field));
  }

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }
}
