package io.vigie.events.inventory;

public record DatacenterUpdated(DatacenterSnapshot datacenter)
    implements InventoryEvents.InventoryEvent {

  @Override
  public String eventType() {
    return InventoryEvents.DATACENTER_UPDATED;
  }

  @Override
  public String aggregateId() {
    return datacenter.id().toString();
  }

  @Override
  public String tenant() {
    return null;
  }
}
