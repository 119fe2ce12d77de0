package io.vigie.console.api;

import java.util.List;
import java.util.UUID;

/**
 * Which monitoring targets a published platform shows the availability of (ticket-service's staff
 * list {@code GET /api/v1/status/platforms}, read with the status page's service account; never
 * shown on the page).
 */
@ApiSchema(service = "ticket-service", schema = "StatusPlatformView")
public record PlatformTargets(
    UUID id, String slug, List<UUID> serverIds, List<UUID> hostedServiceIds) {}
