package io.vigie.console.api;

import java.time.Duration;
import java.util.UUID;

/** One backup policy's month. */
@ApiSchema(service = "backup-service", schema = "PolicyMonth")
public record PolicyMonth(
    UUID policyId,
    String name,
    String kind,
    String targetName,
    Duration rpo,
    Integer backupsMade,
    Integer failures,
    Double rpoCompliancePercent,
    RestoreTests restoreTests) {}
