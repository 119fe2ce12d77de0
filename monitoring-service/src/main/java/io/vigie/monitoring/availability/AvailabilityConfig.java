package io.vigie.monitoring.availability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** How availability is measured. */
@ConfigMapping(prefix = "vigie.monitoring.availability")
public interface AvailabilityConfig {

  /**
   * The checks whose results say whether a server is up (results without a hosted service): the
   * server is down while any of them is CRITICAL.
   */
  @WithDefault("host-alive,check_ping,ping")
  List<String> serverChecks();

  /** The longest period one availability request may cover. */
  @WithDefault("P400D")
  Duration maxPeriod();
}
