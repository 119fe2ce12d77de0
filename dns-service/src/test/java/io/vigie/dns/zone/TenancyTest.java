package io.vigie.dns.zone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vigie.dns.Zones;
import io.vigie.dns.servers.DnsServersResource;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two clients side by side: every zone endpoint, tried across the wall. */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
@QuarkusTestResource(DnsServersResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyTest {

  private String lumiere;
  private String saintRoch;
  private String lumiereZone;
  private String saintRochZone;

  @BeforeEach
  void twoClientsWithAZoneEach() {
    if (lumiere != null) {
      return;
    }
    lumiere = Zones.client("lumiere");
    saintRoch = Zones.client("saint-roch");
    lumiereZone =
        Zones.create(
                TestTokens.client(lumiere), Zones.newZone(Zones.name("lumiere-demo.com."), null))
            .path("id");
    saintRochZone =
        Zones.create(
                TestTokens.engineer(), Zones.newZone(Zones.name("saint-roch-demo.fr."), saintRoch))
            .path("id");
  }

  /** Every endpoint on one zone, as {@code token} calls it. */
  private List<Function<RequestSpecification, io.restassured.response.Response>> endpoints(
      String zoneId) {
    Map<String, Object> change =
        Map.of("recordSets", Zones.sets(Zones.set("www", "A", 300, "192.0.2.1")));
    return List.of(
        r -> r.get("/api/v1/zones/" + zoneId),
        r -> r.get("/api/v1/zones/" + zoneId + "/history"),
        r -> r.accept("text/plain").get("/api/v1/zones/" + zoneId + "/zone-file"),
        r ->
            r.contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(change)
                .put("/api/v1/zones/" + zoneId + "/record-sets"),
        r ->
            r.contentType(ContentType.JSON)
                .body(change)
                .post("/api/v1/zones/" + zoneId + "/record-sets/plan"),
        r ->
            r.contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(Map.of("ttl", 300, "records", List.of("192.0.2.25")))
                .put("/api/v1/zones/" + zoneId + "/record-sets/mail/A"),
        r ->
            r.contentType(ContentType.JSON)
                .body(Map.of("records", List.of("192.0.2.26")))
                .post("/api/v1/zones/" + zoneId + "/record-sets/mail/A/plan"),
        r -> r.post("/api/v1/zones/" + zoneId + "/record-sets/www/A/removal-plan"),
        r -> r.post("/api/v1/zones/" + zoneId + "/removal-plan"),
        r ->
            r.header("If-Match", "*")
                .delete("/api/v1/zones/" + zoneId + "/record-sets/www/A?reason=moved"),
        r -> r.post("/api/v1/zones/" + zoneId + "/drift-check"),
        r -> r.post("/api/v1/zones/" + zoneId + "/apply"));
  }

  @Test
  void aClientMeetsA404OnEveryEndpointOfAnotherClientsZone() {
    for (var endpoint : endpoints(saintRochZone)) {
      endpoint
          .apply(given().auth().oauth2(TestTokens.client(lumiere)))
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("detail", equalTo("Zone " + saintRochZone + " not found"));
    }
    for (var endpoint : endpoints(lumiereZone)) {
      endpoint.apply(given().auth().oauth2(TestTokens.client(saintRoch))).then().statusCode(404);
    }
  }

  @Test
  void aClientUsesEveryEndpointOnItsOwnZone() {
    for (var endpoint : endpoints(lumiereZone)) {
      endpoint.apply(given().auth().oauth2(TestTokens.client(lumiere))).then().statusCode(200);
    }
  }

  @Test
  void listsShowAClientItsOwnZonesOnlyAndStaffAll() {
    given()
        .auth()
        .oauth2(TestTokens.client(lumiere))
        .get("/api/v1/zones?size=500")
        .then()
        .statusCode(200)
        .body("items.tenant", everyItem(equalTo(lumiere)))
        .body("items.id", contains(lumiereZone));
    given()
        .auth()
        .oauth2(TestTokens.client(lumiere))
        .get("/api/v1/zones?tenant=" + saintRoch)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
    given()
        .auth()
        .oauth2(TestTokens.support())
        .get("/api/v1/zones?size=500")
        .then()
        .statusCode(200)
        .body("items.id", hasItems(lumiereZone, saintRochZone));
  }

  @Test
  void aClientCannotCreateAZoneForAnotherClient() {
    given()
        .auth()
        .oauth2(TestTokens.client(lumiere))
        .contentType(ContentType.JSON)
        .body(Zones.newZone(Zones.name("saint-roch-demo.fr."), saintRoch))
        .post("/api/v1/zones")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("tenant"));
  }

  @Test
  void agentsHaveNoAccessToZones() {
    for (var endpoint : endpoints(lumiereZone)) {
      endpoint.apply(given().auth().oauth2(TestTokens.agent())).then().statusCode(403);
    }
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .contentType(ContentType.JSON)
        .body(Zones.newZone(Zones.name("lumiere-demo.com."), lumiere))
        .post("/api/v1/zones")
        .then()
        .statusCode(403);
  }
}
