package io.vigie.events.monitoring;

import io.vigie.events.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A problem on a target is confirmed: what the on-call engineer is paged for, with the clients it
 * affects so their contracts' intervention clocks can start at {@code startedAt}.
 *
 * @param fingerprint one alert per problem: the same fingerprint is never firing twice at once
 * @param tenants the clients (codes) whose VMs or hosted services the target carries
 * @param hostDown the server itself is down (host-alive fails): its other alerts are grouped under
 *     this one — the ones already firing belong to this alert's incident, later ones are not
 *     published while it fires
 * @param rule the name of the alert rule that raised it (monitoring's rule, or Alertmanager's
 *     {@code alertname}); null when no rule names it, or in events published before it was added
 * @param runbook what the on-call engineer follows, as the rule names it: an absolute {@code
 *     https://} or {@code http://} URL, or {@code kb:<article slug or id>} (an article of
 *     ticket-service's knowledge base); null when the rule names none
 */
public record AlertFired(
    String fingerprint,
    String severity,
    String summary,
    Instant startedAt,
    String target,
    UUID serverId,
    List<String> tenants,
    List<UUID> hostedServiceIds,
    boolean hostDown,
    String rule,
    String runbook)
    implements DomainEvent {

  /** The shape before {@code rule} and {@code runbook}: neither named. */
  public AlertFired(
      String fingerprint,
      String severity,
      String summary,
      Instant startedAt,
      String target,
      UUID serverId,
      List<String> tenants,
      List<UUID> hostedServiceIds,
      boolean hostDown) {
    this(
        fingerprint,
        severity,
        summary,
        startedAt,
        target,
        serverId,
        tenants,
        hostedServiceIds,
        hostDown,
        null,
        null);
  }

  @Override
  public String eventType() {
    return MonitoringEvents.ALERT_FIRED;
  }

  @Override
  public String topic() {
    return MonitoringEvents.TOPIC;
  }

  @Override
  public String aggregateId() {
    return fingerprint;
  }

  @Override
  public String tenant() {
    return null;
  }
}
