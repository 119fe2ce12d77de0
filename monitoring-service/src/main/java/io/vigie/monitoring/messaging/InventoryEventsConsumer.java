package io.vigie.monitoring.messaging;

import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.ClientRegistered;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.ClientUpdated;
import io.vigie.events.inventory.ContractChanged;
import io.vigie.events.inventory.HardwareSpec;
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
import io.vigie.monitoring.availability.TargetClient;
import io.vigie.monitoring.targets.TargetGuest;
import io.vigie.monitoring.targets.TargetServer;
import io.vigie.monitoring.targets.TargetService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps monitoring's copy of the inventory: servers with their addresses and lifecycle status,
 * guests on their hosts, hosted services and whom they belong to, clients and their contract's
 * availability target. Each event is applied once; a snapshot older than the one already kept (a
 * redelivery after a newer event) changes nothing.
 */
@ApplicationScoped
public class InventoryEventsConsumer {

  public static final String CHANNEL = "inventory-events";
  static final String CONSUMER = "monitoring-service";

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
                  TargetGuest.deleteById(
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
                  TargetService.deleteById(
                          event.data(HostedServiceRemoved.class).hostedService().id())
                      .replaceWithVoid());
      case InventoryEvents.CLIENT_REGISTERED ->
          apply(event, () -> client(event.data(ClientRegistered.class).client()));
      case InventoryEvents.CLIENT_UPDATED ->
          apply(event, () -> client(event.data(ClientUpdated.class).client()));
      case InventoryEvents.CONTRACT_CHANGED ->
          apply(event, () -> client(event.data(ContractChanged.class).client()));
      default -> Uni.createFrom().voidItem(); // datacenters, racks: not needed yet
    };
  }

  private Uni<Void> apply(IncomingEvent event, Supplier<Uni<Void>> effect) {
    return idempotent.process(CONSUMER, event, effect);
  }

  private static Uni<Void> server(ServerSnapshot s) {
    return TargetServer.<TargetServer>findById(s.id())
        .chain(
            existing -> {
              if (existing != null && existing.inventoryVersion > s.version()) {
                return Uni.createFrom().voidItem();
              }
              TargetServer target = existing == null ? new TargetServer() : existing;
              target.id = s.id();
              target.hostname = s.hostname();
              target.datacenterCode = s.datacenterCode();
              target.address = s.reachableAddress();
              target.roles =
                  s.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
              target.status = s.status();
              target.networkLinks =
                  s.networkLinks() == null ? new ArrayList<>() : new ArrayList<>(s.networkLinks());
              HardwareSpec hardware = s.hardware();
              target.cpuThreads = hardware == null ? null : hardware.cpu().threads();
              target.ramGb = hardware == null ? null : hardware.memory().sizeGb();
              target.diskGb =
                  hardware == null || hardware.storage() == null
                      ? null
                      : hardware.storage().usableGb();
              target.inventoryVersion = s.version();
              return existing == null
                  ? target.persist().replaceWithVoid()
                  : Uni.createFrom().voidItem();
            });
  }

  private static Uni<Void> status(ServerStatusChanged change) {
    return TargetServer.<TargetServer>findById(change.serverId())
        .invoke(
            target -> {
              // unknown server: its registration comes first on the same partition, so this
              // only happens for a server registered before monitoring existed; wait for a snapshot
              if (target != null && target.inventoryVersion <= change.version()) {
                target.status = change.to();
                target.inventoryVersion = change.version();
              }
            })
        .replaceWithVoid();
  }

  private static Uni<Void> guest(VirtualMachineSnapshot v) {
    return TargetGuest.<TargetGuest>findById(v.id())
        .chain(
            existing -> {
              if (existing != null && existing.inventoryVersion > v.version()) {
                return Uni.createFrom().voidItem();
              }
              TargetGuest target = existing == null ? new TargetGuest() : existing;
              target.id = v.id();
              target.name = v.name();
              target.kind = v.kind();
              target.hostServerId = v.hostServerId();
              target.clientId = v.clientId();
              target.tenant = v.tenant();
              target.address = v.ipAddresses().isEmpty() ? null : v.ipAddresses().get(0);
              target.vcpus = v.vcpus();
              target.ramGb = v.ramGb();
              target.diskGb = v.diskGb();
              target.inventoryVersion = v.version();
              return existing == null
                  ? target.persist().replaceWithVoid()
                  : Uni.createFrom().voidItem();
            });
  }

  private static Uni<Void> service(HostedServiceSnapshot h) {
    return TargetService.<TargetService>findById(h.id())
        .chain(
            existing -> {
              if (existing != null && existing.inventoryVersion > h.version()) {
                return Uni.createFrom().voidItem();
              }
              TargetService target = existing == null ? new TargetService() : existing;
              target.id = h.id();
              target.name = h.name();
              target.kind = h.kind();
              target.url = h.url();
              target.port = h.port();
              target.clientId = h.clientId();
              target.tenant = h.tenant();
              target.serverIds = ids(h.serverIds());
              target.virtualMachineIds = ids(h.virtualMachineIds());
              target.inventoryVersion = h.version();
              return existing == null
                  ? target.persist().replaceWithVoid()
                  : Uni.createFrom().voidItem();
            });
  }

  private static Uni<Void> client(ClientSnapshot c) {
    return TargetClient.<TargetClient>findById(c.id())
        .chain(
            existing -> {
              if (existing != null && existing.inventoryVersion > c.version()) {
                return Uni.createFrom().voidItem();
              }
              TargetClient target = existing == null ? new TargetClient() : existing;
              target.id = c.id();
              target.code = c.code();
              target.name = c.name();
              target.availabilityTarget =
                  c.contract() == null ? null : c.contract().availabilityTarget();
              target.inventoryVersion = c.version();
              return existing == null
                  ? target.persist().replaceWithVoid()
                  : Uni.createFrom().voidItem();
            });
  }

  private static String ids(List<UUID> ids) {
    return ids == null ? "" : ids.stream().map(UUID::toString).collect(Collectors.joining(","));
  }
}
