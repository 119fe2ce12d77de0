package io.vigie.console.api;

import java.time.Instant;
import java.util.List;

/** What the contracts promise against the backups that exist, per client. */
@ApiSchema(service = "backup-service", schema = "CoverageReport")
public record CoverageReport(Instant generatedAt, List<ClientCoverage> clients) {}
