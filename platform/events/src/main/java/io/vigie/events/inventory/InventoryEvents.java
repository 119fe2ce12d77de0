package io.vigie.events.inventory;

import io.vigie.events.DomainEvent;
import java.util.Map;

/** Topic and type names of the events inventory-service publishes. */
public final class InventoryEvents {

  public static final String TOPIC = "inventory.events";
  public static final String SOURCE = "/vigie/inventory-service";

  private static final String PREFIX = "io.vigie.inventory.";

  public static final String CLIENT_REGISTERED = PREFIX + "client-registered.v1";
  public static final String CLIENT_UPDATED = PREFIX + "client-updated.v1";
  public static final String CONTRACT_CHANGED = PREFIX + "contract-changed.v1";
  public static final String DATACENTER_REGISTERED = PREFIX + "datacenter-registered.v1";
  public static final String DATACENTER_UPDATED = PREFIX + "datacenter-updated.v1";
  public static final String RACK_INSTALLED = PREFIX + "rack-installed.v1";
  public static final String RACK_UPDATED = PREFIX + "rack-updated.v1";
  public static final String SERVER_REGISTERED = PREFIX + "server-registered.v1";
  public static final String SERVER_UPDATED = PREFIX + "server-updated.v1";
  public static final String SERVER_STATUS_CHANGED = PREFIX + "server-status-changed.v1";
  public static final String VIRTUAL_MACHINE_PROVISIONED =
      PREFIX + "virtual-machine-provisioned.v1";
  public static final String VIRTUAL_MACHINE_UPDATED = PREFIX + "virtual-machine-updated.v1";
  public static final String VIRTUAL_MACHINE_REMOVED = PREFIX + "virtual-machine-removed.v1";
  public static final String HOSTED_SERVICE_CREATED = PREFIX + "hosted-service-created.v1";
  public static final String HOSTED_SERVICE_UPDATED = PREFIX + "hosted-service-updated.v1";
  public static final String HOSTED_SERVICE_REMOVED = PREFIX + "hosted-service-removed.v1";

  public static final Map<String, Class<? extends DomainEvent>> TYPES =
      Map.ofEntries(
          Map.entry(CLIENT_REGISTERED, ClientRegistered.class),
          Map.entry(CLIENT_UPDATED, ClientUpdated.class),
          Map.entry(CONTRACT_CHANGED, ContractChanged.class),
          Map.entry(DATACENTER_REGISTERED, DatacenterRegistered.class),
          Map.entry(DATACENTER_UPDATED, DatacenterUpdated.class),
          Map.entry(RACK_INSTALLED, RackInstalled.class),
          Map.entry(RACK_UPDATED, RackUpdated.class),
          Map.entry(SERVER_REGISTERED, ServerRegistered.class),
          Map.entry(SERVER_UPDATED, ServerUpdated.class),
          Map.entry(SERVER_STATUS_CHANGED, ServerStatusChanged.class),
          Map.entry(VIRTUAL_MACHINE_PROVISIONED, VirtualMachineProvisioned.class),
          Map.entry(VIRTUAL_MACHINE_UPDATED, VirtualMachineUpdated.class),
          Map.entry(VIRTUAL_MACHINE_REMOVED, VirtualMachineRemoved.class),
          Map.entry(HOSTED_SERVICE_CREATED, HostedServiceCreated.class),
          Map.entry(HOSTED_SERVICE_UPDATED, HostedServiceUpdated.class),
          Map.entry(HOSTED_SERVICE_REMOVED, HostedServiceRemoved.class));

  private InventoryEvents() {}

  /** Common defaults for every inventory event. */
  interface InventoryEvent extends DomainEvent {
    @Override
    default String topic() {
      return TOPIC;
    }
  }
}
