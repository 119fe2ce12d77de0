package io.vigie.backup.run;

import io.vigie.backup.schedule.RunState;
import java.time.Instant;
import java.util.UUID;

/** A run as the API shows it (the shape of {@code run_document}). */
public record RunView(
    UUID id,
    UUID policyId,
    UUID repositoryId,
    String tenant,
    RunState state,
    BackupRun.Source source,
    String rid,
    Instant startedAt,
    Instant finishedAt,
    Integer exitStatus,
    String reason,
    String log,
    boolean logTruncated,
    String snapshotId,
    Long filesNew,
    Long bytesAdded) {

  static RunView of(BackupRun r) {
    return new RunView(
        r.id,
        r.policyId,
        r.repositoryId,
        r.tenant,
        r.state,
        r.source,
        r.rid,
        r.startedAt,
        r.finishedAt,
        r.exitStatus,
        r.reason,
        r.log,
        r.logTruncated,
        r.snapshotId,
        r.filesNew,
        r.bytesAdded);
  }
}
