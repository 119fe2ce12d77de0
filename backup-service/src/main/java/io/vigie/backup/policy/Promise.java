package io.vigie.backup.policy;

import java.time.Duration;

/**
 * What a client's contract promises about backups ({@code BackupTerms}, {@code DrpTerms}).
 *
 * @param drpRpo the disaster-recovery RPO, or null when the contract has no DRP
 */
public record Promise(
    int databaseEveryHours,
    int databaseRetentionDays,
    int filesRetentionDays,
    int copies,
    int distinctSites,
    Duration drpRpo) {

  /**
   * An off-site copy is owed when the contract wants copies in two or more datacenters, or a DRP
   * that restores in another datacenter.
   */
  public boolean offSite() {
    return distinctSites >= 2 || drpRpo != null;
  }
}
