package io.vigie.console.api;

import java.time.Instant;

/** How one DNS provider serves a zone: IN_SYNC, OUT_OF_SYNC, DRIFTED... */
@ApiSchema(service = "dns-service", schema = "ProviderState")
public record ProviderState(
    String name, String state, Long appliedSerial, String detail, Instant checkedAt) {}
