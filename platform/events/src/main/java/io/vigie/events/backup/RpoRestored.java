package io.vigie.events.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A breached RPO holds again: a good point younger than the RPO arrived.
 *
 * @param datacenterCode as in {@link RpoBreached}
 */
public record RpoRestored(
    UUID policyId,
    String tenant,
    BackupTarget target,
    Duration rpo,
    String datacenterCode,
    Instant newestGoodPointAt,
    Instant breachedAt,
    Instant restoredAt)
    implements BackupEvents.BackupEvent {

  @Override
  public String eventType() {
    return BackupEvents.RPO_RESTORED;
  }

  @Override
  public String aggregateId() {
    return policyId.toString();
  }
}
