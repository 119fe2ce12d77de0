package io.vigie.ticket.backup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vigie.events.backup.BackupFailed;
import io.vigie.events.backup.BackupKind;
import io.vigie.events.backup.BackupOverdue;
import io.vigie.events.backup.BackupSucceeded;
import io.vigie.events.backup.BackupTarget;
import io.vigie.events.backup.DrpAborted;
import io.vigie.events.backup.DrpActivated;
import io.vigie.events.backup.DrpCompleted;
import io.vigie.events.backup.DrpDirection;
import io.vigie.events.backup.DrpStepCompleted;
import io.vigie.events.backup.DrpStepFailed;
import io.vigie.events.backup.DrpStepKind;
import io.vigie.events.backup.RpoBreached;
import io.vigie.events.backup.RpoRestored;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.Backups;
import io.vigie.ticket.InventoryFeed;
import io.vigie.ticket.MovableTime;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * backup-service's events on the real broker, published as its outbox publishes them: failures,
 * overdue runs and RPO breaches open or annotate the policy's incident for the target's client, RPO
 * restored resolves it pending confirmation, a DRP run keeps its client informed phase by phase;
 * replays and republications change nothing; the run's log stays internal.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class BackupIncidentTest {

  static final String TICKETS = "/api/v1/tickets";
  static final Duration APPLIED = Duration.ofSeconds(30);

  @Inject MovableTime time;

  @AfterEach
  void realTime() {
    time.release();
  }

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  static JsonPath ticketsOf(String tenant) {
    return as(TestTokens.support())
        .queryParam("tenant", tenant)
        .get(TICKETS)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static JsonPath timeline(String token, String id) {
    return as(token)
        .get(TICKETS + "/" + id + "/timeline")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static List<String> kinds(String token, String id) {
    return timeline(token, id).getList("items.kind");
  }

  @Test
  void backupProblemsLandOnOneIncidentOfThePolicyUntilTheRpoHoldsAgain() {
    String tenant = InventoryFeed.tenant("pkgdata");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    UUID server = InventoryFeed.server("db1");
    BackupTarget target = new BackupTarget("SERVER", server, "db1.pkgdata.example.net");
    UUID policy = UUID.randomUUID();
    Instant failedAt = Instant.parse("2026-11-30T02:15:00Z");
    time.set(failedAt.plusSeconds(30));

    BackupFailed failed =
        new BackupFailed(
            policy,
            UUID.randomUUID(),
            tenant,
            target,
            BackupKind.DATABASE,
            failedAt.minus(Duration.ofMinutes(5)),
            failedAt,
            "exit status 2",
            "borg: Repository /srv/borg/pkgdata-secret does not exist.");
    String eventId = Backups.publish(failed);
    await()
        .atMost(APPLIED)
        .untilAsserted(() -> assertThat(ticketsOf(tenant).getList("items")).hasSize(1));
    JsonPath incident = ticketsOf(tenant);
    String id = incident.getString("items[0].id");
    assertThat(incident.getString("items[0].type")).isEqualTo("INCIDENT");
    assertThat(incident.getString("items[0].title"))
        .isEqualTo("Backup failed: db1.pkgdata.example.net");
    assertThat(incident.getString("items[0].priority")).isEqualTo("P3");
    assertThat(incident.getString("items[0].clockStartedAt")).isEqualTo(failedAt.toString());
    assertThat(incident.getString("items[0].links[0].kind")).isEqualTo("SERVER");
    assertThat(incident.getString("items[0].links[0].target")).isEqualTo(server.toString());

    String client = TestTokens.client(tenant);
    as(client)
        .get(TICKETS + "/" + id + "/timeline")
        .then()
        // dated when the run failed, so before the incident's opening
        .body("items.kind", org.hamcrest.Matchers.contains("BACKUP_FAILED", "OPENED"))
        .body("items[0].body", containsString("exit status 2"))
        .body("items.visibility", everyItem(equalTo("PUBLIC")))
        .body(not(containsString("pkgdata-secret")));
    as(client)
        .get(TICKETS + "/" + id)
        .then()
        .statusCode(200)
        .body(not(containsString("pkgdata-secret")));
    assertThat(timeline(TestTokens.engineer(), id).getString("items[1].body"))
        .contains("pkgdata-secret");
    // another client never reaches it
    String other = InventoryFeed.tenant("other");
    InventoryFeed.client(other, InventoryFeed.aroundTheClock());
    as(TestTokens.client(other)).get(TICKETS + "/" + id).then().statusCode(404);
    as(TestTokens.client(other)).get(TICKETS + "/" + id + "/timeline").then().statusCode(404);

    // redelivered, and republished under another id: nothing new; the overdue run behind them
    // (same policy, same partition) lands on the same incident
    Backups.publish(failed, eventId);
    Backups.publish(failed);
    Instant dueAt = Instant.parse("2026-11-30T04:00:00Z");
    Backups.publish(
        new BackupOverdue(
            policy,
            tenant,
            target,
            BackupKind.DATABASE,
            dueAt,
            dueAt.plus(Duration.ofMinutes(15))));
    await()
        .atMost(APPLIED)
        .untilAsserted(() -> assertThat(kinds(client, id)).contains("BACKUP_OVERDUE"));
    time.set(Instant.parse("2026-11-30T05:05:00Z"));
    Backups.publish(
        new RpoBreached(
            policy,
            tenant,
            target,
            Duration.ofHours(2),
            null,
            failedAt.minus(Duration.ofHours(2)),
            Instant.parse("2026-11-30T04:15:00Z")));
    Backups.publish(
        new BackupSucceeded(
            policy,
            UUID.randomUUID(),
            tenant,
            target,
            BackupKind.DATABASE,
            Instant.parse("2026-11-30T05:00:00Z"),
            Instant.parse("2026-11-30T05:04:00Z"),
            null,
            null));
    RpoRestored restored =
        new RpoRestored(
            policy,
            tenant,
            target,
            Duration.ofHours(2),
            null,
            Instant.parse("2026-11-30T05:04:00Z"),
            Instant.parse("2026-11-30T04:15:00Z"),
            Instant.parse("2026-11-30T05:04:10Z"));
    Backups.publish(restored);
    await()
        .atMost(APPLIED)
        .untilAsserted(
            () -> assertThat(ticketsOf(tenant).getString("items[0].status")).isEqualTo("RESOLVED"));
    assertThat(ticketsOf(tenant).getList("items")).hasSize(1);
    assertThat(kinds(client, id))
        .containsExactly(
            "BACKUP_FAILED",
            "OPENED",
            "BACKUP_OVERDUE",
            "RPO_BREACHED",
            "BACKUP_SUCCEEDED",
            "RPO_RESTORED",
            "STATUS_CHANGED");
    // resolved pending the client's confirmation, never closed by the event
    assertThat(timeline(client, id).getString("items[6].body"))
        .contains("awaiting your confirmation");

    // the restoration replayed changes nothing; a new failure after the resolution opens a new one
    Backups.publish(restored);
    Backups.publish(
        new BackupFailed(
            policy,
            UUID.randomUUID(),
            tenant,
            target,
            BackupKind.DATABASE,
            Instant.parse("2026-11-30T06:00:00Z"),
            Instant.parse("2026-11-30T06:01:00Z"),
            "exit status 1",
            null));
    await()
        .atMost(APPLIED)
        .untilAsserted(() -> assertThat(ticketsOf(tenant).getList("items")).hasSize(2));
    assertThat(ticketsOf(tenant).getString("items[1].status")).isEqualTo("RESOLVED");
    assertThat(kinds(client, id)).hasSize(7);
  }

  @Test
  void aDrpRunKeepsItsClientInformedPhaseByPhase() {
    String tenant = InventoryFeed.tenant("cognix");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    UUID production = InventoryFeed.server("web1");
    UUID recovery = InventoryFeed.server("web1-dr");
    UUID plan = UUID.randomUUID();
    UUID run = UUID.randomUUID();
    Instant activatedAt = Instant.parse("2026-11-30T09:00:00Z");
    time.set(activatedAt);

    Backups.publish(
        new DrpActivated(
            plan,
            run,
            tenant,
            DrpDirection.FAILOVER,
            production,
            recovery,
            "admin-of-" + tenant,
            "Datacenter PAR-DC2 lost power",
            activatedAt));
    DrpStepCompleted restore =
        new DrpStepCompleted(
            plan,
            run,
            tenant,
            DrpDirection.FAILOVER,
            1,
            DrpStepKind.RESTORE_FILES,
            "Restore the files",
            activatedAt.plusSeconds(10),
            activatedAt.plus(Duration.ofMinutes(20)));
    Backups.publish(restore);
    Backups.publish(
        new DrpStepCompleted(
            plan,
            run,
            tenant,
            DrpDirection.FAILOVER,
            2,
            DrpStepKind.DNS_SWITCH,
            "Switch DNS to the recovery server",
            activatedAt.plus(Duration.ofMinutes(20)),
            activatedAt.plus(Duration.ofMinutes(22))));
    // a step republished under another id changes nothing
    Backups.publish(restore);
    Backups.publish(
        new DrpCompleted(
            plan,
            run,
            tenant,
            DrpDirection.FAILOVER,
            activatedAt,
            activatedAt.plus(Duration.ofMinutes(22))));
    await()
        .atMost(APPLIED)
        .untilAsserted(
            () -> {
              JsonPath list = ticketsOf(tenant);
              assertThat(list.getList("items")).hasSize(1);
              assertThat(kinds(TestTokens.client(tenant), list.getString("items[0].id")))
                  .contains("DRP_COMPLETED");
            });
    JsonPath list = ticketsOf(tenant);
    String id = list.getString("items[0].id");
    assertThat(list.getString("items[0].type")).isEqualTo("INCIDENT");
    assertThat(list.getString("items[0].supportLevel")).isEqualTo("L2");
    assertThat(list.getList("items[0].links.target"))
        .containsExactlyInAnyOrder(production.toString(), recovery.toString());
    JsonPath seen = timeline(TestTokens.client(tenant), id);
    assertThat(seen.getList("items.kind"))
        .containsExactly(
            "OPENED", "DRP_ACTIVATED", "DRP_STEP_COMPLETED", "DRP_STEP_COMPLETED", "DRP_COMPLETED");
    assertThat(seen.getList("items.visibility")).containsOnly("PUBLIC");
    assertThat(seen.getString("items[1].body"))
        .contains("DRP activated by admin-of-" + tenant)
        .contains("Datacenter PAR-DC2 lost power");
    assertThat(seen.getString("items[3].body")).contains("Switch DNS to the recovery server");
    assertThat(seen.getString("items[4].body")).startsWith("Switch-over done");

    // the return to production is its own run and its own ticket, a change
    UUID back = UUID.randomUUID();
    Instant returnAt = Instant.parse("2026-12-02T21:00:00Z");
    time.set(returnAt);
    Backups.publish(
        new DrpActivated(
            plan,
            back,
            tenant,
            DrpDirection.RETURN_TO_PRODUCTION,
            recovery,
            production,
            "support",
            null,
            returnAt));
    Backups.publish(
        new DrpCompleted(
            plan,
            back,
            tenant,
            DrpDirection.RETURN_TO_PRODUCTION,
            returnAt,
            returnAt.plus(Duration.ofMinutes(30))));
    await()
        .atMost(APPLIED)
        .untilAsserted(
            () -> {
              JsonPath both = ticketsOf(tenant);
              assertThat(both.getList("items")).hasSize(2);
              assertThat(both.getString("items[0].type")).isEqualTo("CHANGE");
              JsonPath entries = timeline(TestTokens.client(tenant), both.getString("items[0].id"));
              assertThat(entries.getList("items.kind")).contains("DRP_COMPLETED");
              assertThat(entries.getString("items[-1].body")).startsWith("DRP finalised");
            });
    // the failover's ticket got nothing of the return run
    assertThat(kinds(TestTokens.client(tenant), id)).hasSize(5);
  }

  @Test
  void aFailedStepAndAnAbortedRunAreToldToTheClientOnTheRunsTicketOnce() {
    String tenant = InventoryFeed.tenant("vauban");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    UUID production = InventoryFeed.server("db1");
    UUID recovery = InventoryFeed.server("db1-dr");
    UUID plan = UUID.randomUUID();
    UUID run = UUID.randomUUID();
    Instant activatedAt = Instant.parse("2026-11-30T14:00:00Z");
    time.set(activatedAt);
    String client = TestTokens.client(tenant);

    Backups.publish(
        new DrpActivated(
            plan,
            run,
            tenant,
            DrpDirection.FAILOVER,
            production,
            recovery,
            "admin-of-" + tenant,
            "Disk array lost",
            activatedAt));
    DrpStepFailed failed =
        new DrpStepFailed(
            plan,
            run,
            tenant,
            DrpDirection.FAILOVER,
            3,
            DrpStepKind.DNS_SWITCH,
            "Switch DNS to the recovery server",
            "the new address does not answer on 443",
            "dns-service",
            activatedAt.plus(Duration.ofMinutes(30)),
            activatedAt.plus(Duration.ofMinutes(35)));
    String failedId = Backups.publish(failed);
    // replayed under its id and republished under another: one entry
    Backups.publish(failed, failedId);
    Backups.publish(failed);
    DrpAborted aborted =
        new DrpAborted(
            plan,
            run,
            tenant,
            DrpDirection.FAILOVER,
            "ops-lead-marchand",
            "Production is back; the failover is no longer needed",
            activatedAt,
            activatedAt.plus(Duration.ofMinutes(50)));
    String abortedId = Backups.publish(aborted);
    Backups.publish(aborted, abortedId);
    Backups.publish(aborted);
    await()
        .atMost(APPLIED)
        .untilAsserted(
            () -> {
              JsonPath list = ticketsOf(tenant);
              assertThat(list.getList("items")).hasSize(1);
              assertThat(kinds(client, list.getString("items[0].id"))).contains("DRP_ABORTED");
            });
    String id = ticketsOf(tenant).getString("items[0].id");

    JsonPath seen = timeline(client, id);
    assertThat(seen.getList("items.kind"))
        .containsExactly("OPENED", "DRP_ACTIVATED", "DRP_STEP_FAILED", "DRP_ABORTED");
    assertThat(seen.getList("items.visibility")).containsOnly("PUBLIC");
    assertThat(seen.getString("items[2].body"))
        .contains("DRP step 3 (Switch DNS to the recovery server) failed")
        .contains("the new address does not answer on 443")
        .doesNotContain("dns-service");
    assertThat(seen.getString("items[3].body"))
        .startsWith("DRP run stopped")
        .contains("Production is back; the failover is no longer needed")
        .doesNotContain("ops-lead-marchand");
    // nor through the ticket's own document
    as(client)
        .get(TICKETS + "/" + id)
        .then()
        .statusCode(200)
        .body(not(containsString("dns-service")))
        .body(not(containsString("ops-lead-marchand")));

    // staff read the detail as internal notes, one per failure and one for the abort
    JsonPath staff = timeline(TestTokens.engineer(), id);
    assertThat(staff.getList("items.kind"))
        .containsExactly(
            "OPENED", "DRP_ACTIVATED", "DRP_STEP_FAILED", "COMMENT", "DRP_ABORTED", "COMMENT");
    assertThat(staff.getString("items[3].visibility")).isEqualTo("INTERNAL");
    assertThat(staff.getString("items[3].body"))
        .contains("reported by dns-service")
        .contains("DNS_SWITCH")
        .contains(run.toString());
    assertThat(staff.getString("items[5].visibility")).isEqualTo("INTERNAL");
    assertThat(staff.getString("items[5].body"))
        .contains("aborted by ops-lead-marchand")
        .contains(run.toString());
    // told, not closed: the team decides what comes next
    assertThat(ticketsOf(tenant).getString("items[0].status")).isNotIn("RESOLVED", "CLOSED");

    // the same step failing again after a retry is a new failure, told once more
    Backups.publish(
        new DrpStepFailed(
            plan,
            run,
            tenant,
            DrpDirection.FAILOVER,
            3,
            DrpStepKind.DNS_SWITCH,
            "Switch DNS to the recovery server",
            "still no answer on 443",
            "dns-service",
            activatedAt.plus(Duration.ofMinutes(40)),
            activatedAt.plus(Duration.ofMinutes(41))));
    await()
        .atMost(APPLIED)
        .untilAsserted(
            () ->
                assertThat(kinds(client, id))
                    .containsExactly(
                        "OPENED",
                        "DRP_ACTIVATED",
                        "DRP_STEP_FAILED",
                        "DRP_STEP_FAILED",
                        "DRP_ABORTED"));
  }
}
