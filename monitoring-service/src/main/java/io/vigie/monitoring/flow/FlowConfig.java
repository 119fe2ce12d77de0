package io.vigie.monitoring.flow;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The ingest flow's rows ({@code vigie.monitoring.flow.*}); the flush's schedule is {@code
 * vigie.monitoring.flow.flush-cron} (default every minute on the minute, {@code off} in tests,
 * which flush when they say).
 */
@ConfigMapping(prefix = "vigie.monitoring.flow")
public interface FlowConfig {

  /** How long the hourly ingest rows are kept. */
  @WithDefault("P400D")
  Duration retention();

  /** The flush's cron expression (Quartz syntax, seconds first), or {@code off}. */
  @WithDefault("0 * * * * ?")
  String flushCron();
}
