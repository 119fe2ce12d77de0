package io.vigie.console.api;

import java.util.List;
import java.util.UUID;

/** A client's site, application or database as inventory-service shows it. */
@ApiSchema(service = "inventory-service", schema = "HostedServiceSnapshot")
public record HostedServiceView(
    UUID id,
    String tenant,
    String name,
    String kind,
    String url,
    String technology,
    List<UUID> serverIds) {}
