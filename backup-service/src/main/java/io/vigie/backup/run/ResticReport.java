package io.vigie.backup.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an agent posts after {@code restic backup --json}: the summary line as restic printed it,
 * and optionally {@code restic snapshots --json} of the repository.
 *
 * @param startedAt when the backup began; the summary's duration before now when absent
 */
public record ResticReport(
    @NotNull UUID policyId,
    @NotNull UUID repositoryId,
    Instant startedAt,
    @NotNull @Valid Summary summary,
    @Size(max = 100000) List<@NotNull @Valid SnapshotEntry> snapshots) {

  /** restic's {@code "message_type":"summary"} line; fields restic adds later are ignored. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Summary(
      @JsonProperty("message_type") @NotNull String messageType,
      @JsonProperty("files_new") long filesNew,
      @JsonProperty("files_changed") long filesChanged,
      @JsonProperty("data_added") long dataAdded,
      @JsonProperty("total_bytes_processed") long totalBytesProcessed,
      @JsonProperty("total_duration") double totalDuration,
      @JsonProperty("snapshot_id") @NotNull @Size(min = 8, max = 64) String snapshotId) {}

  /** One element of {@code restic snapshots --json}; fields not needed are ignored. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SnapshotEntry(
      @NotNull @Size(max = 64) String id,
      @NotNull Instant time,
      @Size(max = 255) String hostname,
      List<String> paths) {}
}
