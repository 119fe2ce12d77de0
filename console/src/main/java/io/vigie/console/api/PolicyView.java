package io.vigie.console.api;

import java.time.Duration;
import java.util.UUID;

/** A backup policy as backup-service shows it (the part the console uses). */
@ApiSchema(service = "backup-service", schema = "PolicyView")
public record PolicyView(
    UUID id, String tenant, String name, String kind, String targetName, Duration rpo) {}
