package io.vigie.ticket.backup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigie.events.backup.BackupKind;
import io.vigie.events.backup.BackupOverdue;
import io.vigie.events.backup.BackupTarget;
import io.vigie.events.backup.RpoBreached;
import io.vigie.events.backup.RpoRestored;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.Backups;
import io.vigie.ticket.EventPolicies;
import io.vigie.ticket.InventoryFeed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With the ANNOTATE policy, the RPO holding again is an entry; the incident stays open. */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class AnnotatePolicyTest {

  @Inject EventPolicies policies;

  @BeforeEach
  void switchPolicy() {
    policies.rpoRestored(BackupTicketConfig.RestoredPolicy.ANNOTATE);
  }

  @AfterEach
  void resetPolicy() {
    policies.reset();
  }

  @Test
  void theRpoHoldingAgainIsOnTheTimelineAndTheIncidentStaysOpen() {
    String tenant = InventoryFeed.tenant("annotate");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    UUID server = InventoryFeed.server("files");
    BackupTarget target = new BackupTarget("SERVER", server, "files1");
    UUID policy = UUID.randomUUID();
    Instant breachedAt = Instant.parse("2026-11-30T03:00:00Z");
    Backups.publish(
        new RpoBreached(
            policy,
            tenant,
            target,
            Duration.ofHours(24),
            "PAR-DC5",
            breachedAt.minus(Duration.ofHours(24)),
            breachedAt));
    Backups.publish(
        new RpoRestored(
            policy,
            tenant,
            target,
            Duration.ofHours(24),
            "PAR-DC5",
            breachedAt.plus(Duration.ofHours(1)),
            breachedAt,
            breachedAt.plus(Duration.ofHours(1))));
    // behind them on the same partition: still open, so it lands on the same incident
    Instant dueAt = breachedAt.plus(Duration.ofHours(22));
    Backups.publish(
        new BackupOverdue(
            policy, tenant, target, BackupKind.FILES, dueAt, dueAt.plus(Duration.ofMinutes(30))));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonPath list = list(tenant);
              assertThat(list.getList("items")).hasSize(1);
              assertThat(kinds(tenant, list.getString("items[0].id"))).contains("BACKUP_OVERDUE");
            });
    JsonPath list = list(tenant);
    assertThat(list.getString("items[0].status")).isEqualTo("NEW");
    assertThat(list.getString("items[0].title")).isEqualTo("Backup RPO broken: files1");
    List<String> kinds = kinds(tenant, list.getString("items[0].id"));
    assertThat(kinds).containsSubsequence("RPO_BREACHED", "RPO_RESTORED", "BACKUP_OVERDUE");
    assertThat(kinds).doesNotContain("STATUS_CHANGED");
  }

  private static JsonPath list(String tenant) {
    return given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static List<String> kinds(String tenant, String id) {
    return given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .get("/api/v1/tickets/" + id + "/timeline")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.kind");
  }
}
