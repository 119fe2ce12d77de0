package io.vigie.backup;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.vertx.VertxContextSupport;
import io.vigie.backup.inventory.InventoryClient;
import io.vigie.backup.inventory.InventoryDatacenter;
import io.vigie.backup.inventory.InventoryGuest;
import io.vigie.backup.inventory.InventoryHostedService;
import io.vigie.backup.inventory.InventoryServer;
import io.vigie.events.DomainEvent;
import io.vigie.events.EventJson;
import io.vigie.events.inventory.BackupTerms;
import io.vigie.events.inventory.ClientRegistered;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.ContractTerms;
import io.vigie.events.inventory.DatacenterRegistered;
import io.vigie.events.inventory.DatacenterSnapshot;
import io.vigie.events.inventory.DrpTerms;
import io.vigie.events.inventory.GuestKind;
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
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The inventory backup-service is fed from, in tests: publishes inventory events on the real broker
 * (as inventory-service's outbox does) and waits until the service has applied each one.
 */
public final class InventoryFeed {

  public static final ObjectMapper JSON = EventJson.newMapper();
  private static final Duration APPLIED = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(20);

  private InventoryFeed() {}

  /** A name unique to one test, so tests share one database without meeting. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static void publish(DomainEvent event) {
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

  public static void awaitApplied(Class<? extends PanacheEntityBase> type, UUID id) {
    Batch one = new Batch();
    one.expect(type, id);
    one.awaitApplied();
  }

  /**
   * Inventory events published one after the other without waiting, then waited for together: the
   * service applies them as they come (no event needs another applied first), so an estate costs
   * one wait instead of one per event.
   */
  public static final class Batch {

    private final Map<UUID, Class<? extends PanacheEntityBase>> pending = new LinkedHashMap<>();

    private UUID expect(Class<? extends PanacheEntityBase> type, UUID id) {
      pending.put(id, type);
      return id;
    }

    /** Waits until the service has applied every event of the batch (checked every 20 ms). */
    public void awaitApplied() {
      await()
          .pollDelay(Duration.ZERO)
          .pollInterval(POLL)
          .atMost(APPLIED)
          .until(
              () -> {
                pending.entrySet().removeIf(p -> find(p.getValue(), p.getKey()) != null);
                return pending.isEmpty();
              });
    }

    /** A datacenter; returns its id. */
    public UUID datacenter(String code) {
      UUID id = UUID.randomUUID();
      publish(
          new DatacenterRegistered(
              new DatacenterSnapshot(id, code, code, "Scaleway", "Paris", "FR", 3, Set.of(), 0)));
      return expect(InventoryDatacenter.class, id);
    }

    /** A client; see {@link InventoryFeed#client}. */
    public UUID client(String tenant, int copies, int sites, boolean drp) {
      UUID id = UUID.randomUUID();
      ContractTerms contract =
          new ContractTerms(
              new BigDecimal("99.95"),
              new SupportHours(SupportHours.Coverage.ALWAYS, "Europe/Paris", List.of(), List.of()),
              List.of(
                  new PriorityTarget(
                      PriorityTarget.Priority.P1, Duration.ofHours(1), Duration.ofHours(4))),
              new BackupTerms(1, 10, 7, copies, sites),
              drp ? new DrpTerms(Duration.ofHours(2), Duration.ofHours(4)) : null);
      publish(
          new ClientRegistered(
              new ClientSnapshot(
                  id, tenant, tenant + " SAS", "ops@" + tenant + ".example", contract, 0)));
      return expect(InventoryClient.class, id);
    }

    /** An active server in a datacenter; returns its id. */
    public UUID server(UUID datacenterId, String datacenterCode, String name) {
      UUID id = UUID.randomUUID();
      publish(
          new ServerRegistered(
              new ServerSnapshot(
                  id,
                  name + "-" + id.toString().substring(0, 8) + ".example.net",
                  datacenterId,
                  datacenterCode,
                  null,
                  null,
                  Set.of(ServerRole.WEB),
                  ServerStatus.ACTIVE,
                  null,
                  List.of(),
                  "10.2.0.21",
                  List.of("203.0.113.10"),
                  List.of(),
                  "Dell",
                  "R640",
                  null,
                  null,
                  null,
                  null,
                  0)));
      return expect(InventoryServer.class, id);
    }

    /** A client's VM on a host; returns its id. */
    public UUID guest(UUID host, UUID clientId, String tenant) {
      UUID id = UUID.randomUUID();
      publish(
          new VirtualMachineProvisioned(
              new VirtualMachineSnapshot(
                  id,
                  "vm-" + id.toString().substring(0, 8),
                  GuestKind.VM,
                  host,
                  clientId,
                  tenant,
                  2,
                  4,
                  40,
                  List.of("10.2.1.5"),
                  "Debian 12",
                  0)));
      return expect(InventoryGuest.class, id);
    }

    /** A client's MySQL database on servers; returns its id. */
    public UUID database(UUID clientId, String tenant, List<UUID> servers) {
      UUID id = UUID.randomUUID();
      publish(
          new HostedServiceCreated(
              new HostedServiceSnapshot(
                  id,
                  clientId,
                  tenant,
                  tenant + " MySQL",
                  HostedServiceKind.DATABASE,
                  null,
                  3306,
                  "MariaDB 10.11",
                  servers,
                  List.of(),
                  0)));
      return expect(InventoryHostedService.class, id);
    }
  }

  /** Reads an entity in a session of its own, from a test thread. */
  public static <T> T find(Class<T> type, Object id) {
    try {
      return VertxContextSupport.subscribeAndAwait(
          () -> Panache.withSession(() -> Panache.getSession().chain(s -> s.find(type, id))));
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** A datacenter; returns its id. */
  public static UUID datacenter(String code) {
    Batch one = new Batch();
    UUID id = one.datacenter(code);
    one.awaitApplied();
    return id;
  }

  /**
   * A client whose contract promises {@code copies} copies in {@code sites} distinct datacenters,
   * hourly dumps kept 10 days, files kept 7, and a DRP with an RPO of 2 h when {@code drp}.
   */
  public static UUID client(String tenant, int copies, int sites, boolean drp) {
    Batch one = new Batch();
    UUID id = one.client(tenant, copies, sites, drp);
    one.awaitApplied();
    return id;
  }

  /** An active server in a datacenter; returns its id. */
  public static UUID server(UUID datacenterId, String datacenterCode, String name) {
    Batch one = new Batch();
    UUID id = one.server(datacenterId, datacenterCode, name);
    one.awaitApplied();
    return id;
  }

  /** A client's VM on a host; returns its id. */
  public static UUID guest(UUID host, UUID clientId, String tenant) {
    Batch one = new Batch();
    UUID id = one.guest(host, clientId, tenant);
    one.awaitApplied();
    return id;
  }

  /** A client's MySQL database on servers; returns its id. */
  public static UUID database(UUID clientId, String tenant, List<UUID> servers) {
    Batch one = new Batch();
    UUID id = one.database(clientId, tenant, servers);
    one.awaitApplied();
    return id;
  }
}
