package io.vigie.inventory.reports;

import static io.vigie.inventory.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.vigie.inventory.Fixtures;
import io.vigie.testkit.TestTokens;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportsAndIntegrationsTest {

  @Test
  void capacitySetsAllocatedAgainstPhysicalPerHostAndDatacenter() {
    String dc = Fixtures.createDatacenter();
    String client = Fixtures.createClient(Fixtures.unique("cap"));
    String hypervisor =
        Fixtures.createServer(dc, "HYPERVISOR"); // 12 threads, 32 GB, 2x250 GB RAID1
    for (int i = 0; i < 3; i++) {
      Fixtures.createGuest(hypervisor, client); // 2 vCPU, 4 GB, 40 GB each
    }
    as(TestTokens.support())
        .queryParam("datacenterId", dc)
        .get("/api/v1/reports/capacity")
        .then()
        .statusCode(200)
        .body("hosts.size()", equalTo(1))
        .body("hosts[0].vcpusAllocated", equalTo(6))
        .body("hosts[0].ramGbAllocated", equalTo(12))
        .body("hosts[0].diskGb", equalTo(250))
        .body("hosts[0].cpuOvercommit", equalTo(0.5f))
        .body("datacenters[0].hosts", equalTo(1));
  }

  @Test
  void warrantyReportListsWhatExpiresSoon() {
    String dc = Fixtures.createDatacenter();
    Map<String, Object> body =
        new HashMap<>(Fixtures.server(Fixtures.unique("old") + ".example.net", dc, List.of("WEB")));
    body.put("purchaseDate", "2020-01-01");
    body.put("warrantyEnd", LocalDate.now().plusDays(10).toString());
    body.put("endOfLife", LocalDate.now().plusYears(3).toString());
    String soon =
        as(TestTokens.engineer())
            .body(body)
            .post("/api/v1/servers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String later = Fixtures.createServer(dc, "WEB"); // warranty ends 2027-03-01

    as(TestTokens.support())
        .queryParam("withinDays", 30)
        .get("/api/v1/reports/warranty")
        .then()
        .statusCode(200)
        .body("serverId", hasItem(soon))
        .body("serverId", not(hasItem(later)))
        .body("find { it.serverId == '" + soon + "' }.daysLeft", equalTo(10));
    as(TestTokens.support())
        .queryParam("withinDays", -1)
        .get("/api/v1/reports/warranty")
        .then()
        .statusCode(400);
  }

  @Test
  void impactNamesTheClientsAServerCarries() {
    String dc = Fixtures.createDatacenter();
    String code = Fixtures.unique("imp");
    String client = Fixtures.createClient(code);
    String hypervisor = Fixtures.createServer(dc, "HYPERVISOR");
    String guest = Fixtures.createGuest(hypervisor, client);
    String service = Fixtures.createHostedService(client, List.of(), List.of(guest));
    as(TestTokens.engineer())
        .get("/api/v1/reports/impact/" + hypervisor)
        .then()
        .statusCode(200)
        .body("virtualMachines.id", equalTo(List.of(guest)))
        .body("hostedServices.id", equalTo(List.of(service)))
        .body("clients.code", equalTo(List.of(code)))
        .body("clients[0].p1TimeToIntervention", equalTo("PT1H"));
  }

  @Test
  void ansibleInventoryGroupsHostsByDatacenterRoleAndClient() {
    String dc = Fixtures.createDatacenter();
    String code = Fixtures.unique("ans");
    String client = Fixtures.createClient(code);
    String hypervisor = Fixtures.createServer(dc, "HYPERVISOR");
    Fixtures.createGuest(hypervisor, client);
    String hostname =
        as(TestTokens.support())
            .get("/api/v1/servers/" + hypervisor)
            .then()
            .extract()
            .path("hostname");
    as(TestTokens.agent())
        .get("/api/v1/integrations/ansible/inventory")
        .then()
        .statusCode(200)
        .body("_meta.hostvars", hasKey(hostname))
        .body("role_hypervisor.hosts", hasItem(hostname))
        .body("client_" + code.replace('-', '_') + ".hosts", hasItem(hostname));
    as(TestTokens.agent())
        .queryParam("port", 70000)
        .get("/api/v1/integrations/prometheus/targets")
        .then()
        .statusCode(400);
  }
}
