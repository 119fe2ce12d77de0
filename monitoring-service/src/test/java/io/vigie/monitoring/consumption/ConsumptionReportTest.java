package io.vigie.monitoring.consumption;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigie.events.backup.BackupEvents;
import io.vigie.events.backup.BackupKind;
import io.vigie.events.backup.BackupSucceeded;
import io.vigie.events.backup.BackupTarget;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.usage.UsageHours;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A client's monthly consumption report over a hand-built inventory: its VMs with what they were
 * allocated, its dedicated server's usage (hand-computed averages and peaks), its bandwidth, JSON
 * and Markdown; tenant walls and bad input on both paths.
 */
@QuarkusTest
class ConsumptionReportTest {

  private static String code(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Publishes a run as backup-service's outbox does, with a new event id; returns the id. */
  private static String backupRun(BackupSucceeded run) throws Exception {
    String id = UUID.randomUUID().toString();
    KafkaEvents.publish(
        BackupEvents.TOPIC,
        run.aggregateId(),
        id,
        run.eventType(),
        InventoryFeed.JSON.writeValueAsString(run));
    return id;
  }

  @Test
  void aClientReadsItsOwnMonth() throws Throwable {
    String tenant = code("cr");
    String other = code("cx");
    InventoryFeed.registerClient(tenant, "99.9");
    // a server dedicated to the client (its VM is the only guest), and a shared one
    UUID dedicated = InventoryFeed.serverHosting(tenant);
    UUID shared = InventoryFeed.serverHosting(tenant);
    InventoryFeed.guest(shared, other);
    // three hours at the start of this month: CPU 10, 20, 30 % (avg 20, peak 30), RAM 4, 6, 8 GB
    // (avg 6, peak 8), disk 100, 101, 102 GB (avg 101, last 102)
    YearMonth month = YearMonth.now(ZoneOffset.UTC);
    Instant first = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    UsageHours.write(dedicated, first, 3, 10, 10, 4, 2, 100, 1);
    // the shared server's usage is not the client's
    UsageHours.write(shared, first, 3, 90, 0, 60, 0, 900, 0);

    // backup-service's successful runs: one policy, 1.5 GB and 0.5 GB added and a run without a
    // size, one event delivered twice; another client's run and last month's are not counted
    UUID policy = UUID.randomUUID();
    BackupTarget web = new BackupTarget("VIRTUAL_MACHINE", UUID.randomUUID(), "vm-" + tenant);
    Instant day = first.plus(Duration.ofHours(1));
    backupRun(
        new BackupSucceeded(
            policy,
            UUID.randomUUID(),
            tenant,
            web,
            BackupKind.FILES,
            day,
            day.plusSeconds(60),
            "a1",
            1_500_000_000L));
    backupRun(
        new BackupSucceeded(
            policy,
            UUID.randomUUID(),
            tenant,
            web,
            BackupKind.FILES,
            day,
            day.plusSeconds(120),
            "a2",
            500_000_000L));
    backupRun(
        new BackupSucceeded(
            policy,
            UUID.randomUUID(),
            tenant,
            web,
            BackupKind.FILES,
            day,
            day.plusSeconds(180),
            null,
            null));
    backupRun(
        new BackupSucceeded(
            policy,
            UUID.randomUUID(),
            tenant,
            web,
            BackupKind.FILES,
            day.minus(Duration.ofDays(40)),
            day.minus(Duration.ofDays(40)),
            "a0",
            9_000_000_000L));
    backupRun(
        new BackupSucceeded(
            UUID.randomUUID(),
            UUID.randomUUID(),
            other,
            web,
            BackupKind.DATABASE,
            day,
            day.plusSeconds(60),
            "b1",
            7_000_000_000L));
    UUID redelivered = UUID.randomUUID();
    BackupSucceeded twice =
        new BackupSucceeded(
            policy,
            redelivered,
            tenant,
            web,
            BackupKind.FILES,
            day,
            day.plusSeconds(240),
            "a3",
            1_000_000_000L);
    backupRun(twice);
    backupRun(twice); // the same run under another event id: kept once

    String path = "/api/v1/consumption/clients/" + tenant + "/" + month;
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () ->
                given()
                        .auth()
                        .oauth2(TestTokens.support())
                        .get(path)
                        .then()
                        .extract()
                        .jsonPath()
                        .getInt("backups[0].runs")
                    == 4);
    JsonPath report =
        given()
            .auth()
            .oauth2(TestTokens.client(tenant))
            .get(path)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(report.getString("clientName")).isEqualTo("Client " + tenant);
    assertThat(report.getList("virtualMachines")).hasSize(2);
    assertThat(report.getInt("virtualMachines[0].vcpus")).isEqualTo(2);
    assertThat(report.getInt("virtualMachines[0].ramGb")).isEqualTo(4);
    assertThat(report.getInt("virtualMachines[0].diskGb")).isEqualTo(40);
    assertThat(report.getList("servers.serverId")).containsExactly(dedicated.toString());
    assertThat(report.getInt("servers[0].threads")).isEqualTo(8);
    assertThat(report.getInt("servers[0].ramGb")).isEqualTo(64);
    assertThat(report.getInt("servers[0].hoursMeasured")).isEqualTo(3);
    assertThat(report.getInt("servers[0].hoursInMonth")).isEqualTo(month.lengthOfMonth() * 24);
    assertThat(report.getDouble("servers[0].cpuPercentAvg")).isEqualTo(20.0);
    assertThat(report.getDouble("servers[0].cpuPercentPeak")).isEqualTo(30.0);
    assertThat(report.getDouble("servers[0].ramGbAvg")).isEqualTo(6.0);
    assertThat(report.getDouble("servers[0].ramGbPeak")).isEqualTo(8.0);
    assertThat(report.getDouble("servers[0].diskGbAvg")).isEqualTo(101.0);
    assertThat(report.getDouble("servers[0].diskGbLast")).isEqualTo(102.0);
    assertThat(report.getString("bandwidth.clientCode")).isEqualTo(tenant);
    assertThat(report.getString("bandwidthNote")).isNull();
    assertThat(report.getList("notMeasured")).hasSize(3);
    assertThat(report.getList("backups")).hasSize(1);
    assertThat(report.getString("backups[0].policyId")).isEqualTo(policy.toString());
    assertThat(report.getString("backups[0].targetName")).isEqualTo("vm-" + tenant);
    assertThat(report.getInt("backups[0].runsWithSize")).isEqualTo(3);
    assertThat(report.getLong("backups[0].bytesAdded")).isEqualTo(3_000_000_000L);
    assertThat(report.getDouble("backups[0].gbAdded")).isEqualTo(3.0);

    String markdown =
        given()
            .auth()
            .oauth2(TestTokens.client(tenant))
            .get(path + "/markdown")
            .then()
            .statusCode(200)
            .header("Content-Type", startsWith("text/markdown"))
            .extract()
            .asString();
    assertThat(markdown)
        .startsWith("# Consumption of Client " + tenant + " (" + tenant + "), " + month)
        .contains("| 8 | 20.00 / 30.00 | 64 | 6.00 / 8.00 | – | 102.00 | 3 / ")
        .contains("| vm-" + tenant + " | VM | ")
        .contains("| vm-" + tenant + " | FILES | 4 | 3.00 (3 runs sized) | ")
        .contains("## Not measured");

    // a month older than the previous one: no 5-minute points, said so
    JsonPath old =
        given()
            .auth()
            .oauth2(TestTokens.support())
            .get("/api/v1/consumption/clients/" + tenant + "/" + month.minusMonths(3))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(old.getString("bandwidth")).isNull();
    assertThat(old.getString("bandwidthNote")).contains("previous month");
    assertThat(old.getInt("servers[0].hoursMeasured")).isZero();
  }

  @Test
  void tenantWallsAndBadInput() {
    String tenant = code("cr");
    String other = code("cx");
    InventoryFeed.registerClient(tenant, "99.9");
    InventoryFeed.registerClient(other, "99.9");
    YearMonth month = YearMonth.now(ZoneOffset.UTC);
    for (String suffix : List.of("", "/markdown")) {
      String mine = "/api/v1/consumption/clients/" + tenant + "/" + month + suffix;
      String theirs = "/api/v1/consumption/clients/" + other + "/" + month + suffix;
      given().auth().oauth2(TestTokens.client(tenant)).get(mine).then().statusCode(200);
      // another client's report and an unknown client answer 404 alike
      given().auth().oauth2(TestTokens.client(tenant)).get(theirs).then().statusCode(404);
      given()
          .auth()
          .oauth2(TestTokens.support())
          .get("/api/v1/consumption/clients/no-such-client/" + month + suffix)
          .then()
          .statusCode(404);
      given().auth().oauth2(TestTokens.engineer()).get(theirs).then().statusCode(200);
      given().auth().oauth2(TestTokens.agent()).get(mine).then().statusCode(403);
      given().get(mine).then().statusCode(401);
    }
    Map<String, String> bad =
        Map.of(
            "/api/v1/consumption/clients/" + tenant + "/2026-13", "month",
            "/api/v1/consumption/clients/" + tenant + "/last-month", "month",
            "/api/v1/consumption/clients/" + tenant + "/" + month.plusMonths(1), "month");
    bad.forEach(
        (path, field) ->
            given()
                .auth()
                .oauth2(TestTokens.support())
                .get(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo(field)));
  }
}
