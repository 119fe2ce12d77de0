package io.vigie.console.api;

import java.time.Instant;
import java.util.UUID;

/** One run of a backup policy as backup-service shows it (the part the console uses). */
@ApiSchema(service = "backup-service", schema = "RunView")
public record RunView(
    UUID id, UUID policyId, String state, Instant startedAt, Instant finishedAt) {}
