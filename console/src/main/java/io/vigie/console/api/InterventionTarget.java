package io.vigie.console.api;

import java.util.UUID;

/** What an intervention works on. */
public record InterventionTarget(String kind, UUID id, String label) {}
