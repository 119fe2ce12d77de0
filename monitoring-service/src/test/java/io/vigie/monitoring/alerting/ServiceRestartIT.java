package io.vigie.monitoring.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.vigie.events.monitoring.MonitoringEvents;
import io.vigie.monitoring.CheckResults;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.Ports;
import io.vigie.monitoring.metrics.RealPrometheus;
import io.vigie.testkit.VigieTestResources;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real crash: the packaged service (its own JVM, on the test kit's PostgreSQL and Kafka) is
 * killed with SIGKILL while an alert is firing, then started again. The alert is not fired a second
 * time, and its resolution is published exactly once.
 */
class ServiceRestartIT {

  private static final VigieTestResources RESOURCES = new VigieTestResources();
  private static Map<String, String> config;

  @BeforeAll
  static void startInfrastructure() {
    config = RESOURCES.start();
  }

  @AfterAll
  static void stopInfrastructure() {
    RESOURCES.stop();
  }

  private static Process startService(int port, Path log) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx384m");
    config.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dquarkus.http.host=127.0.0.1");
    command.add("-jar");
    command.add(Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString());
    Process service =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!service.isAlive()) {
        throw new IllegalStateException("the service exited:\n" + Files.readString(log));
      }
      try {
        int status =
            http.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status == 200) {
          return service;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    RealPrometheus.kill(service);
    throw new IllegalStateException("the service was not ready in 90 s:\n" + Files.readString(log));
  }

  @Test
  void aKilledServiceResumesItsAlertsWithoutRepeatingOrLosingEvents() throws Exception {
    int port = Ports.free();
    RestAssured.port = port;
    Path log = Files.createTempFile(Files.createDirectories(Path.of("target")), "restart-", ".log");
    Process first = startService(port, log);
    UUID server;
    try {
      server = InventoryFeed.serverHosting("rs-" + UUID.randomUUID().toString().substring(0, 8));
      Instant t0 = Instant.parse("2026-11-21T03:00:00Z");
      CheckResults.report(
          server, "check_ssh", "CRITICAL", t0, t0.plusSeconds(60), t0.plusSeconds(120));
      assertThat(CheckResults.alertsFired(server, 1)).hasSize(1);
    } finally {
      first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no graceful close
    }

    Process second = startService(port, log);
    try {
      Instant t1 = Instant.parse("2026-11-21T03:03:00Z");
      CheckResults.report(server, "check_ssh", "CRITICAL", t1, t1.plusSeconds(60));
      CheckResults.report(server, "check_ssh", "OK", t1.plusSeconds(120));
      assertThat(CheckResults.alertsResolved(server, 1)).hasSize(1);
      // and nothing more comes
      Duration quiet = Duration.ofSeconds(5);
      assertThat(CheckResults.alertEvents(MonitoringEvents.ALERT_FIRED, server, 2, quiet))
          .hasSize(1);
      assertThat(CheckResults.alertEvents(MonitoringEvents.ALERT_RESOLVED, server, 2, quiet))
          .hasSize(1);
    } finally {
      RealPrometheus.kill(second);
    }
  }
}
