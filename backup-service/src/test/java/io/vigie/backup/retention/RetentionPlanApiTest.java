package io.vigie.backup.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vigie.backup.Estate;
import io.vigie.backup.RealRestic;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The retention plan through the API equals real {@code restic forget --dry-run --json} with the
 * policy's keep rules, over the snapshots an agent posted ({@code restic snapshots --json} of the
 * committed fixture repository: hourly over three weeks across the spring DST shift, and two years
 * of monthly points); after a real {@code restic forget} the next report drops what restic forgot.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class RetentionPlanApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FIXTURE = Path.of("src", "test", "fixtures", "restic-retention");

  @Test
  void thePlanIsResticsAndForgottenSnapshotsLeave() throws Exception {
    RealRestic restic = copyOfFixture("retention-plan-api");
    Estate estate = Estate.saintRoch();
    Map<String, Object> body =
        new HashMap<>(estate.databasePolicy("MySQL", estate.repoDc3, estate.repoDc5));
    body.put(
        "retention",
        Map.of(
            "keepLast", 5,
            "keepHourly", 48,
            "keepDaily", 10,
            "keepWeekly", 4,
            "keepMonthly", 12,
            "keepYearly", 3,
            "keepWithin", "2d"));
    UUID policy = estate.createPolicy(body);
    List<String> flags =
        List.of(
            "--keep-last",
            "5",
            "--keep-hourly",
            "48",
            "--keep-daily",
            "10",
            "--keep-weekly",
            "4",
            "--keep-monthly",
            "12",
            "--keep-yearly",
            "3",
            "--keep-within",
            "2d");

    JsonNode snapshots = restic.json(List.of("snapshots", "--json", "--no-lock"));
    assertThat(snapshots.size()).isEqualTo(529);
    report(policy, estate.repoDc3, snapshots);

    JsonPath plan = plan(policy, estate.repoDc3, TestTokens.client(estate.tenant));
    assertThat(plan.getList("keepRules", String.class))
        .containsExactly(
            "--keep-last 5",
            "--keep-hourly 48",
            "--keep-daily 10",
            "--keep-weekly 4",
            "--keep-monthly 12",
            "--keep-yearly 3",
            "--keep-within 2d");
    assertThat(plan.getString("timeZone")).isEqualTo("Europe/Paris");
    assertSameAsRestic(plan, restic, flags, snapshots);
    int kept = plan.getInt("kept");
    assertThat(kept + plan.getInt("removed")).isEqualTo(529);
    // the other copy's repository has no snapshot reported: an empty plan
    JsonPath other = plan(policy, estate.repoDc5, TestTokens.engineer());
    assertThat(other.getList("snapshots")).isEmpty();

    // restic forgets for real; the agent's next report lists what is left
    List<String> forget = new ArrayList<>(List.of("forget"));
    forget.addAll(flags);
    restic.run(forget);
    JsonNode left = restic.json(List.of("snapshots", "--json", "--no-lock"));
    assertThat(left.size()).isEqualTo(kept);
    report(policy, estate.repoDc3, left);
    JsonPath after = plan(policy, estate.repoDc3, TestTokens.engineer());
    assertThat(after.getInt("kept")).isEqualTo(kept);
    assertThat(after.getInt("removed")).isZero();
    assertSameAsRestic(after, restic, flags, left);
  }

  @Test
  void badInputAndTenantWalls() {
    Estate estate = Estate.saintRoch();
    UUID policy =
        estate.createPolicy(estate.databasePolicy("MySQL", estate.repoDc3, estate.repoDc5));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .get("/api/v1/policies/" + policy + "/retention-plan")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("repositoryId"));
    // a repository of the client but not of this policy's copies
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .queryParam("repositoryId", estate.repoDc2.toString())
        .get("/api/v1/policies/" + policy + "/retention-plan")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("repositoryId"));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .queryParam("repositoryId", "not-a-uuid")
        .get("/api/v1/policies/" + policy + "/retention-plan")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("repositoryId"));
    // another client's policy is not there; nor is an unknown one
    given()
        .auth()
        .oauth2(TestTokens.client(Estate.saintRoch().tenant))
        .queryParam("repositoryId", estate.repoDc3.toString())
        .get("/api/v1/policies/" + policy + "/retention-plan")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .queryParam("repositoryId", estate.repoDc3.toString())
        .get("/api/v1/policies/" + UUID.randomUUID() + "/retention-plan")
        .then()
        .statusCode(404);
    // agents report, they do not read plans
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .queryParam("repositoryId", estate.repoDc3.toString())
        .get("/api/v1/policies/" + policy + "/retention-plan")
        .then()
        .statusCode(403);
    given()
        .queryParam("repositoryId", estate.repoDc3.toString())
        .get("/api/v1/policies/" + policy + "/retention-plan")
        .then()
        .statusCode(401);
  }

  /** The API's plan has restic's keep and remove lists and, for each kept snapshot, its reasons. */
  private static void assertSameAsRestic(
      JsonPath plan, RealRestic restic, List<String> flags, JsonNode snapshots) {
    List<String> args = new ArrayList<>(List.of("forget", "--dry-run", "--json", "--no-lock"));
    args.addAll(flags);
    JsonNode groups = restic.json(args);
    assertThat(groups).hasSize(1);
    JsonNode group = groups.get(0);
    Map<String, String> idByTime = new HashMap<>();
    snapshots.forEach(
        s ->
            idByTime.put(
                OffsetDateTime.parse(s.get("time").asText()).toInstant().toString(),
                s.get("id").asText()));
    Map<String, List<String>> resticReasons = new LinkedHashMap<>();
    for (JsonNode reason : group.get("reasons")) {
      List<String> matches = new ArrayList<>();
      reason.get("matches").forEach(m -> matches.add(m.asText()));
      String time =
          OffsetDateTime.parse(reason.get("snapshot").get("time").asText()).toInstant().toString();
      resticReasons.put(idByTime.get(time), matches);
    }
    List<String> resticRemoved = new ArrayList<>();
    if (group.hasNonNull("remove")) {
      group.get("remove").forEach(s -> resticRemoved.add(s.get("id").asText()));
    }

    Map<String, List<String>> ourReasons = new LinkedHashMap<>();
    List<String> ourRemoved = new ArrayList<>();
    List<Map<String, Object>> planned = plan.getList("snapshots");
    for (Map<String, Object> s : planned) {
      if ((Boolean) s.get("keep")) {
        @SuppressWarnings("unchecked")
        List<String> reasons = (List<String>) s.get("reasons");
        ourReasons.put((String) s.get("snapshotId"), reasons);
      } else {
        ourRemoved.add((String) s.get("snapshotId"));
      }
    }
    assertThat(ourReasons).containsExactlyEntriesOf(resticReasons);
    assertThat(ourRemoved).containsExactlyElementsOf(resticRemoved);
    assertThat(plan.getInt("kept")).isEqualTo(resticReasons.size());
    assertThat(plan.getInt("removed")).isEqualTo(resticRemoved.size());
  }

  /** What the reference agent posts after a backup: the summary and snapshots --json. */
  private static void report(UUID policy, UUID repository, JsonNode snapshots) throws Exception {
    JsonNode newest = snapshots.get(snapshots.size() - 1);
    Map<String, Object> summary =
        Map.of(
            "message_type", "summary",
            "files_new", 1,
            "files_changed", 0,
            "data_added", 10,
            "total_bytes_processed", 10,
            "total_duration", 0.5,
            "snapshot_id", newest.get("short_id").asText());
    Map<String, Object> body = new HashMap<>();
    body.put("policyId", policy.toString());
    body.put("repositoryId", repository.toString());
    body.put("summary", summary);
    body.put("snapshots", JSON.convertValue(snapshots, List.class));
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/runs/restic")
        .then()
        .statusCode(201);
  }

  private static JsonPath plan(UUID policy, UUID repository, String token) {
    return given()
        .auth()
        .oauth2(token)
        .queryParam("repositoryId", repository.toString())
        .get("/api/v1/policies/" + policy + "/retention-plan")
        .then()
        .statusCode(200)
        .body("policyId", equalTo(policy.toString()))
        .extract()
        .jsonPath();
  }

  /** The committed repository copied under target/, so restic's locks never touch the sources. */
  static RealRestic copyOfFixture(String name) throws IOException {
    Path dir = Path.of("target", name).toAbsolutePath();
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths
            .sorted((a, b) -> b.compareTo(a))
            .forEach(
                p -> {
                  try {
                    Files.delete(p);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      }
    }
    Path from = FIXTURE.resolve("repo");
    Path to = dir.resolve("repo");
    try (var paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    Files.createDirectories(to.resolve("locks"));
    return new RealRestic(to, "Europe/Paris");
  }
}
