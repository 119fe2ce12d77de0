package io.vigie.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay publishes: batch size, polling fallback and how long rows are kept. */
@ConfigMapping(prefix = "vigie.outbox")
public interface OutboxConfig {

  /** Turns the relay off, e.g. for a replica that must only serve reads. */
  @WithDefault("true")
  boolean enabled();

  /** Rows published per transaction. */
  @WithDefault("500")
  int batchSize();

  /** Fallback poll when no NOTIFY arrives (e.g. the listening connection dropped). */
  @WithDefault("1s")
  Duration pollInterval();

  /** Pause after a failed publication (broker down) before the next attempt. */
  @WithDefault("2s")
  Duration retryBackoff();

  /** How long a send may wait for the broker's acknowledgement before the batch is retried. */
  @WithDefault("10s")
  Duration sendTimeout();

  /** Published events are kept this long as the change log, then deleted. */
  @WithDefault("P30D")
  Duration retention();
}
