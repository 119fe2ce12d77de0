package io.vigie.console.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An alert as monitoring-service shows it. */
@ApiSchema(service = "monitoring-service", schema = "AlertView")
public record AlertView(
    UUID id,
    String fingerprint,
    String state,
    String severity,
    String summary,
    String target,
    UUID serverId,
    UUID hostedServiceId,
    Map<String, String> labels,
    Instant startedAt,
    Instant firedAt,
    Instant resolvedAt,
    String suppressedBy) {}
