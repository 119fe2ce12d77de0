package io.vigie.monitoring.alerting;

import io.smallrye.mutiny.Uni;
import io.vigie.monitoring.CheckState;
import io.vigie.monitoring.CheckStatus;
import io.vigie.monitoring.MonitoringConfig;
import io.vigie.monitoring.availability.AvailabilityConfig;
import io.vigie.monitoring.rules.CheckRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Alerts from check results, the Nagios way: a check failing N times in a row (N from the first
 * matching check rule, else {@code vigie.monitoring.check-failures-to-alert}) fires, the next OK
 * resolves. A failing server check ({@code vigie.monitoring.availability.server-checks}: the checks
 * that say whether the host is up) is a host-down alert. Runs in the caller's transaction.
 */
@ApplicationScoped
public class CheckAlerts {

  private final Alerting alerting;
  private final MonitoringConfig config;
  private final CheckRules rules;
  private final AvailabilityConfig availability;

  public CheckAlerts(
      Alerting alerting,
      MonitoringConfig config,
      CheckRules rules,
      AvailabilityConfig availability) {
    this.alerting = alerting;
    this.config = config;
    this.rules = rules;
    this.availability = availability;
  }

  public Uni<Void> evaluate(CheckState state, String hostname) {
    int threshold = rules.failuresToAlert(state.checkName).orElse(config.checkFailuresToAlert());
    boolean breaching = state.status.failing() && state.consecutiveFailures >= threshold;
    boolean recovered = !state.status.failing() && state.statusSince.equals(state.lastResultAt);
    if (!breaching && !recovered) {
      return Uni.createFrom().voidItem(); // the common case, a steady result: no query
    }
    return alerting.observe(
        new Signal(
            fingerprint(state.serverId, state.checkName),
            state.serverId,
            null,
            state.hostedServiceId,
            hostname,
            "check:" + state.checkName,
            state.status == CheckStatus.CRITICAL ? "critical" : "warning",
            state.checkName + " " + state.status + " on " + hostname + ": " + state.output,
            Map.of("check", state.checkName),
            Map.of(),
            state.hostedServiceId == null && availability.serverChecks().contains(state.checkName),
            breaching,
            state.lastResultAt,
            Duration.ZERO,
            Duration.ZERO,
            state.status.failing() ? state.statusSince : null));
  }

  static String fingerprint(UUID serverId, String checkName) {
    return UUID.nameUUIDFromBytes(
            ("check|" + serverId + "|" + checkName).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
