package io.vigie.inventory;

import static io.vigie.testkit.KafkaEvents.header;
import static io.vigie.testkit.KafkaEvents.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.KafkaResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every change reaches inventory.events exactly once, through the outbox, broker up or down. */
@QuarkusTest
class InventoryEventsTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject Pool database;

  @Test
  void eachChangePublishesExactlyOneCloudEvent() {
    String dc = Fixtures.createDatacenter();
    String server = Fixtures.createServer(dc, "WEB");
    Fixtures.transition(server, "ACTIVE").statusCode(200);
    Fixtures.transition(server, "DECOMMISSIONED").statusCode(200);
    Fixtures.transition(server, "ACTIVE").statusCode(409); // refused: publishes nothing

    List<ConsumerRecord<String, String>> serverEvents =
        KafkaEvents.await(InventoryEvents.TOPIC, withKey(server), 3, WAIT);
    assertThat(serverEvents)
        .extracting(r -> header(r, "ce_type"))
        .containsExactly(
            InventoryEvents.SERVER_REGISTERED,
            InventoryEvents.SERVER_STATUS_CHANGED,
            InventoryEvents.SERVER_STATUS_CHANGED);
    ConsumerRecord<String, String> registered = serverEvents.get(0);
    assertThat(header(registered, "ce_specversion")).isEqualTo("1.0");
    assertThat(header(registered, "ce_source")).isEqualTo("/vigie/inventory-service");
    assertThat(header(registered, "ce_subject")).isEqualTo(server);
    assertThat(header(registered, "ce_time")).isNotBlank();
    assertThat(header(registered, "content-type")).isEqualTo("application/json");
    assertThat(registered.value()).contains("\"hostname\"").contains("\"status\":\"PLANNED\"");
    assertThat(serverEvents.get(2).value()).contains("\"to\":\"DECOMMISSIONED\"");
    assertThat(serverEvents.stream().map(r -> header(r, "ce_id")).collect(Collectors.toSet()))
        .hasSize(3);

    assertThat(KafkaEvents.await(InventoryEvents.TOPIC, withKey(dc), 1, Duration.ofSeconds(5)))
        .extracting(r -> header(r, "ce_type"))
        .containsExactly(InventoryEvents.DATACENTER_REGISTERED);
  }

  @Test
  void eventsWrittenWhileTheBrokerIsDownAreAllDeliveredOnceItReturns() {
    String dc = Fixtures.createDatacenter();
    List<String> servers = new ArrayList<>();
    KafkaResource.stopBroker();
    try {
      for (int i = 0; i < 20; i++) {
        servers.add(Fixtures.createServer(dc, "APPLICATION")); // acknowledged with 201
      }
      assertThat(pendingFor(servers)).isEqualTo(20);
    } finally {
      KafkaResource.restartBroker();
    }

    Set<String> keys = Set.copyOf(servers);
    List<ConsumerRecord<String, String>> delivered =
        KafkaEvents.await(
            InventoryEvents.TOPIC, r -> keys.contains(r.key()), 20, Duration.ofSeconds(90));
    assertThat(delivered).hasSize(20);
    assertThat(delivered.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
        .isEqualTo(keys);
    assertThat(delivered.stream().map(r -> header(r, "ce_id")).distinct()).hasSize(20);
    assertThat(pendingFor(servers)).isZero();
  }

  private long pendingFor(List<String> aggregateIds) {
    return database
        .preparedQuery(
            "select count(*) from outbox_event where published_at is null and aggregate_id = any($1)")
        .execute(Tuple.of(aggregateIds.toArray(new String[0])))
        .await()
        .atMost(Duration.ofSeconds(10))
        .iterator()
        .next()
        .getLong(0);
  }
}
