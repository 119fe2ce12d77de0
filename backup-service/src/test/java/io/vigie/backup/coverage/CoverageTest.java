package io.vigie.backup.coverage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vigie.backup.Estate;
import io.vigie.backup.InventoryFeed;
import io.vigie.backup.inventory.InventoryClient;
import io.vigie.events.backup.BackupEvents;
import io.vigie.events.inventory.BackupTerms;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.ContractChanged;
import io.vigie.events.inventory.ContractTerms;
import io.vigie.events.inventory.DrpTerms;
import io.vigie.events.inventory.PriorityTarget;
import io.vigie.events.inventory.SupportHours;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * saint-roch's estate built by hand through inventory events: web1 running its MySQL, a VM of its
 * own, a DRP in the contract. The report shows what nothing covers; the watcher publishes each gap
 * once when found and once when closed.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class CoverageTest {

  @Inject CoverageWatcher watcher;

  private int sweep(String tenant) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(() -> watcher.sweep(Instant.now(), tenant));
  }

  @Test
  void gapsAreReportedAndPublishedOnceWhenFoundAndWhenClosed() throws Throwable {
    Estate e = Estate.saintRoch();
    InventoryFeed.Batch guests = new InventoryFeed.Batch();
    UUID hypervisor = guests.server(e.dc2Id, e.dc2, "hv1");
    UUID vm = guests.guest(hypervisor, e.clientId, e.tenant);
    guests.awaitApplied();
    String client = TestTokens.client(e.tenant);

    given()
        .auth()
        .oauth2(client)
        .get("/api/v1/coverage/" + e.tenant)
        .then()
        .statusCode(200)
        .body("copies", equalTo(2))
        .body("drpRpo", equalTo("PT2H"))
        .body(
            "gaps.kind",
            containsInAnyOrder(
                "SERVER_WITHOUT_FILE_POLICY",
                "SERVER_WITHOUT_FILE_POLICY",
                "DATABASE_WITHOUT_DUMP_POLICY",
                "DRP_WITHOUT_PLAN"))
        .body(
            "gaps.subjectId",
            containsInAnyOrder(
                e.web1.toString(), vm.toString(), e.database.toString(), e.clientId.toString()))
        .body("gaps.since", everyItem(nullValue()));

    assertThat(sweep(e.tenant)).isEqualTo(4);
    assertThat(sweep(e.tenant)).isZero();
    given()
        .auth()
        .oauth2(client)
        .get("/api/v1/coverage/" + e.tenant)
        .then()
        .body("gaps.since", everyItem(notNullValue()));

    // the dump policy closes the database's gap
    UUID policy = e.createPolicy(e.databasePolicy("MySQL hourly", e.repoDc3, e.repoDc5));
    assertThat(sweep(e.tenant)).isEqualTo(1);

    // the contract now promises three copies in three datacenters: the policy falls short
    contract(e, 3, 3);
    assertThat(sweep(e.tenant)).isEqualTo(2);
    given()
        .auth()
        .oauth2(TestTokens.support())
        .get("/api/v1/coverage?tenant=" + e.tenant)
        .then()
        .statusCode(200)
        .body("clients.size()", equalTo(1))
        .body(
            "clients[0].gaps.kind",
            containsInAnyOrder(
                "SERVER_WITHOUT_FILE_POLICY",
                "SERVER_WITHOUT_FILE_POLICY",
                "DRP_WITHOUT_PLAN",
                "TOO_FEW_COPIES",
                "TOO_FEW_DATACENTERS"))
        .body(
            "clients[0].gaps.find { it.kind == 'TOO_FEW_COPIES' }.actual",
            equalTo("2 copies in " + e.dc3 + ", " + e.dc5));

    // on the broker, read once at the end: each gap found once (four, then the policy's two),
    // the database's closed once
    List<ConsumerRecord<String, String>> published = published(e.tenant, 7);
    assertThat(published)
        .filteredOn(KafkaEvents.ofType(BackupEvents.COVERAGE_GAP_FOUND))
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder(
            e.web1.toString(),
            vm.toString(),
            e.database.toString(),
            e.clientId.toString(),
            policy.toString(),
            policy.toString());
    assertThat(published)
        .filteredOn(KafkaEvents.ofType(BackupEvents.COVERAGE_GAP_CLOSED))
        .extracting(ConsumerRecord::key)
        .containsExactly(e.database.toString());
  }

  @Test
  void aClientSeesOnlyItsOwnCoverage() {
    Estate a = Estate.saintRoch();
    Estate b = Estate.saintRoch();
    String token = TestTokens.client(a.tenant);
    given().auth().oauth2(token).get("/api/v1/coverage/" + b.tenant).then().statusCode(404);
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/coverage")
        .then()
        .statusCode(200)
        .body("clients.tenant", containsInAnyOrder(a.tenant));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/coverage?tenant=" + b.tenant)
        .then()
        .statusCode(200)
        .body("clients.size()", equalTo(0));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .get("/api/v1/coverage/" + InventoryFeed.unique("nobody"))
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .get("/api/v1/coverage/" + b.tenant)
        .then()
        .statusCode(200);
    given().auth().oauth2(TestTokens.agent()).get("/api/v1/coverage").then().statusCode(403);
    given().get("/api/v1/coverage").then().statusCode(401);
  }

  /** The tenant's gap events on backup.events (the kit reads on briefly for a late duplicate). */
  private static List<ConsumerRecord<String, String>> published(String tenant, int count) {
    return KafkaEvents.await(
        BackupEvents.TOPIC,
        KafkaEvents.ofType(BackupEvents.COVERAGE_GAP_FOUND)
            .or(KafkaEvents.ofType(BackupEvents.COVERAGE_GAP_CLOSED))
            .and(r -> r.value().contains("\"tenant\":\"" + tenant + "\"")),
        count,
        Duration.ofSeconds(30));
  }

  /** The inventory changes the client's backup terms, as inventory-service's outbox does. */
  private static void contract(Estate e, int copies, int sites) {
    ContractTerms terms =
        new ContractTerms(
            new BigDecimal("99.95"),
            new SupportHours(SupportHours.Coverage.ALWAYS, "Europe/Paris", List.of(), List.of()),
            List.of(
                new PriorityTarget(
                    PriorityTarget.Priority.P1, Duration.ofHours(1), Duration.ofHours(4))),
            new BackupTerms(1, 10, 7, copies, sites),
            new DrpTerms(Duration.ofHours(2), Duration.ofHours(4)));
    InventoryFeed.publish(
        new ContractChanged(
            new ClientSnapshot(
                e.clientId,
                e.tenant,
                e.tenant + " SAS",
                "ops@" + e.tenant + ".example",
                terms,
                1)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> InventoryFeed.find(InventoryClient.class, e.clientId).copies == copies);
  }
}
