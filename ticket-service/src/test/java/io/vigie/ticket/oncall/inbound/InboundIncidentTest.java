package io.vigie.ticket.oncall.inbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.InventoryFeed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The generic webhook: an integration bound to a client opens an incident under a dedup key, a
 * repeat updates it, RESOLVED resolves it, a later firing opens a new one; it never acts for
 * another client; bad input is refused naming every field, with nothing written.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class InboundIncidentTest {

  static final String INBOUND = "/api/v1/integrations/incidents";

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  /** An integration's token bound to {@code tenant} (Keycloak: a hardcoded tenant claim). */
  static String integrationOf(String tenant) {
    return TestTokens.token("zabbix-" + tenant, Set.of("vigie-agent"), tenant);
  }

  static Map<String, Object> firing(String key, String summary, String priority) {
    Map<String, Object> body = new HashMap<>();
    body.put("dedupKey", key);
    body.put("status", "FIRING");
    body.put("summary", summary);
    body.put("priority", priority);
    return body;
  }

  @Test
  void aDedupKeyOpensUpdatesResolvesThenOpensAnew() {
    String tenant = InventoryFeed.tenant("inbound");
    UUID clientId = InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    UUID shop = InventoryFeed.website(clientId, tenant, List.of(), List.of());
    String token = integrationOf(tenant);
    String key = "shop-http-" + tenant;

    Map<String, Object> first = firing(key, "Shop answers 502", "P2");
    first.put("details", "checkout probe failed 3 times");
    first.put("targets", List.of(Map.of("kind", "HOSTED_SERVICE", "id", shop.toString())));
    var opened =
        as(token)
            .body(first)
            .post(INBOUND)
            .then()
            .statusCode(201)
            .body("action", equalTo("OPENED"))
            .body("client", equalTo(tenant))
            .body("received", equalTo(1))
            .extract();
    String ticket = opened.path("ticketId");
    assertThat(opened.header("Location")).endsWith("/api/v1/tickets/" + ticket);
    as(token).get(INBOUND + "/" + key).then().statusCode(200).body("ticketId", equalTo(ticket));
    // the client reads it as its own incident, with the service linked
    as(TestTokens.client(tenant))
        .get("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200)
        .body("type", equalTo("INCIDENT"))
        .body("title", equalTo("Shop answers 502"))
        .body("priority", equalTo("P2"))
        .body("description", equalTo("checkout probe failed 3 times"))
        .body("links.target", hasItem(shop.toString()));

    // a repeat updates the same incident: new title and priority, one more delivery
    as(token)
        .body(firing(key, "Shop answers 502 on every page", "P1"))
        .post(INBOUND)
        .then()
        .statusCode(200)
        .body("action", equalTo("UPDATED"))
        .body("ticketId", equalTo(ticket))
        .body("received", equalTo(2));
    as(TestTokens.engineer())
        .get("/api/v1/tickets/" + ticket)
        .then()
        .body("priority", equalTo("P1"))
        .body("title", equalTo("Shop answers 502 on every page"));
    assertThat(
            as(TestTokens.engineer())
                .get("/api/v1/tickets?tenant=" + tenant + "&type=INCIDENT")
                .then()
                .extract()
                .jsonPath()
                .getList("items"))
        .hasSize(1);

    // resolved: the incident is resolved pending the client's confirmation; again: unchanged
    Map<String, Object> resolved = Map.of("dedupKey", key, "status", "RESOLVED");
    as(token)
        .body(resolved)
        .post(INBOUND)
        .then()
        .statusCode(200)
        .body("action", equalTo("RESOLVED"));
    as(TestTokens.client(tenant))
        .get("/api/v1/tickets/" + ticket)
        .then()
        .body("status", equalTo("RESOLVED"));
    as(token)
        .body(resolved)
        .post(INBOUND)
        .then()
        .statusCode(200)
        .body("action", equalTo("UNCHANGED"));
    String timeline =
        as(TestTokens.engineer())
            .get("/api/v1/tickets/" + ticket + "/timeline?size=100")
            .then()
            .extract()
            .asString();
    assertThat(timeline)
        .contains("Opened by integration:zabbix-" + tenant + " (dedup key " + key + ", P2)")
        .contains("Fired again (2 deliveries)");

    // firing after the resolution opens a new incident under the same key
    String again =
        as(token)
            .body(firing(key, "Shop answers 502 again", "P3"))
            .post(INBOUND)
            .then()
            .statusCode(201)
            .body("action", equalTo("OPENED"))
            .body("ticketId", not(equalTo(ticket)))
            .extract()
            .path("ticketId");
    as(token).get(INBOUND + "/" + key).then().statusCode(200).body("ticketId", equalTo(again));
  }

  @Test
  void anIntegrationBoundToOneClientNeverReachesAnother() {
    String mine = InventoryFeed.tenant("bound");
    String theirs = InventoryFeed.tenant("other");
    InventoryFeed.client(mine, InventoryFeed.aroundTheClock());
    UUID theirId = InventoryFeed.client(theirs, InventoryFeed.aroundTheClock());
    UUID theirShop = InventoryFeed.website(theirId, theirs, List.of(), List.of());
    String token = integrationOf(mine);

    // naming another client: 404, as an unknown one
    Map<String, Object> forThem = firing("k1-" + mine, "Their shop", "P1");
    forThem.put("client", theirs);
    as(token).body(forThem).post(INBOUND).then().statusCode(404);
    forThem.put("client", "nobody-" + mine);
    as(token).body(forThem).post(INBOUND).then().statusCode(404);

    // another client's hosted service as a target: refused naming it, nothing written
    Map<String, Object> theirTarget = firing("k2-" + mine, "Shop", "P1");
    theirTarget.put(
        "targets", List.of(Map.of("kind", "HOSTED_SERVICE", "id", theirShop.toString())));
    as(token)
        .body(theirTarget)
        .post(INBOUND)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("targets[0].id"));
    as(token).get(INBOUND + "/k2-" + mine).then().statusCode(404);
    assertThat(
            as(TestTokens.engineer())
                .get("/api/v1/tickets?tenant=" + mine)
                .then()
                .extract()
                .jsonPath()
                .getList("items"))
        .isEmpty();

    // the hoster's own (unbound) integration names the client; the bound one cannot read it
    String theirKey = "disk-" + theirs;
    Map<String, Object> hosterWide = firing(theirKey, "Disk full", "P2");
    hosterWide.put("client", theirs);
    as(TestTokens.agent()).body(hosterWide).post(INBOUND).then().statusCode(201);
    as(TestTokens.agent())
        .get(INBOUND + "/" + theirKey + "?client=" + theirs)
        .then()
        .statusCode(200);
    as(token).get(INBOUND + "/" + theirKey).then().statusCode(404);
    as(token).get(INBOUND + "/" + theirKey + "?client=" + theirs).then().statusCode(404);
    // nor resolve it
    as(token)
        .body(Map.of("dedupKey", theirKey, "status", "RESOLVED"))
        .post(INBOUND)
        .then()
        .statusCode(404);

    // integrations only
    for (String other :
        List.of(TestTokens.client(mine), TestTokens.engineer(), TestTokens.admin())) {
      as(other).body(firing("k3", "x", "P1")).post(INBOUND).then().statusCode(403);
      as(other).get(INBOUND + "/k3").then().statusCode(403);
    }
    given()
        .contentType(ContentType.JSON)
        .body(firing("k3", "x", "P1"))
        .post(INBOUND)
        .then()
        .statusCode(401);
    given().get(INBOUND + "/k3").then().statusCode(401);
  }

  @Test
  void badInputIsRefusedNamingEveryFieldWithNothingWritten() {
    String tenant = InventoryFeed.tenant("badin");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    String token = integrationOf(tenant);

    Map<String, Object> bad = new HashMap<>();
    bad.put("dedupKey", "has spaces/and slashes");
    bad.put("status", "FIRING");
    bad.put("summary", " ");
    bad.put("targets", List.of(Map.of("kind", "SERVER", "id", "web1")));
    as(token)
        .body(bad)
        .post(INBOUND)
        .then()
        .statusCode(400)
        .body(
            "errors.field", containsInAnyOrder("dedupKey", "summary", "priority", "targets[0].id"));
    as(token)
        .body(Map.of("dedupKey", "k", "status", "firing", "summary", "x", "priority", "P1"))
        .post(INBOUND)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("status"));
    as(token)
        .body(Map.of("dedupKey", "k", "status", "FIRING", "summary", "x", "priority", "P9"))
        .post(INBOUND)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("priority"));
    // the hoster's own integration must name a known client
    as(TestTokens.agent())
        .body(firing("k", "x", "P1"))
        .post(INBOUND)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("client"));
    Map<String, Object> unknown = firing("k", "x", "P1");
    unknown.put("client", "nobody-" + tenant);
    as(TestTokens.agent())
        .body(unknown)
        .post(INBOUND)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("client"));
    // resolving a key never seen
    as(token)
        .body(Map.of("dedupKey", "never-seen", "status", "RESOLVED"))
        .post(INBOUND)
        .then()
        .statusCode(404);
    assertThat(
            as(TestTokens.engineer())
                .get("/api/v1/tickets?tenant=" + tenant)
                .then()
                .extract()
                .jsonPath()
                .getList("items"))
        .isEmpty();
  }
}
