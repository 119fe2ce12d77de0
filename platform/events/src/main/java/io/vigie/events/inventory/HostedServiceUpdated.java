package io.vigie.events.inventory;

public record HostedServiceUpdated(HostedServiceSnapshot hostedService)
    implements InventoryEvents.InventoryEvent {

  @Override
  public String eventType() {
    return InventoryEvents.HOSTED_SERVICE_UPDATED;
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
