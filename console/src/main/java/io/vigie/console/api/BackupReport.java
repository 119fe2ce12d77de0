package io.vigie.console.api;

import java.util.List;

/** A client's month of backups as backup-service reports it. */
public record BackupReport(
    String tenant,
    String clientName,
    String month,
    BackupTotals totals,
    List<PolicyMonth> policies) {}
