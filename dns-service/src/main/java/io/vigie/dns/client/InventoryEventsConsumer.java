package io.vigie.dns.client;

import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.ClientRegistered;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.ClientUpdated;
import io.vigie.events.inventory.ContractChanged;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.kit.messaging.IdempotentConsumer;
import io.vigie.kit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps dns-service's copy of the clients: a zone belongs to a client inventory-service knows. Each
 * event is applied once; an older snapshot than the one kept changes nothing.
 */
@ApplicationScoped
public class InventoryEventsConsumer {

  public static final String CHANNEL = "inventory-events";
  static final String CONSUMER = "dns-service";

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
          idempotent.process(
              CONSUMER, event, () -> client(event.data(ClientRegistered.class).client()));
      case InventoryEvents.CLIENT_UPDATED ->
          idempotent.process(
              CONSUMER, event, () -> client(event.data(ClientUpdated.class).client()));
      case InventoryEvents.CONTRACT_CHANGED ->
          idempotent.process(
              CONSUMER, event, () -> client(event.data(ContractChanged.class).client()));
      default -> Uni.createFrom().voidItem(); // servers, guests: not needed by DNS
    };
  }

  private static Uni<Void> client(ClientSnapshot c) {
    return DnsClient.<DnsClient>findById(c.id())
        .chain(
            existing -> {
              if (existing != null && existing.inventoryVersion > c.version()) {
                return Uni.createFrom().voidItem();
              }
              DnsClient client = existing == null ? new DnsClient() : existing;
              client.id = c.id();
              client.code = c.code();
              client.name = c.name();
              client.inventoryVersion = c.version();
              return existing == null
                  ? client.persist().replaceWithVoid()
                  : Uni.createFrom().voidItem();
            });
  }
}
