package io.vigie.inventory.guests;

import static io.vigie.inventory.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.vigie.inventory.Fixtures;
import io.vigie.testkit.TestTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GuestsAndHostedServicesTest {

  @Test
  void guestsGoOnActiveHypervisorsOnly() {
    String dc = Fixtures.createDatacenter();
    String client = Fixtures.createClient(Fixtures.unique("g"));
    String web = Fixtures.createServer(dc, "WEB");
    as(TestTokens.engineer())
        .body(Fixtures.guest("ct1", web, client))
        .post("/api/v1/virtual-machines")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("hostServerId"));

    String hypervisor = Fixtures.createServer(dc, "HYPERVISOR");
    Fixtures.transition(hypervisor, "ACTIVE").statusCode(200);
    Fixtures.transition(hypervisor, "MAINTENANCE").statusCode(200);
    as(TestTokens.engineer())
        .body(Fixtures.guest("ct1", hypervisor, client))
        .post("/api/v1/virtual-machines")
        .then()
        .statusCode(409);
    Fixtures.transition(hypervisor, "ACTIVE").statusCode(200);
    String guest = Fixtures.createGuest(hypervisor, client);

    as(TestTokens.engineer())
        .body(Fixtures.guest("ct1", hypervisor, "00000000-0000-7000-8000-000000000000"))
        .post("/api/v1/virtual-machines")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("clientId"));

    Fixtures.transition(hypervisor, "DECOMMISSIONED")
        .statusCode(409)
        .body("detail", containsString("1 VMs"));

    Map<String, Object> resized = new HashMap<>(Fixtures.guest("ct-resized", hypervisor, client));
    resized.put("ramGb", 16);
    as(TestTokens.engineer())
        .header("If-Match", "\"0\"")
        .body(resized)
        .put("/api/v1/virtual-machines/" + guest)
        .then()
        .statusCode(200)
        .body("ramGb", equalTo(16))
        .header("ETag", "\"1\"");
    // a generated client accepts only problems for an operation whose only body is an error
    as(TestTokens.engineer())
        .accept("application/problem+json")
        .header("If-Match", "\"0\"")
        .delete("/api/v1/virtual-machines/" + guest)
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
    as(TestTokens.engineer())
        .accept("application/problem+json")
        .header("If-Match", "\"1\"")
        .delete("/api/v1/virtual-machines/" + guest)
        .then()
        .statusCode(204);
    as(TestTokens.support()).get("/api/v1/virtual-machines/" + guest).then().statusCode(404);
    Fixtures.transition(hypervisor, "DECOMMISSIONED").statusCode(200);
  }

  @Test
  void aHostedServiceRunsOnItsOwnersGuestsOnly() {
    String dc = Fixtures.createDatacenter();
    String owner = Fixtures.createClient(Fixtures.unique("o"));
    String other = Fixtures.createClient(Fixtures.unique("x"));
    String hypervisor = Fixtures.createServer(dc, "HYPERVISOR");
    String ownGuest = Fixtures.createGuest(hypervisor, owner);
    String otherGuest = Fixtures.createGuest(hypervisor, other);

    Map<String, Object> body =
        new HashMap<>(
            Map.of(
                "clientId",
                owner,
                "name",
                "Boutique",
                "kind",
                "WEBSITE",
                "url",
                "https://shop.example.com",
                "serverIds",
                List.of(),
                "virtualMachineIds",
                List.of(ownGuest, otherGuest)));
    as(TestTokens.engineer())
        .body(body)
        .post("/api/v1/hosted-services")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("virtualMachineIds"));

    body.put("virtualMachineIds", List.of(ownGuest));
    body.put("url", "not a url");
    as(TestTokens.engineer())
        .body(body)
        .post("/api/v1/hosted-services")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("url"));

    body.put("url", "https://shop.example.com");
    String service =
        as(TestTokens.engineer())
            .body(body)
            .post("/api/v1/hosted-services")
            .then()
            .statusCode(201)
            .body("virtualMachineIds", equalTo(List.of(ownGuest)))
            .extract()
            .path("id");

    // the hypervisor's hosted services include those on its guests
    as(TestTokens.support())
        .queryParam("serverId", hypervisor)
        .get("/api/v1/hosted-services")
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(service)));
    // a guest that still runs a service cannot be removed
    as(TestTokens.engineer())
        .header("If-Match", "\"0\"")
        .delete("/api/v1/virtual-machines/" + ownGuest)
        .then()
        .statusCode(409);

    body.put("serverIds", List.of(hypervisor));
    as(TestTokens.engineer())
        .header("If-Match", "\"0\"")
        .body(body)
        .put("/api/v1/hosted-services/" + service)
        .then()
        .statusCode(200)
        .body("serverIds", hasSize(1));
  }
}
