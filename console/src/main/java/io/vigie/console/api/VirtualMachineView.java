package io.vigie.console.api;

import java.util.UUID;

/** A VM or container as inventory-service shows it. */
@ApiSchema(service = "inventory-service", schema = "VirtualMachineSnapshot")
public record VirtualMachineView(
    UUID id,
    String name,
    String kind,
    UUID hostServerId,
    String tenant,
    Integer vcpus,
    Integer ramGb,
    Integer diskGb,
    String operatingSystem) {}
