package io.vigie.console.api;

import java.util.List;

/** A client's month of backups as backup-service reports it. */
@ApiSchema(service = "backup-service", schema = "MonthlyBackupReport")
public record BackupReport(
    String tenant,
    String clientName,
    String month,
    BackupTotals totals,
    List<PolicyMonth> policies) {}
