package io.vigie.events.inventory;

public record VirtualMachineProvisioned(VirtualMachineSnapshot virtualMachine)
    implements InventoryEvents.InventoryEvent {

  @Override
  public String eventType() {
    return InventoryEvents.VIRTUAL_MACHINE_PROVISIONED;
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
