package io.vigie.console.api;

/** A datacenter's hypervisors added up. */
@ApiSchema(service = "monitoring-service", schema = "DatacenterCapacity")
public record DatacenterCapacityView(
    String datacenterCode,
    Integer hosts,
    Integer guests,
    ResourceCapacityView cpu,
    ResourceCapacityView ram,
    ResourceCapacityView disk) {}
