package io.vigie.events.backup;

import java.time.Instant;
import java.util.UUID;

/**
 * What a backup repository holds, as {@code restic stats --json --mode raw-data} measured it on the
 * repository after a backup (and its retention): the bytes stored after deduplication and
 * compression, with the number of snapshots kept. Consumers follow a repository's size and growth.
 *
 * @param tenant the client the repository belongs to, or null for one the hoster shares
 * @param totalSizeBytes restic's {@code total_size}: the bytes the repository's blobs take
 * @param uncompressedSizeBytes restic's {@code total_uncompressed_size} (repository format 2 with
 *     compression), else null
 * @param snapshotsCount restic's {@code snapshots_count}
 * @param capacityBytes the repository's capacity as registered in backup-service when it was
 *     measured (what "full" means for its growth forecast), null when none is set (and in events
 *     published before capacities existed)
 */
public record RepositoryStorageMeasured(
    UUID repositoryId,
    String tenant,
    String repositoryName,
    String datacenterCode,
    Instant measuredAt,
    long totalSizeBytes,
    Long uncompressedSizeBytes,
    int snapshotsCount,
    Long capacityBytes)
    implements BackupEvents.BackupEvent {

  /** The shape before {@code capacityBytes}: no capacity known. */
  public RepositoryStorageMeasured(
      UUID repositoryId,
      String tenant,
      String repositoryName,
      String datacenterCode,
      Instant measuredAt,
      long totalSizeBytes,
      Long uncompressedSizeBytes,
      int snapshotsCount) {
    this(
        repositoryId,
        tenant,
        repositoryName,
        datacenterCode,
        measuredAt,
        totalSizeBytes,
        uncompressedSizeBytes,
        snapshotsCount,
        null);
  }

  @Override
  public String eventType() {
    return BackupEvents.REPOSITORY_STORAGE_MEASURED;
  }

  @Override
  public String aggregateId() {
    return repositoryId.toString();
  }
}
