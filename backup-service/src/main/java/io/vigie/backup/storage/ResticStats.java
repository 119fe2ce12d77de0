package io.vigie.backup.storage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.vigie.kit.problem.ProblemException;

/**
 * What {@code restic stats --json --mode raw-data} prints, as restic printed it: the size of the
 * repository's blobs after deduplication (and compression, repository format 2), its blob count and
 * the snapshots it holds. Fields restic adds later are ignored.
 *
 * @param totalUncompressedSize absent from restic 0.14 and from uncompressed repositories
 * @param totalBlobCount left out by restic when zero (an empty repository)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResticStats(
    @JsonProperty("total_size") Long totalSize,
    @JsonProperty("total_uncompressed_size") Long totalUncompressedSize,
    @JsonProperty("total_blob_count") Long totalBlobCount,
    @JsonProperty("snapshots_count") Integer snapshotsCount) {

  /** Refuses (400) what restic would not print, naming the field as restic spells it. */
  void validate() {
    if (totalSize == null) {
      throw ProblemException.invalidField("stats.total_size", "is required");
    }
    if (snapshotsCount == null) {
      throw ProblemException.invalidField("stats.snapshots_count", "is required");
    }
    negative("stats.total_size", totalSize);
    negative("stats.total_uncompressed_size", totalUncompressedSize);
    negative("stats.total_blob_count", totalBlobCount);
    negative("stats.snapshots_count", snapshotsCount == null ? null : snapshotsCount.longValue());
  }

  private static void negative(String field, Long value) {
    if (value != null && value < 0) {
      throw ProblemException.invalidField(field, "must not be negative");
    }
  }
}
