package io.vigie.benchmarks;

import io.vigie.events.EventJson;
import io.vigie.events.inventory.HardwareSpec;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerSnapshot;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.testkit.KafkaEvents;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Makes servers known to monitoring-service the way production does: a real {@code
 * server-registered} event on {@code inventory.events}, as inventory-service's outbox publishes it,
 * then waits until the service's targets API shows the server.
 */
final class InventoryFeed {

  private InventoryFeed() {}

  /** Registers an ACTIVE web server named {@code hostname}; returns its id once monitored. */
  static UUID registerServer(HttpClient http, URI service, String token, String hostname)
      throws Exception {
    UUID id = UUID.randomUUID();
    ServerSnapshot snapshot =
        new ServerSnapshot(
            id,
            hostname,
            UUID.randomUUID(),
            "PAR-DC2",
            null,
            null,
            Set.of(ServerRole.WEB),
            ServerStatus.ACTIVE,
            new HardwareSpec(
                new HardwareSpec.Cpu("Intel Xeon E-2388G", 1, 8, 16, new BigDecimal("3.2")),
                new HardwareSpec.Memory(64, "DDR4", true),
                null),
            List.of(),
            "127.0.0.1",
            List.of(),
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            1);
    ServerRegistered event = new ServerRegistered(snapshot);
    KafkaEvents.publish(
        InventoryEvents.TOPIC,
        id.toString(),
        UUID.randomUUID().toString(),
        event.eventType(),
        EventJson.newMapper().writeValueAsString(event));
    URI target = service.resolve("/api/v1/targets/" + id);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(target).header("Authorization", "Bearer " + token).build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        return id;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("monitoring did not learn about server " + id + " in 60 s");
  }
}
