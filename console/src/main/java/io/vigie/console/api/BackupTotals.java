package io.vigie.console.api;

/** A month's backups over all of a client's policies. */
@ApiSchema(service = "backup-service", schema = "Totals")
public record BackupTotals(
    Integer policies, Integer backupsMade, Integer failures, Integer policiesWithinRpo) {}
