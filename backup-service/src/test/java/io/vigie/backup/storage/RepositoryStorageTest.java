package io.vigie.backup.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vigie.backup.Estate;
import io.vigie.backup.InventoryFeed;
import io.vigie.backup.MovableClock;
import io.vigie.backup.RealRestic;
import io.vigie.backup.inventory.InventoryServer;
import io.vigie.events.backup.BackupEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Storage held per repository, measured by a real restic ({@code restic stats --json --mode
 * raw-data} on a real repository, after two backups): each measurement is recorded with its time,
 * published once, and read back as the repository's history with its growth; tenant walls and bad
 * input on both paths.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class RepositoryStorageTest {

  @Inject MovableClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  private static String path(UUID repository) {
    return "/api/v1/repositories/" + repository + "/storage";
  }

  private static String report(Instant measuredAt, JsonNode stats) {
    ObjectNode body = InventoryFeed.JSON.createObjectNode();
    body.put("measuredAt", measuredAt.toString());
    body.put("mode", "raw-data");
    body.set("stats", stats);
    return body.toString();
  }

  @Test
  void anAgentPostsResticStatsAndTheClientFollowsItsRepository() throws Exception {
    Estate estate = Estate.saintRoch();
    estate.createPolicy(estate.databasePolicy("MySQL", estate.repoDc3, estate.repoDc5));
    Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "storage");
    Path data = Files.createDirectories(dir.resolve("dump"));
    RealRestic restic = new RealRestic(dir.resolve("repo"), "Europe/Paris");
    restic.init();

    // two backups, the second with 200 kB more (random, so it neither deduplicates nor compresses)
    Files.write(data.resolve("a.bin"), random(300_000, 1));
    restic.run(List.of("backup", "--json", "--host", "db1", data.toString()));
    JsonNode first = restic.json(List.of("stats", "--json", "--mode", "raw-data"));
    Files.write(data.resolve("b.bin"), random(200_000, 2));
    restic.run(List.of("backup", "--json", "--host", "db1", data.toString()));
    JsonNode second = restic.json(List.of("stats", "--json", "--mode", "raw-data"));
    long firstSize = first.get("total_size").asLong();
    long secondSize = second.get("total_size").asLong();
    assertThat(first.get("snapshots_count").asInt()).isEqualTo(1);
    assertThat(second.get("snapshots_count").asInt()).isEqualTo(2);
    assertThat(secondSize - firstSize).isBetween(200_000L, 210_000L);

    Instant t0 = Instant.parse("2026-11-03T02:00:00Z");
    Instant t1 = Instant.parse("2026-11-04T02:00:00Z");
    clock.set(t1.plusSeconds(60));
    String host = InventoryFeed.find(InventoryServer.class, estate.web1).hostname;
    // the agent of the host the policy's database runs on
    as(TestTokens.agentOf(host))
        .body(report(t0, first))
        .post(path(estate.repoDc3))
        .then()
        .statusCode(201)
        .body("totalSizeBytes", equalTo((int) firstSize))
        .body("snapshotsCount", equalTo(1))
        .body("measuredAt", equalTo(t0.toString()))
        .body("reportedBy", equalTo("service-account-vigie-agent-" + host));
    // a retried post is kept once
    as(TestTokens.agentOf(host))
        .body(report(t0, first))
        .post(path(estate.repoDc3))
        .then()
        .statusCode(201);
    as(TestTokens.agent())
        .body(report(t1, second))
        .post(path(estate.repoDc3))
        .then()
        .statusCode(201)
        .body("totalSizeBytes", equalTo((int) secondSize));

    List<ConsumerRecord<String, String>> events =
        KafkaEvents.await(
            BackupEvents.TOPIC,
            KafkaEvents.withKey(estate.repoDc3.toString())
                .and(KafkaEvents.ofType(BackupEvents.REPOSITORY_STORAGE_MEASURED)),
            2,
            Duration.ofSeconds(20));
    assertThat(events).hasSize(2);
    JsonNode event = InventoryFeed.JSON.readTree(events.get(0).value());
    assertThat(event.get("tenant").asText()).isEqualTo(estate.tenant);
    assertThat(event.get("repositoryName").asText()).isEqualTo("restic DC3");
    assertThat(event.get("datacenterCode").asText()).isEqualTo(estate.dc3);
    assertThat(event.get("totalSizeBytes").asLong()).isEqualTo(firstSize);
    assertThat(event.get("snapshotsCount").asInt()).isEqualTo(1);
    assertThat(Instant.parse(event.get("measuredAt").asText())).isEqualTo(t0);
    assertThat(InventoryFeed.JSON.readTree(events.get(1).value()).get("totalSizeBytes").asLong())
        .isEqualTo(secondSize);

    // the month so far: from the first measurement to the last, grown by the second backup
    String november = "?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z";
    JsonPath history =
        as(TestTokens.client(estate.tenant))
            .get(path(estate.repoDc3) + november)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(history.getString("repositoryName")).isEqualTo("restic DC3");
    assertThat(history.getList("measurements")).hasSize(2);
    assertThat(history.getLong("startBytes")).isEqualTo(firstSize);
    assertThat(history.getLong("endBytes")).isEqualTo(secondSize);
    assertThat(history.getLong("growthBytes")).isEqualTo(secondSize - firstSize);
    // from after the first measurement: it is where the period starts from, not part of it
    JsonPath later =
        as(TestTokens.support())
            .get(path(estate.repoDc3) + "?from=2026-11-03T12:00:00Z&to=2026-12-01T00:00:00Z")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(later.getList("measurements.measuredAt")).containsExactly(t1.toString());
    assertThat(later.getLong("growthBytes")).isEqualTo(secondSize - firstSize);
    // the default period is the last 31 days of the service's clock
    as(TestTokens.engineer())
        .get(path(estate.repoDc3))
        .then()
        .statusCode(200)
        .body("endBytes", equalTo((int) secondSize));
    // a repository never measured: no figures
    as(TestTokens.client(estate.tenant))
        .get(path(estate.repoDc5))
        .then()
        .statusCode(200)
        .body("measurements.size()", equalTo(0))
        .body("growthBytes", equalTo(null));
  }

  @Test
  void tenantWallsAndBadInput() throws Exception {
    Estate estate = Estate.saintRoch();
    Estate other = Estate.saintRoch();
    estate.createPolicy(estate.databasePolicy("MySQL", estate.repoDc3, estate.repoDc5));
    clock.set(Instant.parse("2026-11-20T10:00:00Z"));
    JsonNode stats =
        InventoryFeed.JSON.readTree(
            "{\"total_size\":1048576,\"total_blob_count\":12,\"snapshots_count\":3}");
    Instant at = Instant.parse("2026-11-20T09:00:00Z");
    as(TestTokens.engineer())
        .body(report(at, stats))
        .post(path(estate.repoDc3))
        .then()
        .statusCode(201);

    // reads: another client's repository is not found, agents read nothing, no token 401
    as(TestTokens.client(other.tenant)).get(path(estate.repoDc3)).then().statusCode(404);
    as(TestTokens.client(estate.tenant)).get(path(other.repoDc3)).then().statusCode(404);
    as(TestTokens.client(estate.tenant)).get(path(UUID.randomUUID())).then().statusCode(404);
    as(TestTokens.agent()).get(path(estate.repoDc3)).then().statusCode(403);
    given().get(path(estate.repoDc3)).then().statusCode(401);
    // writes: clients and level-1 support may not; an unknown repository is not found; an agent
    // bound to a host no policy of this repository runs on is refused
    for (String token : List.of(TestTokens.client(estate.tenant), TestTokens.support())) {
      as(token).body(report(at, stats)).post(path(estate.repoDc3)).then().statusCode(403);
    }
    as(TestTokens.agent())
        .body(report(at, stats))
        .post(path(UUID.randomUUID()))
        .then()
        .statusCode(404);
    as(TestTokens.agentOf("elsewhere.example.net"))
        .body(report(at, stats))
        .post(path(estate.repoDc3))
        .then()
        .statusCode(403);
    as(TestTokens.agentOf("elsewhere.example.net"))
        .body(report(at, stats))
        .post(path(UUID.randomUUID()))
        .then()
        .statusCode(404);

    // bad input names the field, and nothing is kept
    Map<String, String> bad =
        Map.of(
            "{\"mode\":\"raw-data\"}",
            "stats",
            "{\"mode\":\"restore-size\",\"stats\":{\"total_size\":1,\"snapshots_count\":1}}",
            "mode",
            "{\"stats\":{\"snapshots_count\":1}}",
            "stats.total_size",
            "{\"stats\":{\"total_size\":1}}",
            "stats.snapshots_count",
            "{\"stats\":{\"total_size\":-5,\"snapshots_count\":1}}",
            "stats.total_size",
            "{\"stats\":{\"total_size\":\"lots\",\"snapshots_count\":1}}",
            "stats.total_size",
            "{\"measuredAt\":\"yesterday\",\"stats\":{\"total_size\":1,\"snapshots_count\":1}}",
            "measuredAt",
            "{\"measuredAt\":\"2026-11-20T10:11:00Z\",\"stats\":{\"total_size\":1,"
                + "\"snapshots_count\":1}}",
            "measuredAt");
    bad.forEach(
        (body, field) ->
            as(TestTokens.agent())
                .body(body)
                .post(path(estate.repoDc3))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)));
    for (Map.Entry<String, String> query :
        Map.of(
                "?from=last-week", "from",
                "?to=2026-13-01T00:00:00Z", "to",
                "?from=2026-11-10T00:00:00Z&to=2026-11-01T00:00:00Z", "to",
                "?from=2025-01-01T00:00:00Z&to=2026-11-01T00:00:00Z", "from")
            .entrySet()) {
      as(TestTokens.engineer())
          .get(path(estate.repoDc3) + query.getKey())
          .then()
          .statusCode(400)
          .body("errors[0].field", equalTo(query.getValue()));
    }
    as(TestTokens.engineer())
        .get(path(estate.repoDc3))
        .then()
        .statusCode(200)
        .body("measurements.size()", equalTo(1))
        .body("measurements[0].totalSizeBytes", equalTo(1048576))
        .body("measurements[0].blobCount", equalTo(12));
  }

  @Test
  void aRepositoryCapacityIsKeptShownAndCarriedOnEachMeasurement() throws Exception {
    Estate estate = Estate.saintRoch();
    clock.set(Instant.parse("2026-11-20T10:00:00Z"));
    String repo = "/api/v1/repositories/" + estate.repoDc3;
    // none set by default
    as(TestTokens.client(estate.tenant))
        .get(repo)
        .then()
        .statusCode(200)
        .body("capacityBytes", equalTo(null));
    String etag = as(TestTokens.engineer()).get(repo).then().extract().header("ETag");
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("name", "restic DC3");
    body.put("kind", "RESTIC_SFTP");
    body.put("location", "sftp:backup@backup.example.net:/srv/restic/restic-DC3");
    body.put("datacenterId", estate.dc3Id.toString());
    body.put("tenant", estate.tenant);
    // bad capacities name the field, and nothing is changed
    for (Object bad : List.of(0, -1, "lots")) {
      body.put("capacityBytes", bad);
      as(TestTokens.engineer())
          .header("If-Match", etag)
          .body(body)
          .put(repo)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("capacityBytes"));
    }
    body.put("capacityBytes", 2_000_000_000_000L);
    as(TestTokens.engineer())
        .header("If-Match", etag)
        .body(body)
        .put(repo)
        .then()
        .statusCode(200)
        .body("capacityBytes", equalTo(2_000_000_000_000L));
    as(TestTokens.client(estate.tenant))
        .get(repo)
        .then()
        .statusCode(200)
        .body("capacityBytes", equalTo(2_000_000_000_000L));
    assertThat(
            as(TestTokens.engineer())
                .get("/api/v1/repositories?tenant=" + estate.tenant + "&datacenter=" + estate.dc3)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("items[0].capacityBytes"))
        .isEqualTo(2_000_000_000_000L);

    // each measurement carries the capacity the repository has when it is taken
    JsonNode stats = InventoryFeed.JSON.readTree("{\"total_size\":1048576,\"snapshots_count\":3}");
    as(TestTokens.engineer())
        .body(report(Instant.parse("2026-11-20T09:00:00Z"), stats))
        .post(path(estate.repoDc3))
        .then()
        .statusCode(201);
    List<ConsumerRecord<String, String>> events =
        KafkaEvents.await(
            BackupEvents.TOPIC,
            KafkaEvents.withKey(estate.repoDc3.toString())
                .and(KafkaEvents.ofType(BackupEvents.REPOSITORY_STORAGE_MEASURED)),
            1,
            Duration.ofSeconds(20));
    assertThat(InventoryFeed.JSON.readTree(events.get(0).value()).get("capacityBytes").asLong())
        .isEqualTo(2_000_000_000_000L);
  }

  /** A restic run of {@code policy} into {@code repository}, as the agent posts it. */
  private static void run(
      UUID policy, UUID repository, String snapshot, long dataAdded, List<String> listed) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("policyId", policy.toString());
    body.put("repositoryId", repository.toString());
    body.put(
        "summary",
        Map.of(
            "message_type",
            "summary",
            "snapshot_id",
            snapshot,
            "data_added",
            dataAdded,
            "total_duration",
            60.0));
    if (listed != null) {
      body.put(
          "snapshots",
          listed.stream().map(id -> Map.of("id", id, "time", "2026-11-20T08:00:00Z")).toList());
    }
    as(TestTokens.agent()).body(body).post("/api/v1/runs/restic").then().statusCode(201);
  }

  @Test
  void aSharedRepositorySplitPerClientInProportionToWhatTheirKeptRunsAdded() throws Exception {
    Estate lumiere = Estate.saintRoch();
    Estate saintRoch = Estate.saintRoch();
    UUID shared =
        Estate.repository(
            null, "shared " + UUID.randomUUID().toString().substring(0, 8), lumiere.dc3Id);
    UUID a = lumiere.createPolicy(lumiere.databasePolicy("MySQL", shared, lumiere.repoDc5));
    UUID b = saintRoch.createPolicy(saintRoch.databasePolicy("MySQL", shared, saintRoch.repoDc5));
    clock.set(Instant.parse("2026-11-20T09:00:00Z"));
    // the first client's first run (300 MB) is forgotten by its second's list: 100 MB kept; the
    // other's 200 MB is kept. 1,000,000,001 bytes measured: a third and two thirds, the byte
    // rounding leaves going to the larger remainder
    run(a, shared, "a1000001", 300_000_000L, null);
    run(a, shared, "a2000002", 100_000_000L, List.of("a2000002"));
    run(b, shared, "b1000001", 200_000_000L, null);
    run(a, lumiere.repoDc5, "c1000001", 999_000_000L, null); // another repository's
    clock.set(Instant.parse("2026-11-20T10:00:00Z"));
    JsonNode stats =
        InventoryFeed.JSON.readTree("{\"total_size\":1000000001,\"snapshots_count\":2}");
    as(TestTokens.engineer())
        .body(report(Instant.parse("2026-11-20T09:30:00Z"), stats))
        .post(path(shared))
        .then()
        .statusCode(201);
    // a run after the measurement is not part of it
    run(b, shared, "b2000002", 900_000_000L, null);

    JsonPath split =
        as(TestTokens.support())
            .get(path(shared) + "/split")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(split.getBoolean("estimate")).isTrue();
    assertThat(split.getString("method")).startsWith("estimate: ");
    assertThat(split.getString("tenant")).isNull();
    assertThat(split.getLong("totalSizeBytes")).isEqualTo(1_000_000_001L);
    assertThat(split.getList("clients.tenant")).containsExactly(saintRoch.tenant, lumiere.tenant);
    assertThat(split.getLong("clients[0].estimatedBytes")).isEqualTo(666_666_667L);
    assertThat(split.getLong("clients[0].bytesAdded")).isEqualTo(200_000_000L);
    assertThat(split.getLong("clients[1].estimatedBytes")).isEqualTo(333_333_334L);
    assertThat(split.getInt("clients[1].runs")).isEqualTo(1);
    assertThat(split.getLong("unattributedBytes")).isZero();
    // before any measurement: nothing to split
    as(TestTokens.engineer())
        .get(path(shared) + "/split?at=2026-11-20T09:00:00Z")
        .then()
        .statusCode(200)
        .body("totalSizeBytes", equalTo(null))
        .body("clients[0].estimatedBytes", equalTo(0));

    // staff only; an unknown repository is not found; bad input names the field
    as(TestTokens.client(lumiere.tenant)).get(path(shared) + "/split").then().statusCode(403);
    as(TestTokens.client(lumiere.tenant))
        .get(path(lumiere.repoDc5) + "/split")
        .then()
        .statusCode(403);
    as(TestTokens.agent()).get(path(shared) + "/split").then().statusCode(403);
    as(TestTokens.support()).get(path(UUID.randomUUID()) + "/split").then().statusCode(404);
    as(TestTokens.support())
        .get(path(shared) + "/split?at=yesterday")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("at"));
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new java.util.Random(seed).nextBytes(bytes);
    return bytes;
  }
}
