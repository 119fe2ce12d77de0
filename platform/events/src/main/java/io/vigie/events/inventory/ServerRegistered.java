package io.vigie.events.inventory;

public record ServerRegistered(ServerSnapshot server) implements InventoryEvents.InventoryEvent {

  @Override
  public String eventType() {
    return InventoryEvents.SERVER_REGISTERED;
  }

  @Override
  public String aggregateId() {
    return server.id().toString();
  }

  @Override
  public String tenant() {
    return null;
  }
}
