package io.vigie.inventory;

import static io.vigie.inventory.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vigie.testkit.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenants are walls: a client's token reads only its own data; another tenant's ids answer 404 (no
 * existence leak); writes and hoster-wide data are refused to clients by role; no token, 401.
 */
@QuarkusTest
class TenancyTest {

  String tenantA;
  String tenantB;
  String clientA;
  String clientB;
  String hostA;
  String hostB;
  String guestA;
  String guestB;
  String serviceA;
  String serviceB;
  String datacenter;

  @BeforeEach
  void twoTenantsOnTwoHypervisors() {
    tenantA = Fixtures.unique("a");
    tenantB = Fixtures.unique("b");
    clientA = Fixtures.createClient(tenantA);
    clientB = Fixtures.createClient(tenantB);
    datacenter = Fixtures.createDatacenter();
    hostA = Fixtures.createServer(datacenter, "HYPERVISOR");
    hostB = Fixtures.createServer(datacenter, "HYPERVISOR");
    guestA = Fixtures.createGuest(hostA, clientA);
    guestB = Fixtures.createGuest(hostB, clientB);
    serviceA = Fixtures.createHostedService(clientA, List.of(), List.of(guestA));
    serviceB = Fixtures.createHostedService(clientB, List.of(hostB), List.of(guestB));
  }

  @Test
  void aClientReadsItsOwnData() {
    String token = TestTokens.client(tenantA);
    as(token)
        .get("/api/v1/clients")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].code", equalTo(tenantA));
    as(token)
        .get("/api/v1/clients/" + clientA)
        .then()
        .statusCode(200)
        .body("contract.availabilityTarget", equalTo(99.95f));
    as(token)
        .get("/api/v1/servers")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].id", equalTo(hostA))
        .body("items[0].managementIp", equalTo(null));
    as(token).get("/api/v1/servers/" + hostA).then().statusCode(200);
    as(token).get("/api/v1/servers/" + hostA + "/history").then().statusCode(200);
    as(token)
        .get("/api/v1/virtual-machines")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].id", equalTo(guestA));
    as(token).get("/api/v1/virtual-machines/" + guestA).then().statusCode(200);
    as(token)
        .get("/api/v1/hosted-services")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items.tenant", everyItem(equalTo(tenantA)));
    as(token).get("/api/v1/hosted-services/" + serviceA).then().statusCode(200);
    as(token)
        .get("/api/v1/reports/impact/" + hostA)
        .then()
        .statusCode(200)
        .body("clients.code", equalTo(List.of(tenantA)));
  }

  @Test
  void anotherTenantsIdsAnswer404() {
    String token = TestTokens.client(tenantA);
    for (String path :
        List.of(
            "/api/v1/clients/" + clientB,
            "/api/v1/servers/" + hostB,
            "/api/v1/servers/" + hostB + "/history",
            "/api/v1/virtual-machines/" + guestB,
            "/api/v1/hosted-services/" + serviceB,
            "/api/v1/reports/impact/" + hostB)) {
      as(token).get(path).then().statusCode(404).contentType("application/problem+json");
    }
    // filters cannot reach across the wall either
    as(token)
        .queryParam("client", tenantB)
        .get("/api/v1/virtual-machines")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
    as(token)
        .queryParam("client", tenantB)
        .get("/api/v1/hosted-services")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
    as(token)
        .queryParam("client", tenantB)
        .get("/api/v1/servers")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
    as(token)
        .queryParam("code", tenantB)
        .get("/api/v1/clients")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }

  @Test
  void clientsChangeNothingAndSeeNoHosterWideData() {
    String token = TestTokens.client(tenantA);
    String etag = "\"0\"";
    Map<String, Object> guest = Fixtures.guest("x", hostA, clientA);
    List<Runnable> writes =
        List.of(
            () ->
                as(token)
                    .body(Fixtures.client(Fixtures.unique("c")))
                    .post("/api/v1/clients")
                    .then()
                    .statusCode(403),
            () ->
                as(token)
                    .header("If-Match", etag)
                    .body(Map.of("name", "x"))
                    .put("/api/v1/clients/" + clientA)
                    .then()
                    .statusCode(403),
            () ->
                as(token)
                    .header("If-Match", etag)
                    .body(Fixtures.contract())
                    .put("/api/v1/clients/" + clientA + "/contract")
                    .then()
                    .statusCode(403),
            () ->
                as(token)
                    .body(Fixtures.server("x.example.net", datacenter, List.of("WEB")))
                    .post("/api/v1/servers")
                    .then()
                    .statusCode(403),
            () ->
                as(token)
                    .header("If-Match", etag)
                    .body(Map.of("to", "ACTIVE", "reason", "x"))
                    .post("/api/v1/servers/" + hostA + "/lifecycle")
                    .then()
                    .statusCode(403),
            () -> as(token).body(guest).post("/api/v1/virtual-machines").then().statusCode(403),
            () ->
                as(token)
                    .header("If-Match", etag)
                    .body(guest)
                    .put("/api/v1/virtual-machines/" + guestA)
                    .then()
                    .statusCode(403),
            () ->
                as(token)
                    .header("If-Match", etag)
                    .delete("/api/v1/virtual-machines/" + guestA)
                    .then()
                    .statusCode(403),
            () ->
                as(token)
                    .header("If-Match", etag)
                    .delete("/api/v1/hosted-services/" + serviceA)
                    .then()
                    .statusCode(403),
            () -> as(token).get("/api/v1/datacenters").then().statusCode(403),
            () -> as(token).get("/api/v1/datacenters/" + datacenter).then().statusCode(403),
            () -> as(token).get("/api/v1/racks").then().statusCode(403),
            () -> as(token).get("/api/v1/reports/capacity").then().statusCode(403),
            () -> as(token).get("/api/v1/reports/warranty").then().statusCode(403),
            () -> as(token).get("/api/v1/integrations/prometheus/targets").then().statusCode(403),
            () -> as(token).get("/api/v1/integrations/ansible/inventory").then().statusCode(403));
    writes.forEach(Runnable::run);
    // and nothing changed
    as(TestTokens.support())
        .get("/api/v1/virtual-machines/" + guestA)
        .then()
        .statusCode(200)
        .body("version", equalTo(0));
  }

  @Test
  void everyEndpointRefusesACallWithoutAToken() {
    String any = hostA;
    for (String path :
        List.of(
            "/api/v1/clients",
            "/api/v1/clients/" + clientA,
            "/api/v1/datacenters",
            "/api/v1/datacenters/" + datacenter,
            "/api/v1/racks",
            "/api/v1/racks/" + any,
            "/api/v1/servers",
            "/api/v1/servers/" + any,
            "/api/v1/servers/" + any + "/history",
            "/api/v1/virtual-machines",
            "/api/v1/virtual-machines/" + guestA,
            "/api/v1/hosted-services",
            "/api/v1/hosted-services/" + serviceA,
            "/api/v1/reports/capacity",
            "/api/v1/reports/warranty",
            "/api/v1/reports/impact/" + any,
            "/api/v1/integrations/prometheus/targets",
            "/api/v1/integrations/ansible/inventory")) {
      RestAssured.given().get(path).then().statusCode(401);
    }
    for (String path :
        List.of(
            "/api/v1/clients",
            "/api/v1/datacenters",
            "/api/v1/racks",
            "/api/v1/servers",
            "/api/v1/servers/" + any + "/lifecycle",
            "/api/v1/virtual-machines",
            "/api/v1/hosted-services")) {
      RestAssured.given()
          .contentType("application/json")
          .body("{}")
          .post(path)
          .then()
          .statusCode(401);
    }
    RestAssured.given()
        .contentType("application/json")
        .body("{}")
        .put("/api/v1/clients/" + clientA + "/contract")
        .then()
        .statusCode(401);
    RestAssured.given().delete("/api/v1/virtual-machines/" + guestA).then().statusCode(401);
  }

  @Test
  void aClientTokenWithoutTenantSeesNothing() {
    String token = TestTokens.token("stray", java.util.Set.of("vigie-client"), null);
    as(token).get("/api/v1/servers").then().statusCode(403);
  }
}
