package io.vigie.events.backup;

import java.time.Instant;
import java.util.UUID;

/**
 * A gap of {@link CoverageGapFound} is covered again (a policy now exists or keeps enough copies,
 * the plan was written), or what it was about left the inventory or the contract.
 */
public record CoverageGapClosed(
    String tenant,
    CoverageGapKind kind,
    String subjectKind,
    UUID subjectId,
    String subjectName,
    Instant foundAt,
    Instant closedAt)
    implements BackupEvents.BackupEvent {

  @Override
  public String eventType() {
    return BackupEvents.COVERAGE_GAP_CLOSED;
  }

  @Override
  public String aggregateId() {
    return subjectId.toString();
  }
}
