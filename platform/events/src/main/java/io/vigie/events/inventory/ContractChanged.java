package io.vigie.events.inventory;

public record ContractChanged(ClientSnapshot client) implements InventoryEvents.InventoryEvent {

  @Override
  public String eventType() {
    return InventoryEvents.CONTRACT_CHANGED;
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
