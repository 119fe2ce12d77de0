package io.vigie.events.backup;

import java.time.Instant;
import java.util.UUID;

/**
 * A client's disaster-recovery plan was activated by an authorised person: a failover onto the
 * recovery server, or the return to production.
 *
 * @param fromServerId the server traffic leaves
 * @param toServerId the server traffic goes to (the recovery server on failover)
 * @param activatedBy the user who decided it (client admin or staff)
 */
public record DrpActivated(
    UUID planId,
    UUID runId,
    String tenant,
    DrpDirection direction,
    UUID fromServerId,
    UUID toServerId,
    String activatedBy,
    String reason,
    Instant activatedAt)
    implements BackupEvents.BackupEvent {

  @Override
  public String eventType() {
    return BackupEvents.DRP_ACTIVATED;
  }

  @Override
  public String aggregateId() {
    return planId.toString();
  }
}
