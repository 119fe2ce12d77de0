package io.vigie.console.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A server's 5-minute network rates per interface over a period, as monitoring-service shows it.
 */
@ApiSchema(service = "monitoring-service", schema = "ServerUsage")
public record ServerUsage(
    UUID serverId, String hostname, Instant from, Instant to, List<InterfaceUsage> interfaces) {}
