package io.vigie.backup.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vigie.backup.Estate;
import io.vigie.events.backup.BackupEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The real borgmatic from Debian (1.7, {@code apt-get install borgbackup borgmatic}; .ci/run
 * installs them) backs up a directory into a real borg repository, its unmodified {@code
 * healthchecks:} hook pointed at the service: a success, then a failure (a wrong passphrase; as
 * root, an unreadable repository does not fail a run) arrive as runs with their logs, and the
 * failure publishes BackupFailed.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class BorgmaticTest {

  @Test
  void borgmaticReportsASuccessThenAFailure() throws Exception {
    Estate estate = Estate.saintRoch();
    UUID borgRepo = Estate.repository(estate.tenant, "borg DC5", estate.dc5Id);
    UUID policy =
        estate.createPolicy(
            Map.of(
                "name",
                "hypervisor files",
                "tenant",
                estate.tenant,
                "target",
                Map.of("kind", "SERVER", "id", estate.web1.toString()),
                "kind",
                "FILES",
                "timeZone",
                "Europe/Berlin",
                "copies",
                List.of(
                    Map.of("repositoryId", borgRepo.toString()),
                    Map.of("repositoryId", estate.repoDc3.toString()))));
    String pingPath =
        given()
            .auth()
            .oauth2(TestTokens.engineer())
            .get("/api/v1/policies/" + policy)
            .then()
            .extract()
            .path("copies[0].pingPath");

    Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "borgmatic");
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("container-101.conf"), "arch: amd64\nhostname: client-101\n");
    Path repo = dir.resolve("repo");
    run(dir, List.of("borg", "init", "--encryption=repokey", repo.toString()), "right passphrase");
    String pingUrl = "http://127.0.0.1:" + RestAssured.port + pingPath;

    Path good = config(dir, "good.yaml", data, repo, "right passphrase", pingUrl);
    assertThat(run(dir, List.of("borgmatic", "-c", good.toString(), "create"), null).exit())
        .isZero();
    Path bad = config(dir, "bad.yaml", data, repo, "wrong passphrase", pingUrl);
    Result failed = run(dir, List.of("borgmatic", "-c", bad.toString(), "create"), null);
    assertThat(failed.exit()).isNotZero();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(TestTokens.client(estate.tenant))
                    .get("/api/v1/policies/" + policy + "/runs")
                    .then()
                    .statusCode(200)
                    .body("items.state", equalTo(List.of("FAILED", "SUCCEEDED")))
                    .body("items.source", equalTo(List.of("PING", "PING")))
                    .body("items[0].reason", equalTo("failure reported by the tool"))
                    .body("items[0].log", containsString("returned non-zero exit status 2"))
                    .body("items[1].startedAt", org.hamcrest.Matchers.notNullValue()));
    List<ConsumerRecord<String, String>> events =
        KafkaEvents.await(
            BackupEvents.TOPIC,
            // the watcher may report on this policy too when its test moves time on
            KafkaEvents.withKey(policy.toString())
                .and(
                    KafkaEvents.ofType(BackupEvents.BACKUP_SUCCEEDED)
                        .or(KafkaEvents.ofType(BackupEvents.BACKUP_FAILED))),
            2,
            Duration.ofSeconds(30));
    assertThat(events)
        .extracting(e -> KafkaEvents.header(e, "ce_type"))
        .containsExactly(BackupEvents.BACKUP_SUCCEEDED, BackupEvents.BACKUP_FAILED);
    assertThat(events.get(1).value())
        .contains("non-zero exit status 2")
        .contains("\"kind\":\"SERVER\"");
  }

  private static Path config(
      Path dir, String name, Path data, Path repo, String passphrase, String pingUrl)
      throws IOException {
    String yaml =
        """
        location:
            source_directories:
                - %s
            repositories:
                - %s
        storage:
            encryption_passphrase: "%s"
        retention:
            keep_daily: 7
        hooks:
            healthchecks:
                ping_url: %s
                send_logs: true
                states: [start, finish, fail]
        """
            .formatted(data, repo, passphrase, pingUrl);
    return Files.writeString(dir.resolve(name), yaml);
  }

  record Result(int exit, String output) {}

  private static Result run(Path dir, List<String> command, String passphrase) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("BORG_BASE_DIR", dir.resolve("borg-home").toString());
    builder.environment().put("HOME", dir.toString());
    if (passphrase != null) {
      builder.environment().put("BORG_PASSPHRASE", passphrase);
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not finish: " + output);
    }
    if (passphrase != null && process.exitValue() != 0) {
      throw new IllegalStateException(command + " failed: " + output);
    }
    return new Result(process.exitValue(), output);
  }
}
