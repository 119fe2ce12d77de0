package io.vigie.backup.agent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vigie.backup.Estate;
import io.vigie.backup.InventoryFeed;
import io.vigie.backup.MovableClock;
import io.vigie.backup.RealRestic;
import io.vigie.backup.inventory.InventoryServer;
import io.vigie.backup.run.Snapshot;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real reference agent ({@code agent/vigie-backup-agent}, Debian's python3 and restic) against
 * the service, with real restic repositories in a temporary directory: it pulls its host's due
 * jobs, backs up with the policy's paths and tags to both copies, applies the retention, posts what
 * restic printed; on its next pass it restores the newest snapshot and checks it; when the
 * repositories' password is wrong, the backups arrive as failed runs with restic's output and the
 * restore test as a failed test.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class ReferenceAgentTest {

  @Inject MovableClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void theAgentBacksUpTestsARestoreAndReportsFailures() throws Exception {
    Estate estate = Estate.saintRoch();
    String host = InventoryFeed.find(InventoryServer.class, estate.web1).hostname;
    Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "agent");
    Path data = Files.createDirectories(dir.resolve("mysql-dumps"));
    Files.writeString(data.resolve("saint-roch.sql"), "INSERT INTO page VALUES (1);\n".repeat(300));
    Files.writeString(data.resolve("saint-roch.sql.tmp"), "partial dump");
    Files.createDirectories(data.resolve("conf"));
    Files.writeString(data.resolve("conf/my.cnf"), "[mysqld]\nbind-address=10.2.0.21\n");
    RealRestic dc3 = new RealRestic(dir.resolve("dc3"), "Europe/Paris");
    RealRestic dc5 = new RealRestic(dir.resolve("dc5"), "Europe/Paris");
    // restic init tunes its key derivation for half a second and more: both at once
    CompletableFuture<Void> dc3Ready = CompletableFuture.runAsync(dc3::init);
    dc5.init();
    dc3Ready.join();
    Path password = dir.resolve("restic-password");
    Files.writeString(password, "vigie-test-only");
    UUID repo3 =
        localRepository(estate.tenant, "restic DC3", estate.dc3Id, dc3.repository(), password);
    UUID repo5 =
        localRepository(estate.tenant, "restic DC5", estate.dc5Id, dc5.repository(), password);

    // watched since two hours ago, hourly: a backup is due on each copy; the service's clock
    // stays at t0 while the agent (on the wall clock) runs, so no hour turns between passes
    Instant t0 = Instant.now();
    clock.set(t0.minus(Duration.ofHours(2)));
    UUID policy = estate.createPolicy(estate.databasePolicy("MySQL " + host, repo3, repo5));
    clock.set(t0);
    as(TestTokens.engineer())
        .body(
            Map.of(
                "paths", List.of(data.toString()),
                "excludes", List.of("*.tmp"),
                "tags", List.of("vigie", "mysql")))
        .put("/api/v1/policies/" + policy + "/agent-settings")
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"");
    as(TestTokens.engineer())
        .header("If-Match", "\"0\"")
        .body(Map.of("schedule", "0 * * * *"))
        .put("/api/v1/policies/" + policy + "/restore-tests/schedule")
        .then()
        .statusCode(200)
        .body("custom", equalTo(true));

    JsonPath jobs = jobs(host);
    assertThat(jobs.getList("backups.repository.id"))
        .containsExactly(repo3.toString(), repo5.toString());
    assertThat(jobs.getList("backups.repository.passwordRef")).containsOnly("file:" + password);
    assertThat(jobs.getList("restoreTests")).isEmpty(); // no restore point known yet

    // first pass: the two backups
    assertThat(agent(host, dir)).isZero();
    String newest = null;
    for (RealRestic restic : List.of(dc3, dc5)) {
      JsonNode snapshots = restic.json(List.of("snapshots", "--json"));
      assertThat(snapshots).hasSize(1);
      newest = snapshots.get(0).get("id").asText(); // dc5's, the last
      assertThat(snapshots.get(0).get("hostname").asText()).isEqualTo(host);
      assertThat(snapshots.get(0).get("tags").toString()).contains("vigie", "mysql");
      List<String> files = new ArrayList<>();
      for (String line : restic.run(List.of("ls", "--json", "latest")).split("\n")) {
        JsonNode node = InventoryFeed.JSON.readTree(line);
        if ("file".equals(node.path("type").asText())) {
          files.add(node.get("name").asText());
        }
      }
      assertThat(files).containsExactlyInAnyOrder("saint-roch.sql", "my.cnf");
    }
    as(TestTokens.client(estate.tenant))
        .get("/api/v1/policies/" + policy + "/runs")
        .then()
        .statusCode(200)
        .body("items", hasSize(2))
        .body("items.state", equalTo(List.of("SUCCEEDED", "SUCCEEDED")))
        .body("items.source", equalTo(List.of("RESTIC", "RESTIC")));
    // after each backup the agent measured the repository (restic stats --mode raw-data)
    long held =
        dc3.json(List.of("stats", "--json", "--mode", "raw-data")).get("total_size").asLong();
    JsonPath storage =
        as(TestTokens.client(estate.tenant))
            .get(
                "/api/v1/repositories/"
                    + repo3
                    + "/storage?from="
                    + t0.minus(Duration.ofHours(1))
                    + "&to="
                    + t0.plus(Duration.ofHours(1)))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(storage.getList("measurements")).hasSize(1);
    assertThat(storage.getLong("measurements[0].totalSizeBytes")).isEqualTo(held);
    assertThat(storage.getInt("measurements[0].snapshotsCount")).isEqualTo(1);
    Snapshot point = InventoryFeed.find(Snapshot.class, new Snapshot.Key(repo5, newest));
    assertThat(point.hostname).isEqualTo(host);

    // second pass: nothing left to back up; the restore test of the newest point
    jobs = jobs(host);
    assertThat(jobs.getList("backups")).isEmpty();
    assertThat(jobs.getString("restoreTests[0].snapshotId")).isEqualTo(newest);
    assertThat(agent(host, dir)).isZero();
    long bytes =
        Files.size(data.resolve("saint-roch.sql")) + Files.size(data.resolve("conf/my.cnf"));
    as(TestTokens.client(estate.tenant))
        .get("/api/v1/policies/" + policy + "/restore-tests")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].succeeded", equalTo(true))
        .body("items[0].snapshotId", equalTo(newest))
        .body("items[0].repositoryId", equalTo(repo5.toString()))
        .body("items[0].filesChecked", equalTo(2))
        .body("items[0].bytesChecked", equalTo((int) bytes))
        .body("items[0].reportedBy", equalTo("service-account-vigie-agent"));
    try (var left = Files.list(dir.resolve("scratch"))) {
      assertThat(left).isEmpty(); // the scratch restore is removed
    }
    assertThat(jobs(host).getList("restoreTests")).isEmpty();

    // an hour on, with the wrong password: both backups and the restore test fail, with restic's
    // own words
    clock.set(t0.plus(Duration.ofHours(2)));
    Files.writeString(password, "not-the-password");
    assertThat(agent(host, dir)).isEqualTo(1);
    JsonPath failed =
        as(TestTokens.engineer())
            .get("/api/v1/policies/" + policy + "/runs?state=FAILED")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(failed.getList("items")).hasSize(2);
    assertThat(failed.getString("items[0].log")).contains("wrong password");
    assertThat(failed.getList("items.exitStatus")).containsOnly(1);
    JsonPath tests =
        as(TestTokens.engineer())
            .get("/api/v1/policies/" + policy + "/restore-tests")
            .then()
            .extract()
            .jsonPath();
    assertThat(tests.getList("items.succeeded")).containsExactly(false, true);
    assertThat(tests.getString("items[0].reason")).contains("restic restore exited");
    JsonPath standing =
        as(TestTokens.client(estate.tenant))
            .get("/api/v1/policies/" + policy + "/restore-tests/schedule")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(Instant.parse(standing.getString("lastSucceeded")))
        .isEqualTo(Instant.parse(tests.getString("items[1].startedAt")));
    assertThat(Instant.parse(standing.getString("lastAttempt")))
        .isEqualTo(Instant.parse(tests.getString("items[0].startedAt")));
    assertThat(standing.getBoolean("overdue")).isFalse();
  }

  @Test
  void settingsAndJobsRefuseBadInput() {
    Estate estate = Estate.saintRoch();
    UUID policy =
        estate.createPolicy(estate.databasePolicy("MySQL", estate.repoDc3, estate.repoDc5));
    String path = "/api/v1/policies/" + policy + "/agent-settings";
    as(TestTokens.engineer())
        .body(Map.of("paths", List.of("relative/dir")))
        .put(path)
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.containsString("paths"));
    as(TestTokens.engineer())
        .body(Map.of("paths", List.of("/srv"), "tags", List.of("two words")))
        .put(path)
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.containsString("tags"));
    as(TestTokens.engineer()).get(path).then().statusCode(404);
    as(TestTokens.engineer())
        .body(Map.of("paths", List.of("/srv")))
        .put(path)
        .then()
        .statusCode(200);
    // replacing needs the version read
    as(TestTokens.engineer())
        .body(Map.of("paths", List.of("/var")))
        .put(path)
        .then()
        .statusCode(428);
    as(TestTokens.engineer())
        .header("If-Match", "\"7\"")
        .body(Map.of("paths", List.of("/var")))
        .put(path)
        .then()
        .statusCode(412);
    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(Map.of("paths", List.of("/var")))
        .put(path)
        .then()
        .statusCode(200)
        .body("paths", equalTo(List.of("/var")))
        .body("version", equalTo(2));
    as(TestTokens.agent()).get("/api/v1/agent/jobs").then().statusCode(400);
    // a host with no policy has nothing to do; SFTP copies are the agent's too
    as(TestTokens.agent())
        .get("/api/v1/agent/jobs?host=" + InventoryFeed.unique("nobody"))
        .then()
        .statusCode(200)
        .body("backups", hasSize(0))
        .body("restoreTests", hasSize(0));
    String schedule = "/api/v1/policies/" + policy + "/restore-tests/schedule";
    as(TestTokens.engineer())
        .header("If-Match", "\"0\"")
        .body(Map.of("schedule", "0 5 31 2 *"))
        .put(schedule)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("schedule"));
    as(TestTokens.engineer())
        .body(Map.of("schedule", "0 5 * * 1"))
        .put(schedule)
        .then()
        .statusCode(428);
    Map<String, Object> report = new HashMap<>();
    report.put("policyId", policy.toString());
    report.put("repositoryId", estate.repoDc2.toString());
    report.put("snapshotId", "4f2a9c1e0b");
    report.put("succeeded", true);
    report.put("startedAt", "2026-11-02T05:00:00Z");
    report.put("finishedAt", "2026-11-02T05:03:00Z");
    as(TestTokens.agent())
        .body(report)
        .post("/api/v1/restore-tests")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("repositoryId"));
    report.put("repositoryId", estate.repoDc3.toString());
    report.put("succeeded", false);
    as(TestTokens.agent())
        .body(report)
        .post("/api/v1/restore-tests")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
    report.put("finishedAt", "2026-11-02T04:00:00Z");
    report.put("reason", "restic restore exited 1");
    as(TestTokens.agent())
        .body(report)
        .post("/api/v1/restore-tests")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("finishedAt"));
  }

  static io.restassured.specification.RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  private static JsonPath jobs(String host) {
    return as(TestTokens.agent())
        .get("/api/v1/agent/jobs?host=" + host)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static UUID localRepository(
      String tenant, String name, UUID datacenterId, Path location, Path password) {
    return UUID.fromString(
        as(TestTokens.engineer())
            .body(
                Map.of(
                    "name",
                    InventoryFeed.unique(name),
                    "kind",
                    "RESTIC_LOCAL",
                    "location",
                    location.toString(),
                    "datacenterId",
                    datacenterId.toString(),
                    "tenant",
                    tenant,
                    "passwordRef",
                    "file:" + password))
            .post("/api/v1/repositories")
            .then()
            .statusCode(201)
            .extract()
            .path("id"));
  }

  /** Runs the agent once as its host would; returns its exit status. */
  private static int agent(String host, Path dir) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            "/usr/bin/python3",
            Path.of("agent", "vigie-backup-agent").toAbsolutePath().toString(),
            "--once",
            "--host",
            host,
            "--url",
            RestAssured.baseURI + ":" + RestAssured.port,
            "--scratch",
            dir.resolve("scratch").toString());
    builder.environment().put("VIGIE_TOKEN", TestTokens.agent());
    builder.environment().put("RESTIC_CACHE_DIR", dir.resolve("cache").toString());
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    System.out.println(output);
    return process.exitValue();
  }
}
