package io.vigie.events.inventory;

public record RackInstalled(RackSnapshot rack) implements InventoryEvents.InventoryEvent {

  @Override
  public String eventType() {
    return InventoryEvents.RACK_INSTALLED;
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
