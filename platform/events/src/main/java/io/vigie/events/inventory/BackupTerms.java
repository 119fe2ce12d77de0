package io.vigie.events.inventory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Backup defaults the contract promises, e.g. database dumps every hour kept 10 days, files nightly
 * kept 7 days, two copies in two distinct datacenters.
 */
public record BackupTerms(
    @Min(1) @Max(168) int databaseEveryHours,
    @Min(1) @Max(3650) int databaseRetentionDays,
    @Min(1) @Max(3650) int filesRetentionDays,
    @Min(1) @Max(10) int copies,
    @Min(1) @Max(10) int distinctSites) {}
