package io.vigie.backup.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigie.backup.Estate;
import io.vigie.backup.InventoryFeed;
import io.vigie.backup.RealRestic;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A real restic (Debian's) backs up a directory with {@code --json}; an agent posts the summary
 * line and {@code snapshots --json} as restic printed them: the run and its restore point are
 * recorded.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class ResticReportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anAgentPostsResticsOwnJson() throws Exception {
    Estate estate = Estate.saintRoch();
    UUID policy =
        estate.createPolicy(estate.databasePolicy("MySQL", estate.repoDc3, estate.repoDc5));
    Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "restic-report");
    Path data = Files.createDirectories(dir.resolve("dump"));
    Files.writeString(
        data.resolve("saint-roch.sql"), "CREATE TABLE patient (id int);\n".repeat(200));
    RealRestic restic = new RealRestic(dir.resolve("repo"), "Europe/Paris");
    restic.init();
    String[] lines =
        restic.run(List.of("backup", "--json", "--host", "db1", data.toString())).split("\n");
    JsonNode summary = JSON.readTree(lines[lines.length - 1]);
    assertThat(summary.get("message_type").asText()).isEqualTo("summary");
    JsonNode snapshots = restic.json(List.of("snapshots", "--json"));
    String snapshotId = snapshots.get(0).get("id").asText();
    // restic 0.14 prints the short id in the summary, the full one in snapshots
    assertThat(snapshotId).startsWith(summary.get("snapshot_id").asText());

    String body =
        JSON.writeValueAsString(
            Map.of(
                "policyId",
                policy.toString(),
                "repositoryId",
                estate.repoDc3.toString(),
                "summary",
                summary,
                "snapshots",
                snapshots));
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/runs/restic")
        .then()
        .statusCode(201)
        .body("state", equalTo("SUCCEEDED"))
        .body("source", equalTo("RESTIC"))
        .body("snapshotId", equalTo(snapshotId))
        .body("filesNew", equalTo(1));
    given()
        .auth()
        .oauth2(TestTokens.client(estate.tenant))
        .get("/api/v1/policies/" + policy + "/runs")
        .then()
        .statusCode(200)
        .body("items.snapshotId", equalTo(List.of(snapshotId)))
        .body("items[0].repositoryId", equalTo(estate.repoDc3.toString()));

    Snapshot point =
        InventoryFeed.find(Snapshot.class, new Snapshot.Key(estate.repoDc3, snapshotId));
    assertThat(point).isNotNull();
    assertThat(point.policyId).isEqualTo(policy);
    assertThat(point.hostname).isEqualTo("db1");
    assertThat(Arrays.asList(point.paths)).containsExactly(data.toString());
    assertThat(point.takenAt)
        .isEqualTo(
            java.time.OffsetDateTime.parse(snapshots.get(0).get("time").asText())
                .toInstant()
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS));
  }

  @Test
  void aReportForAnotherRepositoryOrNotASummaryIsRefused() {
    Estate estate = Estate.saintRoch();
    UUID policy =
        estate.createPolicy(estate.databasePolicy("MySQL", estate.repoDc3, estate.repoDc5));
    Map<String, Object> summary =
        Map.of("message_type", "summary", "snapshot_id", "4f2a9c1e0b", "total_duration", 1.5);
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "policyId",
                policy.toString(),
                "repositoryId",
                estate.repoDc2.toString(),
                "summary",
                summary))
        .post("/api/v1/runs/restic")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("repositoryId"));
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "policyId", policy.toString(),
                "repositoryId", estate.repoDc3.toString(),
                "summary", Map.of("message_type", "status", "snapshot_id", "4f2a9c1e0b")))
        .post("/api/v1/runs/restic")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("summary.message_type"));
    // clients and level-1 support do not report backups
    given()
        .auth()
        .oauth2(TestTokens.client(estate.tenant))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "policyId",
                policy.toString(),
                "repositoryId",
                estate.repoDc3.toString(),
                "summary",
                summary))
        .post("/api/v1/runs/restic")
        .then()
        .statusCode(403);
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/runs/restic")
        .then()
        .statusCode(401);
  }
}
