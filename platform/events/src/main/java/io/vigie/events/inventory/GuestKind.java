package io.vigie.events.inventory;

/** A guest on a hypervisor: a full virtual machine or a system container (LXC). */
public enum GuestKind {
  VM,
  LXC
}
