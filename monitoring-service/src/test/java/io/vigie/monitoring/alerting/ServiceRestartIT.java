package io.vigie.monitoring.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.vigie.monitoring.CheckResults;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.PackagedReplicas;
import io.vigie.monitoring.PackagedReplicas.Replica;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A real crash: a packaged service (its own JVM, on the test kit's PostgreSQL and Kafka; one of the
 * {@link PackagedReplicas}) is killed with SIGKILL while an alert is firing, then started again.
 * The alert is not fired a second time, and its resolution is published exactly once.
 */
class ServiceRestartIT {

  @Test
  void aKilledServiceResumesItsAlertsWithoutRepeatingOrLosingEvents() throws Exception {
    Replica first = PackagedReplicas.live().get(0);
    RestAssured.port = first.port();
    UUID server = InventoryFeed.serverHosting("rs-" + UUID.randomUUID().toString().substring(0, 8));
    Instant t0 = Instant.parse("2026-11-21T03:00:00Z");
    CheckResults.report(
        server, "check_ssh", "CRITICAL", t0, t0.plusSeconds(60), t0.plusSeconds(120));
    assertThat(CheckResults.alertsFired(server, 1)).hasSize(1);

    first.process().destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no graceful close
    Replica second = PackagedReplicas.restart(first);
    RestAssured.port = second.port();

    Instant t1 = Instant.parse("2026-11-21T03:03:00Z");
    CheckResults.report(server, "check_ssh", "CRITICAL", t1, t1.plusSeconds(60));
    CheckResults.report(server, "check_ssh", "OK", t1.plusSeconds(120));
    // resolved once, and fired once across the crash: the results are applied in the request, so
    // every event they caused is published by the time the resolution is read
    assertThat(CheckResults.alertsResolved(server, 1)).hasSize(1);
    assertThat(CheckResults.alertsFired(server, 0)).hasSize(1);
  }
}
