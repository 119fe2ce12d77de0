package io.vigie.monitoring.consumption;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigie.events.backup.BackupEvents;
import io.vigie.events.backup.RepositoryStorageMeasured;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Storage held per repository in the consumption report, from backup-service's
 * RepositoryStorageMeasured: what each of the client's repositories held at the month's end and its
 * growth over the month, hand-computed; a redelivered event, another client's repository, a
 * repository the hoster shares and measurements after the month change nothing.
 */
@QuarkusTest
class RepositoryStorageReportTest {

  private static final long GB = 1_000_000_000L;

  private static String code(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Publishes a measurement as backup-service's outbox does, under event id {@code id}. */
  private static void publish(String id, RepositoryStorageMeasured m) throws Exception {
    KafkaEvents.publish(
        BackupEvents.TOPIC,
        m.aggregateId(),
        id,
        m.eventType(),
        InventoryFeed.JSON.writeValueAsString(m));
  }

  private static RepositoryStorageMeasured measured(
      UUID repository, String tenant, String name, Instant at, long bytes, int snapshots) {
    return new RepositoryStorageMeasured(
        repository, tenant, name, "PAR-DC3", at, bytes, null, snapshots);
  }

  @Test
  void eachRepositoryHeldAtMonthEndAndItsGrowth() throws Exception {
    String tenant = code("rs");
    String other = code("rx");
    InventoryFeed.registerClient(tenant, "99.9");
    InventoryFeed.registerClient(other, "99.9");
    // last month, so that measurements after its end are already there
    YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    // DC3: 10 GB the day before the month, then 12, 11.5 (pruned) and 14 GB in it, 20 GB after:
    // held at the end 14 GB, grown 4 GB, 3 measurements in the month
    UUID dc3 = UUID.randomUUID();
    publish(
        UUID.randomUUID().toString(),
        measured(dc3, tenant, "restic DC3", start.minus(Duration.ofDays(1)), 10 * GB, 30));
    publish(
        UUID.randomUUID().toString(),
        measured(dc3, tenant, "restic DC3", start.plus(Duration.ofDays(9)), 12 * GB, 35));
    String eventId = UUID.randomUUID().toString();
    RepositoryStorageMeasured pruned =
        measured(dc3, tenant, "restic DC3", start.plus(Duration.ofDays(19)), 11_500_000_000L, 32);
    publish(eventId, pruned);
    publish(eventId, pruned); // redelivered
    publish(UUID.randomUUID().toString(), pruned); // posted again by the agent: same instant
    publish(
        UUID.randomUUID().toString(),
        measured(dc3, tenant, "restic DC3", end.minus(Duration.ofHours(3)), 14 * GB, 40));
    publish(UUID.randomUUID().toString(), measured(dc3, tenant, "restic DC3", end, 20 * GB, 41));
    // DC5: first measured in the month, 1 then 3.5 GB: grown 2.5 GB
    UUID dc5 = UUID.randomUUID();
    publish(
        UUID.randomUUID().toString(),
        measured(dc5, tenant, "restic DC5", start.plus(Duration.ofDays(2)), GB, 2));
    publish(
        UUID.randomUUID().toString(),
        measured(dc5, tenant, "restic DC5", start.plus(Duration.ofDays(20)), 3_500_000_000L, 9));
    // another client's repository and a shared one
    UUID theirs = UUID.randomUUID();
    publish(
        UUID.randomUUID().toString(),
        measured(theirs, other, "restic DC3", start.plus(Duration.ofDays(3)), 70 * GB, 5));
    publish(
        UUID.randomUUID().toString(),
        measured(UUID.randomUUID(), null, "shared", start.plus(Duration.ofDays(3)), 900 * GB, 5));

    String path = "/api/v1/consumption/clients/" + tenant + "/" + month;
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              JsonPath r =
                  given().auth().oauth2(TestTokens.support()).get(path).then().extract().jsonPath();
              return r.getList("repositories").size() == 2
                  && r.getInt("repositories[0].measurements") == 3
                  && r.getInt("repositories[1].measurements") == 2;
            });
    JsonPath report =
        given()
            .auth()
            .oauth2(TestTokens.client(tenant))
            .get(path)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(report.getList("repositories.repositoryId"))
        .containsExactly(dc3.toString(), dc5.toString());
    assertThat(report.getLong("repositories[0].startBytes")).isEqualTo(10 * GB);
    assertThat(report.getLong("repositories[0].endBytes")).isEqualTo(14 * GB);
    assertThat(report.getLong("repositories[0].growthBytes")).isEqualTo(4 * GB);
    assertThat(report.getDouble("repositories[0].endGb")).isEqualTo(14.0);
    assertThat(report.getDouble("repositories[0].growthGb")).isEqualTo(4.0);
    assertThat(report.getInt("repositories[0].snapshotsCount")).isEqualTo(40);
    assertThat(Instant.parse(report.getString("repositories[0].lastMeasuredAt")))
        .isEqualTo(end.minus(Duration.ofHours(3)));
    assertThat(report.getLong("repositories[1].startBytes")).isEqualTo(GB);
    assertThat(report.getLong("repositories[1].growthBytes")).isEqualTo(2_500_000_000L);
    assertThat(report.getDouble("repositories[1].growthGb")).isEqualTo(2.5);
    assertThat(report.getList("notMeasured")).hasSize(3);

    String markdown =
        given()
            .auth()
            .oauth2(TestTokens.client(tenant))
            .get(path + "/markdown")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(markdown)
        .contains("## Backup storage held per repository")
        .contains("| restic DC3 | PAR-DC3 | 14.00 | +4.00 | 40 | ")
        .contains("| restic DC5 | PAR-DC3 | 3.50 | +2.50 | 9 | ");

    // the other client sees its own repository only; this client's are not its business
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        given()
                            .auth()
                            .oauth2(TestTokens.client(other))
                            .get("/api/v1/consumption/clients/" + other + "/" + month)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("repositories.repositoryId"))
                    .containsExactly(theirs.toString()));
    given().auth().oauth2(TestTokens.client(other)).get(path).then().statusCode(404);
  }
}
