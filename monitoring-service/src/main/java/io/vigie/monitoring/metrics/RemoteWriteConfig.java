package io.vigie.monitoring.metrics;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/** The Prometheus remote_write receiver and the in-memory metric head it fills. */
@ConfigMapping(prefix = "vigie.monitoring.remote-write")
public interface RemoteWriteConfig {

  /** How long samples are kept per series, and how long a silent series lives on. */
  @WithDefault("15m")
  Duration retention();

  /** Most series the head holds; new series beyond it are refused (400). */
  @WithDefault("100000")
  int maxSeries();

  /**
   * Most samples kept per series, whatever the retention: the head holds at most {@code max-series
   * × max-samples-per-series × 16} bytes of samples. 1024 covers 15 minutes at a 1 s scrape
   * interval.
   */
  @WithDefault("1024")
  int maxSamplesPerSeries();

  /**
   * Requests decoded at once; more wait up to {@code overload-wait}, then answer 429. Default:
   * twice the available processors.
   */
  OptionalInt maxInFlight();

  /** Largest compressed body accepted (413 beyond). */
  @WithDefault("16M")
  MemorySize maxBodyBytes();

  /** Largest uncompressed size a body may declare (400 beyond, before anything is allocated). */
  @WithDefault("64M")
  MemorySize maxDecodedBytes();

  /** How long a request waits for a decoding slot before it is answered 429. */
  @WithDefault("250ms")
  Duration overloadWait();

  /** What a 429 asks the sender to wait, in its Retry-After header (whole seconds). */
  @WithDefault("1s")
  Duration overloadRetryAfter();

  /** Samples further in the future than this (sender's clock ahead of ours) refuse the request. */
  @WithDefault("10m")
  Duration futureTolerance();

  /** How often series silent for longer than the retention are dropped. */
  @WithDefault("1m")
  Duration sweepInterval();

  /** Effective number of requests decoded at once. */
  default int effectiveMaxInFlight() {
    return maxInFlight().orElse(2 * Runtime.getRuntime().availableProcessors());
  }
}
