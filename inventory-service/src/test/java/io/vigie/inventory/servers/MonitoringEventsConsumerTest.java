package io.vigie.inventory.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.events.monitoring.MonitoringEvents;
import io.vigie.inventory.Fixtures;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.PostgresResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Usage rollups from monitoring: applied once per event id; poison goes to the dead letters. */
@QuarkusTest
class MonitoringEventsConsumerTest {

  private static final String DLQ = "inventory-service.monitoring-events.dlq";

  @Inject Pool database;

  @Test
  void aReplayedEventHasNoSecondEffect() {
    String server = Fixtures.createServer(Fixtures.createDatacenter(), "HYPERVISOR");
    String eventId = UUID.randomUUID().toString();
    publish(server, eventId, "2026-11-21T10:00:00Z", 30.0);
    await().atMost(Duration.ofSeconds(30)).until(() -> cpu(server, "2026-11-21T10:00:00Z") != null);

    // the same event id again, as a redelivery would bring it, with figures that would show
    publish(server, eventId, "2026-11-21T10:00:00Z", 99.0);
    // a later event on the same partition: once it is applied, the replay has been handled
    publish(server, UUID.randomUUID().toString(), "2026-11-21T11:00:00Z", 40.0);
    await().atMost(Duration.ofSeconds(30)).until(() -> cpu(server, "2026-11-21T11:00:00Z") != null);

    assertThat(cpu(server, "2026-11-21T10:00:00Z")).isEqualTo(30.0);
    assertThat(processedCount(eventId)).isEqualTo(1);
  }

  @Test
  void aPoisonMessageGoesToTheDeadLetterTopic() {
    String key = UUID.randomUUID().toString();
    KafkaEvents.publish(
        MonitoringEvents.TOPIC, key, null, MonitoringEvents.HOST_USAGE_ROLLED_UP, "{}");
    assertThat(KafkaEvents.await(DLQ, KafkaEvents.withKey(key), 1, Duration.ofSeconds(30)))
        .hasSize(1);
  }

  @Test
  void anEventWaitsOutADatabaseOutageInsteadOfGoingToTheDeadLetters() throws Exception {
    String server = Fixtures.createServer(Fixtures.createDatacenter(), "HYPERVISOR");
    PostgresResource.stopServer();
    try {
      publish(server, UUID.randomUUID().toString(), "2026-11-21T12:00:00Z", 55.0);
      // the outage lasts ten times the test profile's whole budget for other failures (two
      // attempts, 0.1-0.2 s apart): an event given up on would be on the dead-letter topic by now;
      // meanwhile the consumer shows the event it holds on /q/metrics (what VigieConsumerStuck
      // reads)
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> oldestInFlightSeconds(MonitoringEvents.TOPIC) >= 2.0);
    } finally {
      PostgresResource.restart();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> cpu(server, "2026-11-21T12:00:00Z") != null);
    assertThat(cpu(server, "2026-11-21T12:00:00Z")).isEqualTo(55.0);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> oldestInFlightSeconds(MonitoringEvents.TOPIC) == 0.0);

    // a poison record after it, on the same partition: the first dead letter of this host is it
    KafkaEvents.publish(
        MonitoringEvents.TOPIC, server, null, MonitoringEvents.HOST_USAGE_ROLLED_UP, "{}");
    assertThat(KafkaEvents.await(DLQ, KafkaEvents.withKey(server), 1, Duration.ofSeconds(30)))
        .first()
        .satisfies(dead -> assertThat(dead.value()).isEqualTo("{}"));
  }

  /** The kit's gauge for a topic, as Prometheus scrapes it; -1 while it is not exposed yet. */
  private static double oldestInFlightSeconds(String topic) {
    String prefix = "vigie_messaging_oldest_in_flight_seconds{topic=\"" + topic + "\"} ";
    return RestAssured.get("/q/metrics")
        .asString()
        .lines()
        .filter(line -> line.startsWith(prefix))
        .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()).trim()))
        .findFirst()
        .orElse(-1);
  }

  private static void publish(String server, String eventId, String hour, double cpu) {
    String json =
        "{\"serverId\":\"%s\",\"hourStart\":\"%s\",\"cpuUsedPercent\":%s,\"ramUsedGb\":12.5,\"diskUsedGb\":300}"
            .formatted(server, hour, cpu);
    KafkaEvents.publish(
        MonitoringEvents.TOPIC, server, eventId, MonitoringEvents.HOST_USAGE_ROLLED_UP, json);
  }

  private Double cpu(String server, String hour) {
    var rows =
        database
            .preparedQuery(
                "select cpu_used_percent from host_usage where server_id = $1 and hour_start = $2")
            .execute(
                Tuple.of(
                    UUID.fromString(server),
                    OffsetDateTime.parse(hour).withOffsetSameInstant(ZoneOffset.UTC)))
            .await()
            .atMost(Duration.ofSeconds(10));
    return rows.size() == 0 ? null : rows.iterator().next().getDouble(0);
  }

  private long processedCount(String eventId) {
    Row row =
        database
            .preparedQuery("select count(*) from processed_event where event_id = $1")
            .execute(Tuple.of(eventId))
            .await()
            .atMost(Duration.ofSeconds(10))
            .iterator()
            .next();
    return row.getLong(0);
  }
}
