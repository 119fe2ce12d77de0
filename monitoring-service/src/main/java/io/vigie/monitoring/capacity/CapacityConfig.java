package io.vigie.monitoring.capacity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Capacity planning ({@code vigie.monitoring.capacity.*}): the overcommit policy a new VM's
 * placement must respect, how much usage history the trends are fitted to, and what "full" means.
 */
@ConfigMapping(prefix = "vigie.monitoring.capacity")
public interface CapacityConfig {

  /** vCPUs sold per hardware thread (4 reads 4:1). */
  @WithDefault("4")
  double cpuOvercommit();

  /** GB of RAM sold per physical GB (1 reads 1:1, no overcommit). */
  @WithDefault("1")
  double ramOvercommit();

  /** GB of disk sold per usable GB after RAID. */
  @WithDefault("1")
  double diskOvercommit();

  /** The closed hours of usage the trends are fitted to (least squares), back from now. */
  @WithDefault("P30D")
  Duration trendWindow();

  /** The share of the physical figure at which a host counts as full (run-out dates). */
  @WithDefault("0.9")
  double fullShare();
}
