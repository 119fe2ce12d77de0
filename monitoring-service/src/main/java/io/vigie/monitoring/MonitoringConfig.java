package io.vigie.monitoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "vigie.monitoring")
public interface MonitoringConfig {

  /** A check failing this many times in a row raises an alert (the Nagios max_check_attempts). */
  @WithDefault("3")
  int checkFailuresToAlert();

  /**
   * Flap damping for check alerts: a firing check alert resolves only once the check has stayed
   * non-failing this long (0: at the first OK, as Nagios does without flap detection).
   */
  @WithDefault("0s")
  Duration checkClearFor();

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
