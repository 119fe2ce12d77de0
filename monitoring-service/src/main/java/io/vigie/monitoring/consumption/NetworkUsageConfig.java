package io.vigie.monitoring.consumption;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Network usage from node_exporter's interface counters. */
@ConfigMapping(prefix = "vigie.monitoring.network")
public interface NetworkUsageConfig {

  /**
   * Interfaces ({@code device} label, a regular expression over the whole name) not recorded:
   * loopback by default; a hypervisor's bridges and taps may be added, the physical interface
   * carrying its guests' traffic already.
   */
  @WithDefault("lo")
  String excludeDevices();

  /**
   * How long after a 5-minute slot ends it is recorded, so the senders' last samples of it have
   * arrived (Prometheus sends every few seconds).
   */
  @WithDefault("1m")
  Duration settle();

  /** Share of a slot its samples must span for a rate to be recorded (else the slot is missing). */
  @WithDefault("0.5")
  double minCoverage();
}
