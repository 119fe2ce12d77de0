package io.vigie.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.kit.outbox.OutboxRelay;
import io.vigie.testkit.KafkaEvents;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Several relays draining one outbox at once (as several replicas do) publish each event once. */
@QuarkusTest
class OutboxRelayTest {

  @Inject Pool database;
  @Inject OutboxRelay relay;

  @Test
  void concurrentRelaysPublishEveryEventExactlyOnce() {
    String prefix = "relay-" + UUID.randomUUID();
    database
        .query(
            "insert into outbox_event (id, topic, event_type, source, aggregate_id, payload, occurred_at)"
                + " select gen_random_uuid(), '"
                + InventoryEvents.TOPIC
                + "', 'io.vigie.test.thing-happened.v1',"
                + " '/vigie/test', '"
                + prefix
                + "-' || n, '{\"n\":' || n || '}', now()"
                + " from generate_series(1, 1200) n")
        .execute()
        .await()
        .atMost(Duration.ofSeconds(10));

    // the service's own relay is woken by the insert; eight more drain alongside it
    for (int round = 0; round < 5; round++) {
      List<Uni<Integer>> relays = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        relays.add(relay.publishBatch());
      }
      Uni.join().all(relays).andFailFast().await().atMost(Duration.ofSeconds(60));
    }

    List<ConsumerRecord<String, String>> published =
        KafkaEvents.await(
            InventoryEvents.TOPIC, r -> r.key().startsWith(prefix), 1200, Duration.ofSeconds(60));
    assertThat(published).hasSize(1200);
    assertThat(published.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
        .hasSize(1200);
    assertThat(
            published.stream().map(r -> KafkaEvents.header(r, "ce_id")).collect(Collectors.toSet()))
        .hasSize(1200);
  }

  @Test
  void healthReportsEventPublication() {
    RestAssured.given()
        .get("/q/health/well")
        .then()
        .statusCode(200)
        .body("checks.name", hasItem("Kafka event publication (outbox)"))
        .body(
            "checks.find { it.name == 'Kafka event publication (outbox)' }.status", equalTo("UP"));
  }
}
