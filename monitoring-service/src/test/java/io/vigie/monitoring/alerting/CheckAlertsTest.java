package io.vigie.monitoring.alerting;

import static io.vigie.monitoring.CheckResults.alertsFired;
import static io.vigie.monitoring.CheckResults.alertsResolved;
import static io.vigie.monitoring.CheckResults.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vigie.monitoring.InventoryFeed;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Three failures in a row fire exactly one AlertFired on Kafka; the next OK resolves it. */
@QuarkusTest
class CheckAlertsTest {

  @Test
  void consecutiveFailuresFireOneAlertWithTheAffectedClientAndOkResolvesIt() {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    UUID server = InventoryFeed.serverHosting(tenant);

    Instant t0 = Instant.parse("2026-11-21T22:00:00Z");
    report(server, "check_http", "CRITICAL", t0, t0.plusSeconds(60));
    report(
        server,
        "check_http",
        "CRITICAL",
        t0.plusSeconds(120),
        t0.plusSeconds(180)); // 4th failure: still one alert

    List<ConsumerRecord<String, String>> fired = alertsFired(server, 1);
    assertThat(fired).hasSize(1);
    assertThat(fired.get(0).value())
        .contains("\"tenants\":[\"" + tenant + "\"]")
        .contains("\"startedAt\":\"2026-11-21T22:00:00Z\"")
        .contains("\"severity\":\"critical\"");

    report(server, "check_http", "OK", t0.plusSeconds(240));
    List<ConsumerRecord<String, String>> resolved = alertsResolved(server, 1);
    assertThat(resolved).hasSize(1);
    assertThat(resolved.get(0).key()).isEqualTo(fired.get(0).key());
  }
}
