package io.vigie.backup.restore;

import java.time.Instant;
import java.util.UUID;

/** A restore test as the API shows it (the shape of {@code restore_test_document}). */
public record RestoreTestView(
    UUID id,
    UUID policyId,
    String tenant,
    UUID repositoryId,
    String snapshotId,
    Instant snapshotTime,
    boolean succeeded,
    Instant startedAt,
    Instant finishedAt,
    long filesChecked,
    long bytesChecked,
    String reason,
    String log,
    String reportedBy) {

  static RestoreTestView of(RestoreTest t) {
    return new RestoreTestView(
        t.id,
        t.policyId,
        t.tenant,
        t.repositoryId,
        t.snapshotId,
        t.snapshotTime,
        t.succeeded,
        t.startedAt,
        t.finishedAt,
        t.filesChecked,
        t.bytesChecked,
        t.reason,
        t.log,
        t.reportedBy);
  }
}
