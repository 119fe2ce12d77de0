package io.vigie.monitoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

@ConfigMapping(prefix = "vigie.monitoring")
public interface MonitoringConfig {

  /** A check failing this many times in a row raises an alert (the Nagios max_check_attempts). */
  @WithDefault("3")
  int checkFailuresToAlert();

  /**
   * Checks that tell the host itself is unreachable: when one fires, the server's other alerts (its
   * VMs', its hosted services') are grouped under it instead of paging one by one.
   */
  @WithDefault("host-alive,check_ping,ping")
  Set<String> hostDownChecks();

  Rules rules();

  /** Alert rules. */
  interface Rules {
    /** How often metric rules are evaluated and check rules refreshed. */
    @WithDefault("10s")
    Duration evaluationInterval();

    /** Install the default rule pack's missing rules at startup. */
    @WithDefault("true")
    boolean installDefaults();
  }
}
