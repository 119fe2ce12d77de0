package io.vigie.monitoring.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One observation of an alert condition, from any source (a check result, a metric rule, an
 * Alertmanager notification): whether the problem identified by {@code fingerprint} holds at {@code
 * at}.
 *
 * @param serverId the physical server the problem is on (a guest's host)
 * @param guestId set when the problem is on a VM or container of that server
 * @param hostedServiceId set when the problem is on a hosted service
 * @param target the affected thing by name: host name, guest name or service name
 * @param source what raised it, e.g. {@code check:check_http}, {@code rule:filesystem-space-low}
 * @param hostDown the host itself is unreachable: the server's other alerts group under this one
 * @param forDuration how long the condition must hold before firing
 * @param clearFor how long it must stay clear before resolving (flap damping)
 * @param since when the condition began, if the source knows better than {@code at} (a check
 *     failing since its first failure); null means {@code at}
 */
public record Signal(
    String fingerprint,
    UUID serverId,
    UUID guestId,
    UUID hostedServiceId,
    String target,
    String source,
    String severity,
    String summary,
    Map<String, String> labels,
    Map<String, String> annotations,
    boolean hostDown,
    boolean breaching,
    Instant at,
    Duration forDuration,
    Duration clearFor,
    Instant since) {

  public Signal {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(at, "at");
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    forDuration = forDuration == null ? Duration.ZERO : forDuration;
    clearFor = clearFor == null ? Duration.ZERO : clearFor;
    since = since == null || since.isAfter(at) ? at : since;
  }
}
