package io.vigie.events.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The newest good restore point of a policy is older than its RPO: the promise is broken until a
 * new point arrives.
 *
 * @param datacenterCode the datacenter whose copy is too old, or null for the policy's newest point
 *     in any repository
 * @param newestGoodPointAt when the newest good point was made, or null when there is none
 */
public record RpoBreached(
    UUID policyId,
    String tenant,
    BackupTarget target,
    Duration rpo,
    String datacenterCode,
    Instant newestGoodPointAt,
    Instant breachedAt)
    implements BackupEvents.BackupEvent {

  @Override
  public String eventType() {
    return BackupEvents.RPO_BREACHED;
  }

  @Override
  public String aggregateId() {
    return policyId.toString();
  }
}
