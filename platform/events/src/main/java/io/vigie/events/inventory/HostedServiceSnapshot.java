package io.vigie.events.inventory;

import java.util.List;
import java.util.UUID;

/**
 * A client's website, application or database and where it runs: the link an alert on a server
 * follows to find the clients it affects.
 */
public record HostedServiceSnapshot(
    UUID id,
    UUID clientId,
    String tenant,
    String name,
    HostedServiceKind kind,
    String url,
    Integer port,
    String technology,
    List<UUID> serverIds,
    List<UUID> virtualMachineIds,
    long version) {}
