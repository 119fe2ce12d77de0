package io.vigie.monitoring.maintenance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.restassured.http.ContentType;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vigie.events.EventJson;
import io.vigie.events.inventory.BackupTerms;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.ContractTerms;
import io.vigie.events.inventory.GuestKind;
import io.vigie.events.inventory.HardwareSpec;
import io.vigie.events.inventory.HostedServiceCreated;
import io.vigie.events.inventory.HostedServiceKind;
import io.vigie.events.inventory.HostedServiceSnapshot;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.events.inventory.PriorityTarget;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerSnapshot;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.events.inventory.SupportHours;
import io.vigie.events.inventory.VirtualMachineProvisioned;
import io.vigie.events.inventory.VirtualMachineSnapshot;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Test data for maintenance and availability: inventory events published on the real broker (as
 * inventory-service's outbox does), check results through the real API, and a way to call reactive
 * beans from a test thread.
 */
public final class Fixtures {

  static final ObjectMapper JSON = EventJson.newMapper();

  private Fixtures() {}

  /** Publishes an inventory event keyed by its aggregate, with a new event id. */
  public static void publish(io.vigie.events.DomainEvent event) {
    try {
      KafkaEvents.publish(
          InventoryEvents.TOPIC,
          event.aggregateId(),
          UUID.randomUUID().toString(),
          event.eventType(),
          JSON.writeValueAsString(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Registers an active server and waits until monitoring knows it. */
  public static UUID server(String name) {
    UUID id = UUID.randomUUID();
    publish(
        new ServerRegistered(
            new ServerSnapshot(
                id,
                name + "-" + id.toString().substring(0, 8) + ".example.net",
                UUID.randomUUID(),
                "PAR-DC2",
                null,
                null,
                Set.of(ServerRole.HYPERVISOR),
                ServerStatus.ACTIVE,
                new HardwareSpec(
                    new HardwareSpec.Cpu("Intel Xeon E-2386G", 1, 6, 12, new BigDecimal("3.5")),
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
                1)));
    awaitStaff("/api/v1/targets/" + id);
    return id;
  }

  /** Provisions a client's VM on {@code host}; returns its id once monitoring knows it. */
  public static UUID guest(UUID host, String tenant) {
    UUID id = UUID.randomUUID();
    publish(
        new VirtualMachineProvisioned(
            new VirtualMachineSnapshot(
                id,
                "vm-" + tenant,
                GuestKind.VM,
                host,
                UUID.randomUUID(),
                tenant,
                2,
                4,
                40,
                List.of("10.0.0.9"),
                "Debian 12",
                1)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                    .auth()
                    .oauth2(TestTokens.engineer())
                    .get("/api/v1/targets/" + host)
                    .then()
                    .extract()
                    .path("guests.id")
                    .toString()
                    .contains(id.toString()));
    return id;
  }

  /**
   * Declares a client's hosted service on servers and VMs; waits until the topology of {@code
   * awaitOn} (a server it runs on, or the host of its VM) shows it.
   */
  public static UUID hostedService(
      String tenant, UUID clientId, String name, List<UUID> servers, List<UUID> vms, UUID awaitOn) {
    UUID id = UUID.randomUUID();
    publish(
        new HostedServiceCreated(
            new HostedServiceSnapshot(
                id,
                clientId,
                tenant,
                name,
                HostedServiceKind.WEBSITE,
                "https://" + name + ".example.com",
                null,
                "nginx",
                servers,
                vms,
                1)));
    UUID host = awaitOn;
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                    .auth()
                    .oauth2(TestTokens.engineer())
                    .get("/api/v1/targets/" + host)
                    .then()
                    .extract()
                    .path("services.id")
                    .toString()
                    .contains(id.toString()));
    return id;
  }

  /** A client with a 24/7 contract promising {@code target} percent a month. */
  public static ClientSnapshot client(UUID id, String code, String target, long version) {
    return new ClientSnapshot(
        id,
        code,
        "Client " + code,
        "ops@" + code + ".example.com",
        new ContractTerms(
            new BigDecimal(target),
            new SupportHours(SupportHours.Coverage.ALWAYS, "Europe/Paris", List.of(), List.of()),
            List.of(
                new PriorityTarget(
                    PriorityTarget.Priority.P1, Duration.ofHours(1), Duration.ofHours(4))),
            new BackupTerms(1, 10, 7, 2, 2),
            null),
        version);
  }

  /** One check result as an agent reports it. */
  public static Map<String, Object> result(
      UUID server, UUID hostedService, String check, String status, String at) {
    Map<String, Object> r = new HashMap<>();
    r.put("serverId", server.toString());
    if (hostedService != null) {
      r.put("hostedServiceId", hostedService.toString());
    }
    r.put("check", check);
    r.put("status", status);
    r.put("executedAt", at);
    r.put("output", check + " " + status);
    r.put("perfdata", "");
    return r;
  }

  /** Reports results through the API as an agent. */
  public static void report(List<Map<String, Object>> results) {
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .contentType(ContentType.JSON)
        .body(Map.of("results", new ArrayList<>(results)))
        .post("/api/v1/check-results")
        .then()
        .statusCode(202);
  }

  /** Runs a reactive call on a Vert.x duplicated context, as a request would, and waits. */
  public static <T> T onVertx(Vertx vertx, Supplier<Uni<T>> call) {
    CompletableFuture<T> done = new CompletableFuture<>();
    Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
    VertxContextSafetyToggle.setContextSafe(context, true);
    context.runOnContext(
        ignored -> call.get().subscribe().with(done::complete, done::completeExceptionally));
    try {
      return done.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitStaff(String path) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given().auth().oauth2(TestTokens.engineer()).get(path).then().extract().statusCode()
                    == 200);
  }
}
