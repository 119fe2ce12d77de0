package io.vigie.monitoring.probe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The active checks API: validation, duplicates, optimistic concurrency, paging and tenancy. */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class ActiveCheckApiTest {

  /** A TCP check on a closed port of this host: valid, and harmless while it runs. */
  private static Map<String, Object> tcpCheck(UUID server, String name) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("kind", "TCP");
    body.put("serverId", server.toString());
    body.put("intervalSeconds", 60);
    body.put("enabled", false);
    body.put("settings", Map.of("host", "127.0.0.1", "port", 9));
    return body;
  }

  private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(body);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return copy;
  }

  @Test
  void createdCheckHasDefaultsAnETagAndALocation() {
    UUID server = InventoryFeed.activeServer("api");
    Map<String, Object> body =
        with(
            with(tcpCheck(server, "ssh"), "intervalSeconds", null),
            "settings",
            Map.of("host", "127.0.0.1", "port", 22));
    String location =
        ActiveChecks.create(body)
            .statusCode(201)
            .header("ETag", "\"0\"")
            .body("kind", equalTo("TCP"))
            .body("intervalSeconds", equalTo(60))
            .body("timeoutSeconds", equalTo(10))
            .body("enabled", equalTo(false))
            .body("settings.port", equalTo(22))
            .body("settings.url", equalTo(null))
            .extract()
            .header("Location");
    assertThat(location).contains("/api/v1/active-checks/");
    given()
        .auth()
        .oauth2(TestTokens.support())
        .get(location)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("name", equalTo("ssh"));
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsKept() {
    UUID server = InventoryFeed.activeServer("bad");
    Map<String, Object> good = tcpCheck(server, "imap");
    ActiveChecks.create(with(good, "serverId", UUID.randomUUID().toString()))
        .statusCode(400)
        .contentType(containsString("problem+json"))
        .body("errors[0].field", equalTo("serverId"));
    ActiveChecks.create(with(good, "hostedServiceId", UUID.randomUUID().toString()))
        .statusCode(400)
        .body("errors[0].field", equalTo("hostedServiceId"));
    UUID elsewhere = InventoryFeed.activeServer("other");
    UUID foreignService =
        InventoryFeed.website(
            elsewhere,
            "t-" + UUID.randomUUID().toString().substring(0, 8),
            "https://x.example.net/");
    ActiveChecks.create(with(good, "hostedServiceId", foreignService.toString()))
        .statusCode(400)
        .body("errors[0].field", equalTo("hostedServiceId"))
        .body("errors[0].message", containsString("does not run on"));
    ActiveChecks.create(
            with(
                good,
                "settings",
                Map.of("host", "127.0.0.1", "port", 143, "url", "http://a.example.net/")))
        .statusCode(400)
        .body("errors[0].field", equalTo("settings.url"));
    ActiveChecks.create(with(good, "settings", Map.of("host", "127.0.0.1")))
        .statusCode(400)
        .body("errors[0].field", equalTo("settings.port"));
    ActiveChecks.create(
            with(good, "settings", Map.of("host", "127.0.0.1", "port", 143, "bogus", 1)))
        .statusCode(400);
    ActiveChecks.create(with(good, "intervalSeconds", 0))
        .statusCode(400)
        .body("errors[0].field", equalTo("intervalSeconds"));
    ActiveChecks.create(with(good, "intervalSeconds", 3601))
        .statusCode(400)
        .body("errors[0].field", equalTo("intervalSeconds"));
    ActiveChecks.create(with(good, "timeoutSeconds", 60))
        .statusCode(400)
        .body("errors[0].field", equalTo("timeoutSeconds"));
    ActiveChecks.create(with(good, "kind", "ICMP")).statusCode(400);
    ActiveChecks.create(
            with(
                with(good, "kind", "HTTP"),
                "settings",
                Map.of("url", "http://a.example.net/", "bodyMatches", "([")))
        .statusCode(400)
        .body("errors[0].field", equalTo("settings.bodyMatches"));
    ActiveChecks.create(
            with(
                with(good, "kind", "DNS"),
                "settings",
                Map.of("name", "web.example.test", "expectedAddresses", List.of("not-an-ip"))))
        .statusCode(400)
        .body("errors[0].field", equalTo("settings.expectedAddresses[0]"));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .queryParam("serverId", server)
        .get("/api/v1/active-checks")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }

  @Test
  void aSecondCheckWithTheSameNameOnTheServerIsAConflict() {
    UUID server = InventoryFeed.activeServer("dup");
    ActiveChecks.created(tcpCheck(server, "smtp"));
    ActiveChecks.create(tcpCheck(server, "smtp")).statusCode(409);
    UUID other = InventoryFeed.activeServer("dup2");
    ActiveChecks.created(tcpCheck(other, "smtp"));
  }

  @Test
  void updatesNeedTheCurrentETagAndDeleteToo() {
    UUID server = InventoryFeed.activeServer("etag");
    UUID id = ActiveChecks.created(tcpCheck(server, "pop3"));
    UUID clash = ActiveChecks.created(tcpCheck(server, "pop3s"));
    Map<String, Object> change = with(tcpCheck(server, "pop3"), "intervalSeconds", 120);
    update(id, null, change).statusCode(428);
    update(id, "\"0\"", change)
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("intervalSeconds", equalTo(120));
    update(id, "\"0\"", change).statusCode(412);
    update(clash, "\"0\"", with(tcpCheck(server, "pop3"), "name", "pop3")).statusCode(409);
    delete(id, "\"0\"").statusCode(412);
    delete(id, "\"1\"").statusCode(204);
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .get("/api/v1/active-checks/" + id)
        .then()
        .statusCode(404);
  }

  /** PUTs {@code body} over check {@code id} as an engineer, with that If-Match (none if null). */
  private static ValidatableResponse update(UUID id, String ifMatch, Map<String, Object> body) {
    RequestSpecification request =
        given().auth().oauth2(TestTokens.engineer()).contentType(ContentType.JSON);
    if (ifMatch != null) {
      request = request.header("If-Match", ifMatch);
    }
    return request.body(body).put("/api/v1/active-checks/" + id).then();
  }

  /** DELETEs check {@code id} as an engineer, with that If-Match. */
  private static ValidatableResponse delete(UUID id, String ifMatch) {
    return given()
        .auth()
        .oauth2(TestTokens.engineer())
        .header("If-Match", ifMatch)
        .delete("/api/v1/active-checks/" + id)
        .then();
  }

  @Test
  void listPagesAndFilters() {
    UUID server = InventoryFeed.activeServer("list");
    for (int i = 0; i < 3; i++) {
      ActiveChecks.created(tcpCheck(server, "tcp-" + i));
    }
    ActiveChecks.created(
        with(
            with(tcpCheck(server, "home page"), "kind", "HTTP"),
            "settings",
            Map.of("url", "https://www.example.net/", "expectedStatus", List.of(200, 301))));
    String next =
        given()
            .auth()
            .oauth2(TestTokens.support())
            .queryParam("serverId", server)
            .queryParam("size", 2)
            .queryParam("total", true)
            .get("/api/v1/active-checks")
            .then()
            .statusCode(200)
            .body("total", equalTo(4))
            .body("items.name", equalTo(List.of("home page", "tcp-0")))
            .extract()
            .path("next");
    given()
        .auth()
        .oauth2(TestTokens.support())
        .queryParam("serverId", server)
        .queryParam("size", 2)
        .queryParam("after", next)
        .get("/api/v1/active-checks")
        .then()
        .statusCode(200)
        .body("items.name", equalTo(List.of("tcp-1", "tcp-2")))
        .body("next", nullValue())
        .body("$", not(hasKey("total")));
    given()
        .auth()
        .oauth2(TestTokens.support())
        .queryParam("serverId", server)
        .queryParam("kind", "HTTP")
        .get("/api/v1/active-checks")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].name", equalTo("home page"))
        .body("items[0].settings.expectedStatus", equalTo(List.of(200, 301)));
  }

  @Test
  void aListedCheckReadsAsTheCheckItself() {
    UUID server = InventoryFeed.activeServer("web");
    Map<String, Object> created =
        ActiveChecks.create(
                with(
                    with(tcpCheck(server, "home page"), "kind", "HTTP"),
                    "settings",
                    Map.of("url", "https://www.example.net/", "maxLatencyMillis", 800)))
            .statusCode(201)
            .extract()
            .jsonPath()
            .getMap("$");
    Map<String, Object> listed =
        given()
            .auth()
            .oauth2(TestTokens.support())
            .queryParam("serverId", server)
            .get("/api/v1/active-checks")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("items[0]");
    assertThat(listed).isEqualTo(created);
    assertThat(
            given()
                .auth()
                .oauth2(TestTokens.support())
                .get("/api/v1/active-checks/" + created.get("id"))
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .extract()
                .jsonPath()
                .getMap("$"))
        .isEqualTo(created);
  }

  @Test
  void clientsReadOnlyTheChecksThatConcernThemAndNobodyButOperatorsWrites() {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    String stranger = "t-" + UUID.randomUUID().toString().substring(0, 8);
    UUID shared = InventoryFeed.activeServer("shared");
    InventoryFeed.guest(shared, tenant);
    UUID theirs = InventoryFeed.website(shared, tenant, "https://shop.example.net/");
    UUID strangers = InventoryFeed.website(shared, stranger, "https://other.example.net/");
    UUID lonely = InventoryFeed.activeServer("lonely");

    UUID serverWide = ActiveChecks.created(tcpCheck(shared, "ssh"));
    UUID onTheirSite =
        ActiveChecks.created(
            with(tcpCheck(shared, "shop https"), "hostedServiceId", theirs.toString()));
    UUID onStrangersSite =
        ActiveChecks.created(
            with(tcpCheck(shared, "other https"), "hostedServiceId", strangers.toString()));
    UUID elsewhere = ActiveChecks.created(tcpCheck(lonely, "ssh"));

    String client = TestTokens.client(tenant);
    given()
        .auth()
        .oauth2(client)
        .queryParam("size", 500)
        .get("/api/v1/active-checks")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(serverWide.toString()))
        .body("items.id", hasItem(onTheirSite.toString()))
        .body("items.id", not(hasItem(onStrangersSite.toString())))
        .body("items.id", not(hasItem(elsewhere.toString())));
    given()
        .auth()
        .oauth2(client)
        .get("/api/v1/active-checks/" + onTheirSite)
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(client)
        .get("/api/v1/active-checks/" + onStrangersSite)
        .then()
        .statusCode(404);
    given().auth().oauth2(client).get("/api/v1/active-checks/" + elsewhere).then().statusCode(404);
    // the stranger's site runs on the shared server too: it sees the server-wide check, not ours
    given()
        .auth()
        .oauth2(TestTokens.client(stranger))
        .get("/api/v1/active-checks/" + serverWide)
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(TestTokens.client(stranger))
        .get("/api/v1/active-checks/" + onTheirSite)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(TestTokens.client("t-nothing-here"))
        .get("/api/v1/active-checks/" + serverWide)
        .then()
        .statusCode(404);

    ActiveChecks.create(client, tcpCheck(shared, "mine")).statusCode(403);
    given()
        .auth()
        .oauth2(client)
        .header("If-Match", "\"0\"")
        .delete("/api/v1/active-checks/" + onTheirSite)
        .then()
        .statusCode(403);
    ActiveChecks.create(TestTokens.support(), tcpCheck(shared, "support's")).statusCode(403);
    given().auth().oauth2(TestTokens.agent()).get("/api/v1/active-checks").then().statusCode(403);
    ActiveChecks.create(TestTokens.agent(), tcpCheck(shared, "agent's")).statusCode(403);
    given().get("/api/v1/active-checks").then().statusCode(401);
  }
}
