package io.vigie.monitoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "vigie.monitoring")
public interface MonitoringConfig {

  /** A check failing this many times in a row raises an alert (the Nagios max_check_attempts). */
  @WithDefault("3")
  int checkFailuresToAlert();
}
