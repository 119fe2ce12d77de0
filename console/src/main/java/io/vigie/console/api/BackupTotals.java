package io.vigie.console.api;

/** A month's backups over all of a client's policies. */
public record BackupTotals(
    Integer policies, Integer backupsMade, Integer failures, Integer policiesWithinRpo) {}
