package io.vigie.events.inventory;

import java.util.List;
import java.util.UUID;

/** A VM or LXC container on a host server, owned by one client. */
public record VirtualMachineSnapshot(
    UUID id,
    String name,
    GuestKind kind,
    UUID hostServerId,
    UUID clientId,
    String tenant,
    int vcpus,
    int ramGb,
    int diskGb,
    List<String> ipAddresses,
    String operatingSystem,
    long version) {}
