package io.vigie.backup;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.vigie.testkit.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One client's estate as saint-roch's (USE-CASES.md #1): web servers in PAR-DC2, a MySQL database
 * on them, and restic repositories in DC2, DC3 and DC5; the contract promises two copies in two
 * distinct datacenters and a DRP with an RPO of 2 h. Every name is unique to the test.
 */
public final class Estate {

  public final String tenant;
  public final UUID clientId;
  public final String dc2;
  public final String dc3;
  public final String dc5;
  public final UUID dc2Id;
  public final UUID dc3Id;
  public final UUID dc5Id;
  public final UUID web1;
  public final UUID database;
  public final UUID repoDc2;
  public final UUID repoDc3;
  public final UUID repoDc5;

  private Estate(String tenantPrefix) {
    tenant = InventoryFeed.unique(tenantPrefix);
    dc2 = InventoryFeed.unique("PAR-DC2");
    dc3 = InventoryFeed.unique("PAR-DC3");
    dc5 = InventoryFeed.unique("PAR-DC5");
    // published together, then waited for together
    InventoryFeed.Batch inventory = new InventoryFeed.Batch();
    dc2Id = inventory.datacenter(dc2);
    dc3Id = inventory.datacenter(dc3);
    dc5Id = inventory.datacenter(dc5);
    clientId = inventory.client(tenant, 2, 2, true);
    web1 = inventory.server(dc2Id, dc2, "web1");
    database = inventory.database(clientId, tenant, List.of(web1));
    inventory.awaitApplied();
    repoDc2 = repository(tenant, "restic DC2", dc2Id);
    repoDc3 = repository(tenant, "restic DC3", dc3Id);
    repoDc5 = repository(tenant, "restic DC5", dc5Id);
  }

  public static Estate saintRoch() {
    return new Estate("saint-roch");
  }

  /** Registers a repository as an engineer; returns its id. */
  public static UUID repository(String tenant, String name, UUID datacenterId) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("name", name);
    body.put("kind", "RESTIC_SFTP");
    body.put("location", "sftp:backup@backup.example.net:/srv/restic/" + name.replace(' ', '-'));
    body.put("datacenterId", datacenterId.toString());
    body.put("tenant", tenant);
    body.put("passwordRef", "vault:kv/backup/" + name.replace(' ', '-') + "#password");
    return UUID.fromString(
        given()
            .auth()
            .oauth2(TestTokens.engineer())
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/repositories")
            .then()
            .statusCode(201)
            .extract()
            .path("id"));
  }

  /** An hourly MySQL dump policy with copies in the given repositories (defaults elsewhere). */
  public Map<String, Object> databasePolicy(String name, UUID... repositories) {
    return Map.of(
        "name",
        name,
        "tenant",
        tenant,
        "target",
        Map.of("kind", "HOSTED_SERVICE", "id", database.toString()),
        "kind",
        "DATABASE",
        "timeZone",
        "Europe/Paris",
        "copies",
        java.util.Arrays.stream(repositories)
            .map(r -> Map.of("repositoryId", r.toString()))
            .toList());
  }

  /** Creates a policy as an engineer; returns its id. */
  public UUID createPolicy(Map<String, Object> body) {
    return UUID.fromString(
        given()
            .auth()
            .oauth2(TestTokens.engineer())
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/policies")
            .then()
            .statusCode(201)
            .extract()
            .path("id"));
  }
}
