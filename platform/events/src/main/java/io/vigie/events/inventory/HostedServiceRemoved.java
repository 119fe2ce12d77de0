package io.vigie.events.inventory;

public record HostedServiceRemoved(HostedServiceSnapshot hostedService)
    implements InventoryEvents.InventoryEvent {

  @Override
  public String eventType() {
    return InventoryEvents.HOSTED_SERVICE_REMOVED;
  }

  @Override
  public String aggregateId() {
    return hostedService.id().toString();
  }

  @Override
  public String tenant() {
    return hostedService.tenant();
  }
}
