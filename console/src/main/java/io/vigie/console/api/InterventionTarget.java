package io.vigie.console.api;

import java.util.UUID;

/** What an intervention works on. */
@ApiSchema(service = "ticket-service", schema = "TargetView")
public record InterventionTarget(String kind, UUID id, String label) {}
