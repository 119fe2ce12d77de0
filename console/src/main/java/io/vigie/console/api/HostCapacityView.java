package io.vigie.console.api;

import java.util.UUID;

/** One hypervisor's capacity. */
@ApiSchema(service = "monitoring-service", schema = "HostCapacity")
public record HostCapacityView(
    UUID serverId,
    String hostname,
    String datacenterCode,
    Integer guests,
    ResourceCapacityView cpu,
    ResourceCapacityView ram,
    ResourceCapacityView disk) {}
