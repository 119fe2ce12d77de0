package io.vigie.events.inventory;

public record RackUpdated(RackSnapshot rack) implements InventoryEvents.InventoryEvent {

  @Override
  public String eventType() {
    return InventoryEvents.RACK_UPDATED;
  }

  @Override
  public String aggregateId() {
    return rack.id().toString();
  }

  @Override
  public String tenant() {
    return null;
  }
}
