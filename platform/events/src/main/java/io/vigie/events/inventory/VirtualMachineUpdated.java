package io.vigie.events.inventory;

public record VirtualMachineUpdated(VirtualMachineSnapshot virtualMachine)
    implements InventoryEvents.InventoryEvent {

  @Override
  public String eventType() {
    return InventoryEvents.VIRTUAL_MACHINE_UPDATED;
  }

  @Override
  public String aggregateId() {
    return virtualMachine.id().toString();
  }

  @Override
  public String tenant() {
    return virtualMachine.tenant();
  }
}
