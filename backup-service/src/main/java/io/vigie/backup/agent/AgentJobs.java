package io.vigie.backup.agent;

import io.vigie.backup.repository.RepositoryKind;
import io.vigie.events.backup.BackupKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an agent on {@code host} must do now: the backups due on its policies' restic copies and the
 * restore tests due on them.
 */
public record AgentJobs(
    String host, Instant at, List<BackupJob> backups, List<RestoreTestJob> restoreTests) {

  /** Where a job's restic repository is and where its password is kept (never the password). */
  public record Repository(
      UUID id, String name, RepositoryKind kind, String location, String passwordRef) {}

  /** restic's {@code forget} rules of the policy; zero counts are left out of the command. */
  @Schema(name = "AgentRetention")
  public record Retention(
      int keepLast,
      int keepHourly,
      int keepDaily,
      int keepWeekly,
      int keepMonthly,
      int keepYearly,
      String keepWithin) {}

  /**
   * One copy's backup to run: {@code restic backup} of the paths with the tags, then {@code forget}
   * with the retention, then post the summary and {@code snapshots --json} to {@code reportPath}; a
   * failure goes to {@code pingPath} with restic's output as the log.
   */
  public record BackupJob(
      UUID policyId,
      String policyName,
      BackupKind kind,
      String timeZone,
      Instant dueAt,
      Repository repository,
      List<String> paths,
      List<String> excludes,
      List<String> tags,
      Retention retention,
      String reportPath,
      String pingPath) {}

  /**
   * One restore test to run: restore {@code snapshotId} (the policy's newest known restore point)
   * to a scratch path, check every file against restic's own listing, post the result to {@code
   * reportPath}.
   */
  public record RestoreTestJob(
      UUID policyId,
      String policyName,
      Instant dueAt,
      Repository repository,
      String snapshotId,
      Instant snapshotTime,
      List<String> tags,
      String reportPath) {}
}
