package io.vigie.dns.drp;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vigie.events.DomainEvent;
import io.vigie.events.EventJson;
import io.vigie.events.backup.BackupEvents;
import io.vigie.events.backup.DrpActivated;
import io.vigie.events.backup.DrpDirection;
import io.vigie.events.backup.DrpStepKind;
import io.vigie.events.backup.DrpStepStarted;
import io.vigie.events.dns.DnsEvents;
import io.vigie.events.dns.DnsSwitchApplied;
import io.vigie.events.dns.DnsSwitchFailed;
import io.vigie.testkit.KafkaEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client's DRP run as backup-service's outbox publishes it on {@code backup.events} (binary
 * CloudEvents keyed by the plan), and dns-service's answers read back from {@code dns.events}.
 */
final class DrpEvents {

  final UUID planId;
  final UUID runId = UUID.randomUUID();
  final String tenant;
  final DrpDirection direction;

  /** A new run of the client's plan {@code planId} in {@code direction}. */
  DrpEvents(String tenant, UUID planId, DrpDirection direction) {
    this.tenant = tenant;
    this.planId = planId;
    this.direction = direction;
  }

  /** Publishes {@code DrpActivated}; returns the event id. */
  String activated() {
    return publish(
        new DrpActivated(
            planId,
            runId,
            tenant,
            direction,
            UUID.randomUUID(),
            UUID.randomUUID(),
            "admin@" + tenant,
            "datacenter PAR2 unreachable",
            Instant.now()),
        UUID.randomUUID().toString());
  }

  /** Publishes the run's DNS switch step with {@code eventId} (a replay reuses one). */
  String dnsSwitch(int position, String eventId, String... addresses) {
    return publish(
        new DrpStepStarted(
            planId,
            runId,
            tenant,
            direction,
            position,
            DrpStepKind.DNS_SWITCH,
            "Switch DNS",
            Duration.ofMinutes(5),
            List.of(addresses),
            Instant.now()),
        eventId);
  }

  /** Publishes a step that is not DNS's. */
  void otherStep(int position) {
    publish(
        new DrpStepStarted(
            planId,
            runId,
            tenant,
            direction,
            position,
            DrpStepKind.RESTORE_FILES,
            "Restore files",
            Duration.ofMinutes(30),
            List.of(),
            Instant.now()),
        UUID.randomUUID().toString());
  }

  private static String publish(DomainEvent event, String eventId) {
    try {
      KafkaEvents.publish(
          BackupEvents.TOPIC,
          event.aggregateId(),
          eventId,
          event.eventType(),
          EventJson.newMapper().writeValueAsString(event));
      return eventId;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every {@code DnsSwitchApplied} of this run on dns.events, waiting for at least one. */
  List<DnsSwitchApplied> applied(Duration timeout) {
    return KafkaEvents.await(
            DnsEvents.TOPIC,
            KafkaEvents.ofType(DnsEvents.DNS_SWITCH_APPLIED)
                .and(KafkaEvents.withKey(runId.toString())),
            1,
            timeout)
        .stream()
        .map(r -> read(r.value(), DnsSwitchApplied.class))
        .toList();
  }

  /** Every {@code DnsSwitchFailed} of this run on dns.events, waiting for at least {@code n}. */
  List<DnsSwitchFailed> failed(int n, Duration timeout) {
    return KafkaEvents.await(
            DnsEvents.TOPIC,
            KafkaEvents.ofType(DnsEvents.DNS_SWITCH_FAILED)
                .and(KafkaEvents.withKey(runId.toString())),
            n,
            timeout)
        .stream()
        .map(r -> read(r.value(), DnsSwitchFailed.class))
        .toList();
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return EventJson.newMapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
