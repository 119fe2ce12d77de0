package io.vigie.monitoring.probe;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vigie.events.DomainEvent;
import io.vigie.events.EventJson;
import io.vigie.events.inventory.GuestKind;
import io.vigie.events.inventory.HardwareSpec;
import io.vigie.events.inventory.HostedServiceCreated;
import io.vigie.events.inventory.HostedServiceKind;
import io.vigie.events.inventory.HostedServiceSnapshot;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerSnapshot;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.events.inventory.VirtualMachineProvisioned;
import io.vigie.events.inventory.VirtualMachineSnapshot;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the active check tests need: servers, VMs and hosted services made known through real
 * inventory events on Kafka, and checks created through the API.
 */
final class ProbeFixtures {

  static final ObjectMapper JSON = EventJson.newMapper();

  private ProbeFixtures() {}

  static void publish(String key, DomainEvent event) {
    try {
      KafkaEvents.publish(
          InventoryEvents.TOPIC,
          key,
          UUID.randomUUID().toString(),
          event.eventType(),
          JSON.writeValueAsString(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Registers an ACTIVE server and waits until monitoring knows it; returns its id. */
  static UUID server(String hostname) {
    UUID id = UUID.randomUUID();
    publish(
        id.toString(),
        new ServerRegistered(
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
                1)));
    awaitKnown("/api/v1/targets/" + id);
    return id;
  }

  /** A client's VM on {@code server}, so the client sees the server's checks. */
  static UUID virtualMachine(UUID server, String tenant) {
    UUID id = UUID.randomUUID();
    publish(
        server.toString(),
        new VirtualMachineProvisioned(
            new VirtualMachineSnapshot(
                id,
                "vm-" + tenant,
                GuestKind.VM,
                server,
                UUID.randomUUID(),
                tenant,
                2,
                4,
                40,
                List.of("10.0.0.9"),
                "Debian 12",
                0)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                    .auth()
                    .oauth2(TestTokens.engineer())
                    .get("/api/v1/targets/" + server)
                    .then()
                    .extract()
                    .path("guests.id")
                    .toString()
                    .contains(id.toString()));
    return id;
  }

  /** A client's hosted service running on {@code server}. */
  static UUID hostedService(UUID server, String tenant, String url) {
    UUID id = UUID.randomUUID();
    publish(
        id.toString(),
        new HostedServiceCreated(
            new HostedServiceSnapshot(
                id,
                UUID.randomUUID(),
                tenant,
                "site-" + tenant,
                HostedServiceKind.WEBSITE,
                url,
                null,
                "nginx",
                List.of(server),
                List.of(),
                1)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                    .auth()
                    .oauth2(TestTokens.engineer())
                    .get("/api/v1/targets/" + server)
                    .then()
                    .extract()
                    .path("services.id")
                    .toString()
                    .contains(id.toString()));
    return id;
  }

  private static void awaitKnown(String path) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given().auth().oauth2(TestTokens.engineer()).get(path).then().extract().statusCode()
                    == 200);
  }

  /** POSTs a check as an engineer. */
  static ValidatableResponse create(Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(TestTokens.engineer())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/active-checks")
        .then();
  }

  /** Creates a check that must be accepted; returns its id. */
  static UUID created(Map<String, Object> body) {
    return UUID.fromString(create(body).statusCode(201).extract().path("id"));
  }

  /** The latest state of {@code check} on {@code server}, as the check results API shows it. */
  static Map<String, Object> state(UUID server, String check) {
    List<Map<String, Object>> items =
        given()
            .auth()
            .oauth2(TestTokens.engineer())
            .queryParam("serverId", server)
            .queryParam("size", 500)
            .get("/api/v1/check-results/state")
            .then()
            .statusCode(200)
            .extract()
            .path("items");
    return items.stream().filter(i -> check.equals(i.get("check"))).findFirst().orElse(null);
  }

  /** A TCP port nothing listens on (just closed). */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
