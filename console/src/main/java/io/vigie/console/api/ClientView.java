package io.vigie.console.api;

import java.util.UUID;

/** A client (tenant) of the hoster as inventory-service shows it. */
public record ClientView(UUID id, String code, String name) {}
