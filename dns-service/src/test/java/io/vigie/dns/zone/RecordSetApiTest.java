package io.vigie.dns.zone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vigie.dns.Zones;
import io.vigie.dns.servers.Dig;
import io.vigie.dns.servers.DnsServersResource;
import io.vigie.events.dns.DnsEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One RRset set or removed at a time, checked by asking the real PowerDNS and BIND. */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
@QuarkusTestResource(DnsServersResource.class)
class RecordSetApiTest {

  private static Response put(
      String token, String id, String etag, String owner, String type, Map<String, ?> body) {
    var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
    if (etag != null) {
      request.header("If-Match", etag);
    }
    return request.put("/api/v1/zones/" + id + "/record-sets/" + owner + "/" + type);
  }

  private static Response delete(String token, String id, String etag, String owner, String type) {
    var request = given().auth().oauth2(token);
    if (etag != null) {
      request.header("If-Match", etag);
    }
    return request.delete(
        "/api/v1/zones/" + id + "/record-sets/" + owner + "/" + type + "?reason=decommissioned");
  }

  private static Map<String, Object> body(Object ttl, String reason, String... records) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (ttl != null) {
      body.put("ttl", ttl);
    }
    body.put("records", List.of(records));
    if (reason != null) {
      body.put("reason", reason);
    }
    return body;
  }

  @Test
  void oneRecordSetIsAddedChangedAndRemovedOnBothServersWithAuditAndEvents() throws Exception {
    String tenant = Zones.client("lumiere");
    String zone = "rrset.lumiere-demo.com.";
    Response created =
        Zones.create(
            TestTokens.client(tenant),
            Zones.newZone(
                zone,
                null,
                "providers",
                List.of("pdns", "bind"),
                "recordSets",
                List.of(Zones.set("www", "A", 300, "51.15.0.30"))));
    String id = created.path("id");
    long serial = ((Number) created.path("serial")).longValue();
    int[] servers = {DnsServersResource.pdns().dnsPort, DnsServersResource.bind().port};

    // the plan first: one ADD, nothing sent
    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .contentType(ContentType.JSON)
        .body(body(600, null, "51.15.0.31"))
        .post("/api/v1/zones/" + id + "/record-sets/shop/A/plan")
        .then()
        .statusCode(200)
        .body("changes.action", contains("ADD"))
        .body("changes.name", contains("shop." + zone))
        .body("providers.name", contains("bind", "pdns"));
    assertThat(Dig.answer(servers[0], "shop." + zone, "A")).isEmpty();

    Response added =
        put(
            TestTokens.client(tenant),
            id,
            "\"0\"",
            "shop",
            "A",
            body(600, "new shop", "51.15.0.31"));
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.header("ETag")).isEqualTo("\"1\"");
    Response changed =
        put(
            TestTokens.engineer(),
            id,
            "\"1\"",
            "www." + zone,
            "a",
            body(null, "moved", "51.159.5.30", "51.159.5.31"));
    assertThat(changed.statusCode()).isEqualTo(200);
    Response removed = delete(TestTokens.client(tenant), id, "\"2\"", "shop", "A");
    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(((Number) removed.path("serial")).longValue()).isEqualTo(serial + 3);

    for (int port : servers) {
      assertThat(Dig.answer(port, "shop." + zone, "A")).isEmpty();
      assertThat(Dig.answer(port, "www." + zone, "A"))
          .containsExactly("51.159.5.30", "51.159.5.31");
      assertThat(Dig.ttl(port, "www." + zone, "A")).isEqualTo(3600);
      assertThat(Dig.answer(port, zone, "MX")).hasSize(2); // the rest of the zone is untouched
      assertThat(Dig.serial(port, zone)).isEqualTo(serial + 3);
    }
    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .get("/api/v1/zones/" + id + "/history")
        .then()
        .statusCode(200)
        .body("items.reason", contains("decommissioned", "moved", "new shop", null))
        .body("items[0].changes.action", contains("REMOVE"))
        .body("items[1].changes.action", contains("CHANGE"))
        .body("items[1].changes[0].before.records", contains("51.15.0.30"));
    var events =
        KafkaEvents.await(
            DnsEvents.TOPIC,
            KafkaEvents.withKey(id).and(KafkaEvents.ofType(DnsEvents.RECORD_SET_CHANGED)),
            3,
            Duration.ofSeconds(20));
    assertThat(events).hasSize(3);
  }

  @Test
  void badInputIsAProblemNamingTheFieldAndChangesNothing() {
    String tenant = Zones.client("lumiere");
    String id =
        Zones.create(
                TestTokens.engineer(),
                Zones.newZone(
                    Zones.name("lumiere-demo.com."),
                    tenant,
                    "recordSets",
                    List.of(Zones.set("www", "A", 300, "51.15.0.11"))))
            .path("id");
    String token = TestTokens.engineer();
    put(token, id, "\"0\"", "www", "A", body(5, null, "51.15.0.12"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("ttl"));
    put(token, id, "\"0\"", "www", "A", body(300, null, "51.15.0.12", "not-an-address"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("records[1]"));
    put(token, id, "\"0\"", "www", "BOGUS", body(300, null, "x"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("type"));
    put(token, id, "\"0\"", "a..b", "A", body(300, null, "51.15.0.12"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("name"));
    put(token, id, "\"0\"", "www", "CNAME", body(300, null, "web.example."))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("name"));
    Map<String, Object> grouped = body(300, null, "10 mx1.hoster-demo.net.");
    grouped.put("failoverGroup", "web");
    put(token, id, "\"0\"", "@", "MX", grouped)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("failoverGroup"));
    delete(token, id, "\"0\"", "@", "NS")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("recordSets"));
    delete(token, id, "\"0\"", "nothing-here", "A").then().statusCode(404);
    put(token, id, null, "www", "A", body(300, null, "51.15.0.12")).then().statusCode(428);
    put(token, id, "\"7\"", "www", "A", body(300, null, "51.15.0.12")).then().statusCode(412);
    given()
        .auth()
        .oauth2(TestTokens.support())
        .get("/api/v1/zones/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("recordSets.find { it.name.startsWith('www.') }.records", contains("51.15.0.11"));
  }

  @Test
  void levelOneSupportReadsButDoesNotChangeOneRecordSet() {
    String tenant = Zones.client("lumiere");
    String id =
        Zones.create(TestTokens.engineer(), Zones.newZone(Zones.name("lumiere-demo.com."), tenant))
            .path("id");
    put(TestTokens.support(), id, "\"0\"", "www", "A", body(300, null, "51.15.0.12"))
        .then()
        .statusCode(403);
    delete(TestTokens.support(), id, "\"0\"", "@", "MX").then().statusCode(403);
  }
}
