package io.vigie.events.backup;

import java.time.Instant;
import java.util.UUID;

/**
 * The contract promises something nothing covers, e.g. a database with no dump policy. Published
 * once when the gap appears; {@link CoverageGapClosed} when it is covered again.
 *
 * @param subjectKind SERVER, VIRTUAL_MACHINE, HOSTED_SERVICE (a target), POLICY or CLIENT
 * @param subjectId the target's inventory id, the policy's id, or the client's id
 * @param promised what the contract promises, e.g. {@code 2 copies in 2 datacenters}
 * @param actual what exists, e.g. {@code 1 copy in PAR-DC3}
 */
public record CoverageGapFound(
    String tenant,
    CoverageGapKind kind,
    String subjectKind,
    UUID subjectId,
    String subjectName,
    String promised,
    String actual,
    Instant foundAt)
    implements BackupEvents.BackupEvent {

  @Override
  public String eventType() {
    return BackupEvents.COVERAGE_GAP_FOUND;
  }

  @Override
  public String aggregateId() {
    return subjectId.toString();
  }
}
