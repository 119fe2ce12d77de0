package io.vigie.events.inventory;

public record HostedServiceCreated(HostedServiceSnapshot hostedService)
    implements InventoryEvents.InventoryEvent {

  @Override
  public String eventType() {
    return InventoryEvents.HOSTED_SERVICE_CREATED;
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
