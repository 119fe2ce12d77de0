package io.vigie.inventory.servers;

import static io.vigie.inventory.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.inventory.Fixtures;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class ServerResourceTest {

  @Test
  void registersReadsAndListsAServerWithItsHardware() {
    String dc = Fixtures.createDatacenter();
    String hostname = Fixtures.unique("lb") + ".par-dc2.example.net";
    String id =
        as(TestTokens.engineer())
            .body(Fixtures.server(hostname, dc, List.of("LOAD_BALANCER")))
            .post("/api/v1/servers")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/servers/"))
            .header("ETag", "\"0\"")
            .body("status", equalTo("PLANNED"))
            .extract()
            .path("id");

    as(TestTokens.support())
        .get("/api/v1/servers/" + id)
        .then()
        .statusCode(200)
        .body("hostname", equalTo(hostname))
        .body("hardware.cpu.model", equalTo("Intel Xeon D-1531"))
        .body("hardware.cpu.threads", equalTo(12))
        .body("hardware.storage.raid", equalTo("RAID1"))
        .body("networkLinks[0].burstMbps", equalTo(1000))
        .body("warrantyEnd", equalTo("2027-03-01"));

    as(TestTokens.support())
        .queryParam("hostname", hostname)
        .queryParam("role", "LOAD_BALANCER")
        .get("/api/v1/servers")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].id", equalTo(id));
    as(TestTokens.support())
        .queryParam("hostname", hostname)
        .queryParam("role", "DATABASE")
        .get("/api/v1/servers")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }

  @Test
  void aServerReadsItsDatacenterNewCodeOnceTheDatacenterIsRenamed() {
    // the server's documents are rendered when the row is written (V1_4_0); a datacenter's new
    // code renders them again, for staff and for clients alike
    String dc = Fixtures.createDatacenter();
    String id = Fixtures.createServer(dc, "WEB");
    String renamed = Fixtures.unique("DC").toUpperCase();
    as(TestTokens.engineer())
        .header("If-Match", "\"0\"")
        .body(Fixtures.datacenter(renamed))
        .put("/api/v1/datacenters/" + dc)
        .then()
        .statusCode(200);

    as(TestTokens.support())
        .get("/api/v1/servers/" + id)
        .then()
        .statusCode(200)
        .body("datacenterCode", equalTo(renamed));
    as(TestTokens.support())
        .queryParam("datacenter", renamed)
        .get("/api/v1/servers")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].datacenterCode", equalTo(renamed));
  }

  @Test
  void updateNeedsTheCurrentVersion() {
    String dc = Fixtures.createDatacenter();
    String id = Fixtures.createServer(dc, "WEB");
    Map<String, Object> body =
        new HashMap<>(
            Fixtures.server(
                Fixtures.unique("web") + ".example.net", dc, List.of("WEB", "APPLICATION")));

    as(TestTokens.engineer())
        .body(body)
        .put("/api/v1/servers/" + id)
        .then()
        .statusCode(428)
        .contentType("application/problem+json");
    as(TestTokens.engineer())
        .header("If-Match", "\"0\"")
        .body(body)
        .put("/api/v1/servers/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("roles", hasSize(2));
    as(TestTokens.engineer())
        .header("If-Match", "\"0\"")
        .body(body)
        .put("/api/v1/servers/" + id)
        .then()
        .statusCode(412)
        .contentType("application/problem+json")
        .body("title", equalTo("Stale version"));
  }

  @Test
  void lifecycleFollowsItsRulesAndKeepsHistory() {
    String id = Fixtures.createServer(Fixtures.createDatacenter(), "DATABASE");
    Fixtures.transition(id, "MAINTENANCE")
        .statusCode(409)
        .body("detail", containsString("PLANNED"));
    Fixtures.transition(id, "ACTIVE").statusCode(200).body("status", equalTo("ACTIVE"));
    Fixtures.transition(id, "MAINTENANCE").statusCode(200);
    Fixtures.transition(id, "ACTIVE").statusCode(200);
    Fixtures.transition(id, "DECOMMISSIONED").statusCode(200);
    Fixtures.transition(id, "ACTIVE").statusCode(409);

    as(TestTokens.support())
        .get("/api/v1/servers/" + id + "/history")
        .then()
        .statusCode(200)
        .body(
            "to", equalTo(List.of("PLANNED", "ACTIVE", "MAINTENANCE", "ACTIVE", "DECOMMISSIONED")))
        .body("[1].changedBy", equalTo("engineer"))
        .body("[1].changedAt", notNullValue());
  }

  @Test
  void supportReadsButCannotChangeTheInventory() {
    String dc = Fixtures.createDatacenter();
    as(TestTokens.support())
        .body(Fixtures.server(Fixtures.unique("x") + ".example.net", dc, List.of("WEB")))
        .post("/api/v1/servers")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void invalidInputNamesEveryFieldAndWritesNothing() {
    String dc = Fixtures.createDatacenter();
    String hostname = Fixtures.unique("bad") + ".example.net";
    Map<String, Object> body = new HashMap<>(Fixtures.server(hostname, dc, List.of("WEB")));
    body.put("managementIp", "10.0.0.999");
    body.put(
        "hardware",
        Map.of(
            "cpu",
            Map.of("model", "", "sockets", 1, "cores", 0, "threads", 1, "ghz", 2),
            "memory",
            Map.of("sizeGb", 8)));
    as(TestTokens.engineer())
        .body(body)
        .post("/api/v1/servers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("managementIp"))
        .body("errors.field", hasItem("hardware.cpu.model"))
        .body("errors.field", hasItem("hardware.cpu.cores"))
        .body("detail", not(containsString("Exception")));

    body = new HashMap<>(Fixtures.server(hostname, dc, List.of("WEB")));
    body.put("roles", List.of("TOASTER"));
    as(TestTokens.engineer())
        .body(body)
        .post("/api/v1/servers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("roles[0]"))
        .body("errors[0].message", containsString("LOAD_BALANCER"));

    body = new HashMap<>(Fixtures.server(hostname, dc, List.of("WEB")));
    body.put("warrantyEnd", "2023-02-30");
    as(TestTokens.engineer())
        .body(body)
        .post("/api/v1/servers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("warrantyEnd"));

    body = new HashMap<>(Fixtures.server(hostname, dc, List.of("WEB")));
    body.put("warrantyEnd", "2020-01-01");
    as(TestTokens.engineer())
        .body(body)
        .post("/api/v1/servers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("warrantyEnd"));

    body = new HashMap<>(Fixtures.server(hostname, dc, List.of("WEB")));
    body.put("colour", "blue");
    as(TestTokens.engineer())
        .body(body)
        .post("/api/v1/servers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("colour"));

    as(TestTokens.engineer())
        .body("{\"hostname\": \"x.example.net\", ")
        .post("/api/v1/servers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", equalTo("Malformed JSON"));

    as(TestTokens.engineer())
        .contentType("text/plain")
        .body("hello")
        .post("/api/v1/servers")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");

    as(TestTokens.support())
        .queryParam("hostname", hostname)
        .get("/api/v1/servers")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }

  @Test
  void rackPlacementIsChecked() {
    String dc = Fixtures.createDatacenter();
    String rack =
        as(TestTokens.engineer())
            .body(Map.of("datacenterId", dc, "name", "R12", "room", "S1", "units", 42))
            .post("/api/v1/racks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Map<String, Object> first =
        new HashMap<>(Fixtures.server(Fixtures.unique("a") + ".example.net", dc, List.of("WEB")));
    first.put("rackId", rack);
    first.put("rackPosition", 10);
    first.put("heightUnits", 2);
    as(TestTokens.engineer()).body(first).post("/api/v1/servers").then().statusCode(201);

    Map<String, Object> clash = new HashMap<>(first);
    clash.put("hostname", Fixtures.unique("b") + ".example.net");
    clash.put("rackPosition", 11);
    as(TestTokens.engineer()).body(clash).post("/api/v1/servers").then().statusCode(409);

    clash.put("rackPosition", 42);
    as(TestTokens.engineer())
        .body(clash)
        .post("/api/v1/servers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("rackPosition"));
  }

  @Test
  void unauthenticatedAndForgedTokensAreRefused() {
    io.restassured.RestAssured.given().get("/api/v1/servers").then().statusCode(401);
    as(TestTokens.forged("admin", java.util.Set.of("vigie-admin")))
        .get("/api/v1/servers")
        .then()
        .statusCode(401);
  }
}
