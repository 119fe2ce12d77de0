package io.vigie.events.inventory;

public record ClientUpdated(ClientSnapshot client) implements InventoryEvents.InventoryEvent {

  @Override
  public String eventType() {
    return InventoryEvents.CLIENT_UPDATED;
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
