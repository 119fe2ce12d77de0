package io.vigie.monitoring.alerting;

import io.smallrye.mutiny.Uni;
import io.vigie.monitoring.MonitoringConfig;
import io.vigie.monitoring.availability.AvailabilityConfig;
import io.vigie.monitoring.checks.CheckState;
import io.vigie.monitoring.checks.CheckStatus;
import io.vigie.monitoring.rules.CheckRules;
import io.vigie.monitoring.rules.CompiledRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Alerts from check results, the Nagios way: a check failing N times in a row (N from the first
 * matching check rule, else {@code vigie.monitoring.check-failures-to-alert}) fires; it resolves
 * once the check has stayed OK for the rule's {@code clearFor} (else {@code
 * vigie.monitoring.check-clear-for}, default 0: the first OK), which damps a flapping check into
 * one alert. A failing server check ({@code vigie.monitoring.availability.server-checks}: the
 * checks that say whether the host is up) is a host-down alert. Runs in the caller's transaction.
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
    Optional<CompiledRule> rule = rules.matching(state.checkName);
    int threshold =
        rule.map(r -> r.definition().consecutiveFailures()).orElse(config.checkFailuresToAlert());
    Duration clearFor =
        rule.filter(r -> r.definition().clearFor() != null)
            .map(CompiledRule::clearFor)
            .orElse(config.checkClearFor());
    boolean breaching = state.status.failing() && state.consecutiveFailures >= threshold;
    // from the first OK up to the first result past clearFor: an open alert may resolve
    boolean recovered =
        !state.status.failing()
            && (state.previousResultAt == null
                || Duration.between(state.statusSince, state.previousResultAt).compareTo(clearFor)
                    <= 0);
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
            clearFor,
            state.status.failing() ? state.statusSince : null));
  }

  static String fingerprint(UUID serverId, String checkName) {
    return UUID.nameUUIDFromBytes(
            ("check|" + serverId + "|" + checkName).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
