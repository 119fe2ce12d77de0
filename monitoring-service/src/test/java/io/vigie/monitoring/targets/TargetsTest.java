package io.vigie.monitoring.targets;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vigie.events.DomainEvent;
import io.vigie.events.inventory.GuestKind;
import io.vigie.events.inventory.HostedServiceCreated;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.inventory.ServerSnapshot;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.events.inventory.ServerStatusChanged;
import io.vigie.events.inventory.VirtualMachineProvisioned;
import io.vigie.events.inventory.VirtualMachineSnapshot;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** monitoring-service builds its targets from real inventory events on a real Kafka broker. */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class TargetsTest {

  @Test
  void followsTheInventoryLifecycleAndTopology() throws Exception {
    UUID server = UUID.randomUUID();
    String tenantA = "a-" + server.toString().substring(0, 8);
    String tenantB = "b-" + server.toString().substring(0, 8);
    publish(new ServerRegistered(server(server, ServerStatus.PLANNED, 0)));
    awaitTarget(server, "PLANNED");
    staff()
        .get("/api/v1/targets/" + server)
        .then()
        .statusCode(200)
        .body("server.monitored", equalTo(false))
        .body("server.address", equalTo("10.2.0.21"));

    ServerStatusChanged activated =
        statusChange(server, ServerStatus.PLANNED, ServerStatus.ACTIVE, 1);
    String activatedId = publish(activated);
    awaitTarget(server, "ACTIVE");

    UUID guestA = UUID.randomUUID();
    UUID guestB = UUID.randomUUID();
    publish(new VirtualMachineProvisioned(guest(guestA, server, tenantA)));
    publish(new VirtualMachineProvisioned(guest(guestB, server, tenantB)));
    UUID shop = UUID.randomUUID();
    publish(
        new HostedServiceCreated(
            InventoryFeed.hostedServiceSnapshot(
                shop,
                UUID.randomUUID(),
                tenantA,
                "Boutique",
                "https://shop.example.com",
                List.of(),
                List.of(guestA),
                0)));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                staff()
                    .get("/api/v1/targets/" + server)
                    .then()
                    .statusCode(200)
                    .body("tenants", equalTo(List.of(tenantA, tenantB)))
                    .body("services.name", equalTo(List.of("Boutique")))
                    .body("server.monitored", equalTo(true))
                    .body("server.silenced", equalTo(false)));

    // a client sees its own part only; a stranger's server answers 404
    given()
        .auth()
        .oauth2(TestTokens.client(tenantA))
        .get("/api/v1/targets/" + server)
        .then()
        .statusCode(200)
        .body("guests.id", equalTo(List.of(guestA.toString())))
        .body("tenants", equalTo(List.of(tenantA)));
    given()
        .auth()
        .oauth2(TestTokens.client("someone-else"))
        .get("/api/v1/targets/" + server)
        .then()
        .statusCode(404);
    given().auth().oauth2(TestTokens.client(tenantA)).get("/api/v1/targets").then().statusCode(403);
    given().get("/api/v1/targets/" + server).then().statusCode(401);
    // agents only write
    given().auth().oauth2(TestTokens.agent()).get("/api/v1/targets").then().statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .get("/api/v1/targets/" + server)
        .then()
        .statusCode(403);

    // maintenance silences; the activation delivered again (same id, or late under a new id)
    // changes nothing
    publish(statusChange(server, ServerStatus.ACTIVE, ServerStatus.MAINTENANCE, 2));
    awaitTarget(server, "MAINTENANCE");
    InventoryFeed.publish(server.toString(), activatedId, activated);
    publish(activated);
    publish(new ServerRegistered(server(server, ServerStatus.ACTIVE, 1)));
    UUID marker =
        UUID.randomUUID(); // same partition, published last: once it is in, the rest was handled
    ServerRegistered markerEvent = new ServerRegistered(server(marker, ServerStatus.ACTIVE, 0));
    InventoryFeed.publish(server.toString(), markerEvent);
    awaitTarget(marker, "ACTIVE");
    staff()
        .get("/api/v1/targets/" + server)
        .then()
        .body("server.status", equalTo("MAINTENANCE"))
        .body("server.silenced", equalTo(true));

    // decommissioned: no longer monitored
    publish(statusChange(server, ServerStatus.MAINTENANCE, ServerStatus.DECOMMISSIONED, 3));
    awaitTarget(server, "DECOMMISSIONED");
    staff()
        .queryParam("monitored", true)
        .queryParam("size", 500)
        .get("/api/v1/targets")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(server.toString())));
    staff()
        .queryParam("monitored", false)
        .queryParam("size", 500)
        .get("/api/v1/targets")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(server.toString()));
  }

  private static RequestSpecification staff() {
    return given().auth().oauth2(TestTokens.engineer());
  }

  private static void awaitTarget(UUID server, String status) {
    InventoryFeed.awaitTarget(server, status);
  }

  /** Publishes with the key inventory uses (the server, so one host's events keep their order). */
  private static String publish(DomainEvent event) {
    String key =
        event instanceof VirtualMachineProvisioned v
            ? v.virtualMachine().hostServerId().toString()
            : event instanceof HostedServiceCreated ? "services" : event.aggregateId();
    return InventoryFeed.publish(key, event);
  }

  private static ServerSnapshot server(UUID id, ServerStatus status, long version) {
    return InventoryFeed.serverSnapshot(id, InventoryFeed.hostname("web", id), status, version);
  }

  private static ServerStatusChanged statusChange(
      UUID server, ServerStatus from, ServerStatus to, long version) {
    return new ServerStatusChanged(
        server, "web.example.net", from, to, "test", "engineer", Instant.now(), version);
  }

  private static VirtualMachineSnapshot guest(UUID id, UUID host, String tenant) {
    return InventoryFeed.guestSnapshot(id, host, tenant, GuestKind.LXC, 0);
  }
}
