package io.vigie.console.api;

import java.util.UUID;

/** A client (tenant) of the hoster as inventory-service shows it. */
@ApiSchema(service = "inventory-service", schema = "ClientSnapshot")
public record ClientView(UUID id, String code, String name) {}
