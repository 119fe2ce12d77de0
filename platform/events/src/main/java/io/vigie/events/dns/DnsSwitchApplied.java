package io.vigie.events.dns;

import io.vigie.events.DomainEvent;
import io.vigie.events.backup.DrpDirection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The DNS switch of a DRP run is done and verified: every provider's server answers the new
 * addresses for every record set of the client's failover group. backup-service completes the run's
 * {@code DNS_SWITCH} step when it receives this for the same run and position.
 *
 * @param position the DRP step this switch carried out ({@code DrpStepStarted.position})
 * @param addresses the addresses the records now point at
 * @param recordSets the switched record sets, as {@code name type} (e.g. {@code www.example.fr. A})
 * @param verifiedProviders the providers whose servers were queried and answered the new addresses
 */
public record DnsSwitchApplied(
    UUID planId,
    UUID runId,
    String tenant,
    DrpDirection direction,
    int position,
    List<String> addresses,
    List<String> recordSets,
    List<String> verifiedProviders,
    Instant appliedAt)
    implements DomainEvent {

  @Override
  public String eventType() {
    return DnsEvents.DNS_SWITCH_APPLIED;
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
