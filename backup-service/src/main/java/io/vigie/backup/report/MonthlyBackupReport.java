package io.vigie.backup.report;

import io.vigie.events.backup.BackupKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client's backups over one calendar month in the client's time zone: per policy the backups made
 * and failed, the RPO kept (share of the watched time, breaches listed), the copies per datacenter
 * and the last successful restore test.
 *
 * @param from the month's first instant in the client's time zone
 * @param to the next month's first instant
 * @param observedUntil {@code to}, or now for the month under way
 */
public record MonthlyBackupReport(
    String tenant,
    String clientName,
    String month,
    String timeZone,
    Instant from,
    Instant to,
    Instant observedUntil,
    Instant generatedAt,
    Totals totals,
    List<PolicyMonth> policies) {

  /**
   * @param policiesWithinRpo policies that kept their RPO all the watched time
   */
  public record Totals(int policies, long backupsMade, long failures, int policiesWithinRpo) {}

  /**
   * @param rpoCompliancePercent share of the watched time within the RPO, in percent (2 decimals)
   * @param watched how much of the month the policy was watched
   */
  public record PolicyMonth(
      UUID policyId,
      String name,
      BackupKind kind,
      String targetName,
      Duration rpo,
      long backupsMade,
      long failures,
      double rpoCompliancePercent,
      Duration watched,
      List<RpoCompliance.Breach> rpoBreaches,
      List<SiteCopies> copiesPerDatacenter,
      RestoreTests restoreTests) {}

  /** The good copies made in one datacenter over the month, and the newest at its end. */
  public record SiteCopies(String datacenterCode, long backupsMade, Instant newestPoint) {}

  /**
   * @param lastSucceededAt when the last successful restore test up to the month's end started
   */
  public record RestoreTests(
      int testedInMonth,
      int failedInMonth,
      Instant lastSucceededAt,
      String lastSucceededSnapshot) {}
}
