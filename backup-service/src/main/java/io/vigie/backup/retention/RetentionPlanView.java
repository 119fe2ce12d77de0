package io.vigie.backup.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What {@code restic forget} with the policy's keep rules would do to the policy's snapshots in one
 * repository: each snapshot newest first, kept or removed, and the rules that kept it in restic's
 * words.
 *
 * @param keepRules the rules as restic's flags, e.g. {@code --keep-within 10d}
 */
@Schema(name = "RetentionPlan")
public record RetentionPlanView(
    UUID policyId,
    UUID repositoryId,
    String timeZone,
    List<String> keepRules,
    int kept,
    int removed,
    List<PlannedSnapshot> snapshots) {

  /** One snapshot's fate. */
  @Schema(name = "RetentionPlanSnapshot")
  public record PlannedSnapshot(
      String snapshotId, Instant time, boolean keep, List<String> reasons) {}
}
