package io.vigie.events.dns;

import io.vigie.events.DomainEvent;
import io.vigie.events.backup.DrpDirection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The DNS switch of a DRP run could not be verified in time: a provider refused the change or a
 * server kept answering the old addresses. backup-service marks the run's step failed so a person
 * decides; nothing is retried silently past this point.
 *
 * @param position the DRP step ({@code DrpStepStarted.position})
 * @param reason what failed, naming the provider and the record set
 */
public record DnsSwitchFailed(
    UUID planId,
    UUID runId,
    String tenant,
    DrpDirection direction,
    int position,
    List<String> addresses,
    String reason,
    Instant failedAt)
    implements DomainEvent {

  @Override
  public String eventType() {
    return DnsEvents.DNS_SWITCH_FAILED;
  }

  @Override
  public String topic() {
    return DnsEvents.TOPIC;
  }

  @Override
  public String aggregateId() {
    return runId.toString();
  }
}
