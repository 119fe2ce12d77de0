package io.vigie.backup.inventory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.BackupTerms;
import io.vigie.events.inventory.ClientRegistered;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.ClientUpdated;
import io.vigie.events.inventory.ContractChanged;
import io.vigie.events.inventory.DatacenterRegistered;
import io.vigie.events.inventory.DatacenterSnapshot;
import io.vigie.events.inventory.DatacenterUpdated;
import io.vigie.events.inventory.HostedServiceCreated;
import io.vigie.events.inventory.HostedServiceRemoved;
import io.vigie.events.inventory.HostedServiceSnapshot;
import io.vigie.events.inventory.HostedServiceUpdated;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.inventory.ServerSnapshot;
import io.vigie.events.inventory.ServerStatusChanged;
import io.vigie.events.inventory.ServerUpdated;
import io.vigie.events.inventory.VirtualMachineProvisioned;
import io.vigie.events.inventory.VirtualMachineRemoved;
import io.vigie.events.inventory.VirtualMachineSnapshot;
import io.vigie.events.inventory.VirtualMachineUpdated;
import io.vigie.kit.messaging.IdempotentConsumer;
import io.vigie.kit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps backup-service's copy of the inventory: clients with their backup and DRP terms,
 * datacenters, servers with their datacenter, VMs and hosted services with their owners. Each event
 * is applied once; a snapshot older than the one kept (a late redelivery) changes nothing.
 */
@ApplicationScoped
public class InventoryEventsConsumer {

  public static final String CHANNEL = "inventory-events";
  static final String CONSUMER = "backup-service";

  private final IdempotentConsumer idempotent;

  public InventoryEventsConsumer(IdempotentConsumer idempotent) {
    this.idempotent = idempotent;
  }

  @Incoming(CHANNEL)
  public Uni<Void> consume(Message<String> message) {
    return idempotent.acknowledgeAfter(message, this::handle);
  }

  private Uni<Void> handle(IncomingEvent event) {
    return switch (event.type()) {
      case InventoryEvents.CLIENT_REGISTERED ->
          apply(event, () -> client(event.data(ClientRegistered.class).client()));
      case InventoryEvents.CLIENT_UPDATED ->
          apply(event, () -> client(event.data(ClientUpdated.class).client()));
      case InventoryEvents.CONTRACT_CHANGED ->
          apply(event, () -> client(event.data(ContractChanged.class).client()));
      case InventoryEvents.DATACENTER_REGISTERED ->
          apply(event, () -> datacenter(event.data(DatacenterRegistered.class).datacenter()));
      case InventoryEvents.DATACENTER_UPDATED ->
          apply(event, () -> datacenter(event.data(DatacenterUpdated.class).datacenter()));
      case InventoryEvents.SERVER_REGISTERED ->
          apply(event, () -> server(event.data(ServerRegistered.class).server()));
      case InventoryEvents.SERVER_UPDATED ->
          apply(event, () -> server(event.data(ServerUpdated.class).server()));
      case InventoryEvents.SERVER_STATUS_CHANGED ->
          apply(event, () -> status(event.data(ServerStatusChanged.class)));
      case InventoryEvents.VIRTUAL_MACHINE_PROVISIONED ->
          apply(event, () -> guest(event.data(VirtualMachineProvisioned.class).virtualMachine()));
      case InventoryEvents.VIRTUAL_MACHINE_UPDATED ->
          apply(event, () -> guest(event.data(VirtualMachineUpdated.class).virtualMachine()));
      case InventoryEvents.VIRTUAL_MACHINE_REMOVED ->
          apply(
              event,
              () ->
                  InventoryGuest.deleteById(
                          event.data(VirtualMachineRemoved.class).virtualMachine().id())
                      .replaceWithVoid());
      case InventoryEvents.HOSTED_SERVICE_CREATED ->
          apply(event, () -> service(event.data(HostedServiceCreated.class).hostedService()));
      case InventoryEvents.HOSTED_SERVICE_UPDATED ->
          apply(event, () -> service(event.data(HostedServiceUpdated.class).hostedService()));
      case InventoryEvents.HOSTED_SERVICE_REMOVED ->
          apply(
              event,
              () ->
                  InventoryHostedService.deleteById(
                          event.data(HostedServiceRemoved.class).hostedService().id())
                      .replaceWithVoid());
      default -> Uni.createFrom().voidItem(); // racks: not needed
    };
  }

  private Uni<Void> apply(IncomingEvent event, Supplier<Uni<Void>> effect) {
    return idempotent.process(CONSUMER, event, effect);
  }

  /** Loads, skips when the kept copy is newer, fills, persists when new. */
  private static <T extends PanacheEntityBase> Uni<Void> upsert(
      Uni<T> load, Supplier<T> create, Function<T, Long> keptVersion, long version, Fill<T> fill) {
    return load.chain(
        existing -> {
          if (existing != null && keptVersion.apply(existing) > version) {
            return Uni.createFrom().voidItem();
          }
          T entity = existing == null ? create.get() : existing;
          fill.fill(entity);
          return existing == null
              ? entity.persist().replaceWithVoid()
              : Uni.createFrom().voidItem();
        });
  }

  private interface Fill<T> {
    void fill(T entity);
  }

  private static Uni<Void> client(ClientSnapshot c) {
    return upsert(
        InventoryClient.<InventoryClient>findById(c.id()),
        InventoryClient::new,
        e -> e.inventoryVersion,
        c.version(),
        e -> {
          BackupTerms terms = c.contract().backup();
          e.id = c.id();
          e.code = c.code();
          e.name = c.name();
          e.databaseEveryHours = terms.databaseEveryHours();
          e.databaseRetentionDays = terms.databaseRetentionDays();
          e.filesRetentionDays = terms.filesRetentionDays();
          e.copies = terms.copies();
          e.distinctSites = terms.distinctSites();
          e.drpRpoSeconds =
              c.contract().drp() == null ? null : c.contract().drp().rpo().toSeconds();
          e.drpRtoSeconds =
              c.contract().drp() == null ? null : c.contract().drp().rto().toSeconds();
          e.timeZone = c.contract().supportHours().timeZone();
          e.inventoryVersion = c.version();
        });
  }

  private static Uni<Void> datacenter(DatacenterSnapshot d) {
    return upsert(
        InventoryDatacenter.<InventoryDatacenter>findById(d.id()),
        InventoryDatacenter::new,
        e -> e.inventoryVersion,
        d.version(),
        e -> {
          e.id = d.id();
          e.code = d.code();
          e.name = d.name();
          e.inventoryVersion = d.version();
        });
  }

  private static Uni<Void> server(ServerSnapshot s) {
    return upsert(
        InventoryServer.<InventoryServer>findById(s.id()),
        InventoryServer::new,
        e -> e.inventoryVersion,
        s.version(),
        e -> {
          e.id = s.id();
          e.hostname = s.hostname();
          e.datacenterId = s.datacenterId();
          e.datacenterCode = s.datacenterCode();
          e.status = s.status().name();
          e.publicIps = s.publicIps() == null ? "" : String.join(",", s.publicIps());
          e.inventoryVersion = s.version();
        });
  }

  private static Uni<Void> status(ServerStatusChanged change) {
    return InventoryServer.<InventoryServer>findById(change.serverId())
        .chain(
            server -> {
              if (server != null && server.inventoryVersion <= change.version()) {
                server.status = change.to().name();
                server.inventoryVersion = change.version();
              }
              return Uni.createFrom().voidItem();
            });
  }

  private static Uni<Void> guest(VirtualMachineSnapshot v) {
    return upsert(
        InventoryGuest.<InventoryGuest>findById(v.id()),
        InventoryGuest::new,
        e -> e.inventoryVersion,
        v.version(),
        e -> {
          e.id = v.id();
          e.name = v.name();
          e.kind = v.kind().name();
          e.hostServerId = v.hostServerId();
          e.clientId = v.clientId();
          e.tenant = v.tenant();
          e.inventoryVersion = v.version();
        });
  }

  private static Uni<Void> service(HostedServiceSnapshot h) {
    return upsert(
        InventoryHostedService.<InventoryHostedService>findById(h.id()),
        InventoryHostedService::new,
        e -> e.inventoryVersion,
        h.version(),
        e -> {
          e.id = h.id();
          e.clientId = h.clientId();
          e.tenant = h.tenant();
          e.name = h.name();
          e.kind = h.kind().name();
          e.serverIds = join(h.serverIds());
          e.virtualMachineIds = join(h.virtualMachineIds());
          e.inventoryVersion = h.version();
        });
  }

  private static String join(List<UUID> ids) {
    return ids == null ? "" : ids.stream().map(UUID::toString).collect(Collectors.joining(","));
  }
}
