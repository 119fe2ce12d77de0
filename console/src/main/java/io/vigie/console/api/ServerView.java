package io.vigie.console.api;

import java.util.List;
import java.util.UUID;

/** A server as inventory-service shows it (the part the console uses). */
@ApiSchema(service = "inventory-service", schema = "ServerSnapshot")
public record ServerView(
    UUID id,
    String hostname,
    String datacenterCode,
    List<String> roles,
    String status,
    String managementIp,
    List<String> publicIps,
    List<String> privateIps) {}
