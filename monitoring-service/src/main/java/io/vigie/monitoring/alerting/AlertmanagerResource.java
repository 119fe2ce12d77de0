package io.vigie.monitoring.alerting;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.Roles;
import io.vigie.monitoring.rules.TargetIndex;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Alertmanager's webhook receiver: a hoster already running Prometheus and Alertmanager points a
 * {@code webhook_configs} entry here (with {@code send_resolved: true}) and its alerts become Vigie
 * alerts — same events, history, maintenance and grouping as Vigie's own. Alertmanager has already
 * applied {@code for}, so a firing alert fires at once and a resolved one resolves. Notifications
 * repeat (repeat_interval, retries): the fingerprint makes them change nothing.
 */
@Path("/api/v1/integrations/alertmanager")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alertmanager", description = "Alertmanager webhook receiver (payload version 4)")
@RolesAllowed(Roles.AGENT)
public class AlertmanagerResource {

  /** How many alerts were taken, and how many named no monitored server or guest. */
  @Schema(
      name = "AlertmanagerReceipt",
      description = "Alerts taken in, and those no target of Vigie matched")
  public record Receipt(int accepted, int unattributed) {}

  private final Alerting alerting;
  private final MeterRegistry meters;

  public AlertmanagerResource(Alerting alerting, MeterRegistry meters) {
    this.alerting = alerting;
    this.meters = meters;
  }

  @POST
  @WithTransaction
  @Operation(
      operationId = "receiveAlertmanagerNotification",
      summary = "Receive an Alertmanager webhook notification (version 4)")
  public Uni<Receipt> receive(@Valid @NotNull AlertmanagerWebhook notification) {
    return TargetIndex.load()
        .chain(
            index -> {
              List<Signal> signals = new ArrayList<>();
              int unattributed = 0;
              for (AlertmanagerWebhook.Notified alert : notification.alerts()) {
                var target = index.attribute(alert.labels());
                if (target.isEmpty()) {
                  unattributed++;
                  continue;
                }
                signals.add(signal(alert, target.get()));
              }
              int skipped = unattributed;
              meters
                  .counter("vigie.monitoring.alertmanager.alerts", "outcome", "accepted")
                  .increment(signals.size());
              meters
                  .counter("vigie.monitoring.alertmanager.alerts", "outcome", "unattributed")
                  .increment(skipped);
              return alerting.observeAll(signals).replaceWith(new Receipt(signals.size(), skipped));
            });
  }

  private static Signal signal(AlertmanagerWebhook.Notified alert, TargetIndex.Target target) {
    boolean firing = alert.status().equals("firing");
    Map<String, String> labels = alert.labels();
    Map<String, String> annotations = alert.annotations() == null ? Map.of() : alert.annotations();
    String name = labels.getOrDefault("alertname", "alert");
    String summary =
        annotations.getOrDefault(
            "summary", annotations.getOrDefault("description", name + " on " + target.name()));
    Instant at =
        firing || alert.endsAt() == null || alert.endsAt().isBefore(alert.startsAt())
            ? alert.startsAt()
            : alert.endsAt();
    return new Signal(
        UUID.nameUUIDFromBytes(
                ("alertmanager|" + alert.fingerprint()).getBytes(StandardCharsets.UTF_8))
            .toString(),
        target.serverId(),
        target.guestId(),
        null,
        target.name(),
        "alertmanager:" + name,
        labels.getOrDefault("severity", "warning"),
        summary,
        labels,
        annotations,
        "true".equals(labels.get("vigie_host_down")),
        firing,
        firing ? alert.startsAt() : at,
        Duration.ZERO,
        Duration.ZERO,
        alert.startsAt());
  }
}
