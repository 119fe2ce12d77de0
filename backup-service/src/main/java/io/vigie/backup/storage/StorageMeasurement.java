package io.vigie.backup.storage;

import java.time.Instant;

/**
 * A repository's storage at one instant, as the API shows it.
 *
 * @param totalSizeBytes what the repository's blobs take (restic's {@code total_size})
 * @param totalSizeGb the same in GB (10⁹ bytes), two decimals
 */
public record StorageMeasurement(
    Instant measuredAt,
    long totalSizeBytes,
    double totalSizeGb,
    Long uncompressedSizeBytes,
    Long blobCount,
    int snapshotsCount,
    String reportedBy) {

  static StorageMeasurement of(RepositoryStorage s) {
    return new StorageMeasurement(
        s.measuredAt,
        s.totalSize,
        Math.round(s.totalSize / 1e7) / 100.0,
        s.totalUncompressedSize,
        s.totalBlobCount,
        s.snapshotsCount,
        s.reportedBy);
  }
}
