package io.vigie.events.inventory;

public record ClientRegistered(ClientSnapshot client) implements InventoryEvents.InventoryEvent {

  @Override
  public String eventType() {
    return InventoryEvents.CLIENT_REGISTERED;
  }

  @Override
  public String aggregateId() {
    return client.id().toString();
  }

  @Override
  public String tenant() {
    return client.code();
  }
}
