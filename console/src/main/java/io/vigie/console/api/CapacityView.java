package io.vigie.console.api;

import java.time.Instant;
import java.util.List;

/** Monitoring's capacity report: per datacenter and per hypervisor (staff only). */
@ApiSchema(service = "monitoring-service", schema = "CapacityReport")
public record CapacityView(
    Instant at, List<DatacenterCapacityView> datacenters, List<HostCapacityView> hosts) {}
