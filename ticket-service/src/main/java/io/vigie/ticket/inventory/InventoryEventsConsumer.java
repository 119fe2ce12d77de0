package io.vigie.ticket.inventory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.ClientRegistered;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.ClientUpdated;
import io.vigie.events.inventory.ContractChanged;
import io.vigie.events.inventory.HostedServiceCreated;
import io.vigie.events.inventory.HostedServiceRemoved;
import io.vigie.events.inventory.HostedServiceSnapshot;
import io.vigie.events.inventory.HostedServiceUpdated;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.inventory.ServerSnapshot;
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
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps ticket-service's copy of the inventory: clients with their contract (the clocks' terms),
 * servers, guests and hosted services (what tickets link to, and whose they are). Each event is
 * applied once; a snapshot older than the one kept (a redelivery after a newer event) changes
 * nothing.
 */
@ApplicationScoped
public class InventoryEventsConsumer {

  public static final String CHANNEL = "inventory-events";
  static final String CONSUMER = "ticket-service.inventory";

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
      case InventoryEvents.SERVER_REGISTERED ->
          apply(event, () -> server(event.data(ServerRegistered.class).server()));
      case InventoryEvents.SERVER_UPDATED ->
          apply(event, () -> server(event.data(ServerUpdated.class).server()));
      case InventoryEvents.VIRTUAL_MACHINE_PROVISIONED ->
          apply(event, () -> guest(event.data(VirtualMachineProvisioned.class).virtualMachine()));
      case InventoryEvents.VIRTUAL_MACHINE_UPDATED ->
          apply(event, () -> guest(event.data(VirtualMachineUpdated.class).virtualMachine()));
      case InventoryEvents.VIRTUAL_MACHINE_REMOVED ->
          apply(
              event,
              () ->
                  KnownGuest.deleteById(
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
                  KnownHostedService.deleteById(
                          event.data(HostedServiceRemoved.class).hostedService().id())
                      .replaceWithVoid());
      // datacenters, racks and server status changes: tickets do not need them
      default -> Uni.createFrom().voidItem();
    };
  }

  private Uni<Void> apply(IncomingEvent event, Supplier<Uni<Void>> effect) {
    return idempotent.process(CONSUMER, event, effect);
  }

  /** Applies {@code snapshot} unless the row kept is newer; persists a new row. */
  private static <E extends PanacheEntityBase> Uni<Void> upsert(
      Uni<E> found,
      long version,
      java.util.function.ToLongFunction<E> keptVersion,
      Supplier<E> create,
      java.util.function.Consumer<E> fill) {
    return found.chain(
        existing -> {
          if (existing != null && keptVersion.applyAsLong(existing) > version) {
            return Uni.createFrom().voidItem();
          }
          E row = existing == null ? create.get() : existing;
          fill.accept(row);
          return existing == null ? row.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
  }

  private static Uni<Void> client(ClientSnapshot c) {
    return upsert(
        KnownClient.<KnownClient>findById(c.id()),
        c.version(),
        k -> k.inventoryVersion,
        KnownClient::new,
        k -> {
          k.id = c.id();
          k.code = c.code();
          k.name = c.name();
          k.contract = c.contract();
          k.inventoryVersion = c.version();
        });
  }

  private static Uni<Void> server(ServerSnapshot s) {
    return upsert(
        KnownServer.<KnownServer>findById(s.id()),
        s.version(),
        k -> k.inventoryVersion,
        KnownServer::new,
        k -> {
          k.id = s.id();
          k.hostname = s.hostname();
          k.datacenterCode = s.datacenterCode();
          k.inventoryVersion = s.version();
        });
  }

  private static Uni<Void> guest(VirtualMachineSnapshot v) {
    return upsert(
        KnownGuest.<KnownGuest>findById(v.id()),
        v.version(),
        k -> k.inventoryVersion,
        KnownGuest::new,
        k -> {
          k.id = v.id();
          k.name = v.name();
          k.hostServerId = v.hostServerId();
          k.tenant = v.tenant();
          k.inventoryVersion = v.version();
        });
  }

  private static Uni<Void> service(HostedServiceSnapshot h) {
    return upsert(
        KnownHostedService.<KnownHostedService>findById(h.id()),
        h.version(),
        k -> k.inventoryVersion,
        KnownHostedService::new,
        k -> {
          k.id = h.id();
          k.name = h.name();
          k.tenant = h.tenant();
          k.serverIds = ids(h.serverIds());
          k.guestIds = ids(h.virtualMachineIds());
          k.inventoryVersion = h.version();
        });
  }

  private static UUID[] ids(List<UUID> ids) {
    return ids == null ? new UUID[0] : ids.toArray(UUID[]::new);
  }
}
