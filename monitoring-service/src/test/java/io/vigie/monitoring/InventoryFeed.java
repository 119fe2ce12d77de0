package io.vigie.monitoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.events.DomainEvent;
import io.vigie.events.EventJson;
import io.vigie.events.inventory.HardwareSpec;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerSnapshot;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Publishes inventory events on the real broker, as inventory-service's outbox does. */
public final class InventoryFeed {

  public static final ObjectMapper JSON = EventJson.newMapper();

  private InventoryFeed() {}

  /** Publishes under {@code key} with a new event id; returns the id. */
  public static String publish(String key, DomainEvent event) {
    String id = UUID.randomUUID().toString();
    publish(key, id, event);
    return id;
  }

  public static void publish(String key, String eventId, DomainEvent event) {
    try {
      KafkaEvents.publish(
          InventoryEvents.TOPIC, key, eventId, event.eventType(), JSON.writeValueAsString(event));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ServerSnapshot server(UUID id, String hostname, ServerStatus status, long version) {
    return new ServerSnapshot(
        id,
        hostname,
        UUID.randomUUID(),
        "PAR-DC2",
        null,
        null,
        Set.of(ServerRole.HYPERVISOR),
        status,
        new HardwareSpec(
            new HardwareSpec.Cpu("Intel Xeon E3-1245 v5", 1, 4, 8, new BigDecimal("3.5")),
            new HardwareSpec.Memory(64, "DDR4", true),
            null),
        List.of(),
        "10.2.0.21",
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        version);
  }

  public static void awaitTarget(UUID server, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(TestTokens.engineer())
                    .get("/api/v1/targets/" + server)
                    .then()
                    .statusCode(200)
                    .body("server.status", equalTo(status)));
  }
}
