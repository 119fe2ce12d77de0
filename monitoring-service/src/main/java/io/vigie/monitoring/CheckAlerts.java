package io.vigie.monitoring;

import io.smallrye.mutiny.Uni;
import io.vigie.events.monitoring.AlertFired;
import io.vigie.events.monitoring.AlertResolved;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Alerts from check results: N consecutive failures fire one alert (not on a server in
 * maintenance), the next OK resolves it. Runs in the caller's transaction, so the alert row and its
 * event commit together.
 */
@ApplicationScoped
public class CheckAlerts {

  private static final String ACTOR = "monitoring-service";

  private final Outbox outbox;
  private final MonitoringConfig config;

  public CheckAlerts(Outbox outbox, MonitoringConfig config) {
    this.outbox = outbox;
    this.config = config;
  }

  public Uni<Void> evaluate(CheckState state) {
    boolean mayFire =
        state.status.failing() && state.consecutiveFailures >= config.checkFailuresToAlert();
    boolean mayResolve = !state.status.failing() && state.statusSince.equals(state.lastResultAt);
    if (!mayFire && !mayResolve) {
      return Uni.createFrom().voidItem(); // the common case, a steady result: no query
    }
    String fingerprint = fingerprint(state.serverId, state.checkName);
    return Alert.<Alert>find("fingerprint = ?1 and resolvedAt is null", fingerprint)
        .firstResult()
        .chain(
            open -> {
              if (open != null && !state.status.failing()) {
                return resolve(open, state);
              }
              if (open == null && state.consecutiveFailures >= config.checkFailuresToAlert()) {
                return fire(fingerprint, state);
              }
              return Uni.createFrom().voidItem();
            });
  }

  private Uni<Void> fire(String fingerprint, CheckState state) {
    return TargetServer.<TargetServer>findById(state.serverId)
        .chain(
            server -> {
              if (Surveillance.silenced(server.status) || !Surveillance.monitored(server.status)) {
                return Uni.createFrom().voidItem();
              }
              return TopologyLoader.load(server, null)
                  .chain(
                      topology -> {
                        Alert alert = new Alert();
                        alert.id = Uuids.timeOrdered();
                        alert.fingerprint = fingerprint;
                        alert.serverId = server.id;
                        alert.source = "check:" + state.checkName;
                        alert.severity =
                            state.status == CheckStatus.CRITICAL ? "critical" : "warning";
                        alert.summary =
                            state.checkName
                                + " "
                                + state.status
                                + " on "
                                + server.hostname
                                + ": "
                                + state.output;
                        alert.startedAt = state.statusSince;
                        List<UUID> services =
                            topology.services().stream().map(Topology.ServiceView::id).toList();
                        return alert
                            .persist()
                            .chain(
                                () ->
                                    outbox.record(
                                        new AlertFired(
                                            fingerprint,
                                            alert.severity,
                                            alert.summary,
                                            alert.startedAt,
                                            server.hostname,
                                            server.id,
                                            List.copyOf(topology.tenants()),
                                            services),
                                        ACTOR));
                      });
            });
  }

  private Uni<Void> resolve(Alert open, CheckState state) {
    open.resolvedAt = state.lastResultAt;
    return TargetServer.<TargetServer>findById(open.serverId)
        .chain(
            server ->
                outbox.record(
                    new AlertResolved(
                        open.fingerprint,
                        open.serverId,
                        server.hostname,
                        open.startedAt,
                        open.resolvedAt),
                    ACTOR));
  }

  static String fingerprint(UUID serverId, String checkName) {
    return UUID.nameUUIDFromBytes(
            ("check|" + serverId + "|" + checkName).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
