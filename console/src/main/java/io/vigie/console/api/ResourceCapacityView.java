package io.vigie.console.api;

/**
 * One resource of a host or datacenter: what the hardware has, what is allocated to guests, what
 * the overcommit policy allows, and what was used in the last closed hour (null when unmeasured).
 */
@ApiSchema(service = "monitoring-service", schema = "ResourceCapacity")
public record ResourceCapacityView(
    String unit, Double physical, Double allocated, Double allocatable, Double used) {}
