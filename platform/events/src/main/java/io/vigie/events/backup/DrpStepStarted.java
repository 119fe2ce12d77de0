package io.vigie.events.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A step of a DRP run began. A {@code DNS_SWITCH} step carries the addresses the client's records
 * must point at from now on; dns-service performs it.
 *
 * @param position the step's place in the run, from 1
 * @param switchToAddresses for a DNS switch, the addresses to point at; empty otherwise
 */
public record DrpStepStarted(
    UUID planId,
    UUID runId,
    String tenant,
    DrpDirection direction,
    int position,
    DrpStepKind kind,
    String name,
    Duration estimated,
    List<String> switchToAddresses,
    Instant startedAt)
    implements BackupEvents.BackupEvent {

  @Override
  public String eventType() {
    return BackupEvents.DRP_STEP_STARTED;
  }

  @Override
  public String aggregateId() {
    return planId.toString();
  }
}
