package io.vigie.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The remote_write benchmark's parameters, from system properties ({@code
 * -Dvigie.bench.rw.senders=32}); the checkout, the command line and the service's extra environment
 * come from the shared {@link Settings}.
 *
 * @param hosts hosts in the fleet (about 300 series each)
 * @param senders concurrent senders, each owning a share of the hosts
 * @param minBatch fewest samples in one request
 * @param maxBatch most samples in one request
 * @param warmup unmeasured load before each measured window (creates the series)
 * @param duration each target's measured window
 * @param serviceHeap monitoring-service's {@code -Xmx}
 * @param targets which receivers to drive, in order
 * @param seed the generator's seed (labels, batch sizes, values)
 */
record RemoteWriteSettings(
    int hosts,
    int senders,
    int minBatch,
    int maxBatch,
    Duration warmup,
    Duration duration,
    String serviceHeap,
    List<String> targets,
    long seed,
    Path root,
    String command,
    Map<String, String> serviceEnv) {

  static final String MONITORING = "monitoring-service";
  static final String VICTORIA_METRICS = "victoria-metrics";
  static final String PROMETHEUS = "prometheus";

  private static final String PREFIX = "vigie.bench.rw.";
  private static final int DEFAULT_HOSTS = 300;
  private static final int DEFAULT_SENDERS = 16;
  private static final int DEFAULT_MIN_BATCH = 200;
  private static final int DEFAULT_MAX_BATCH = 2000;
  private static final long DEFAULT_WARMUP_SECONDS = 15;
  private static final long DEFAULT_DURATION_SECONDS = 40;
  private static final String DEFAULT_SERVICE_HEAP = "1g";
  private static final String DEFAULT_TARGETS =
      String.join(",", MONITORING, VICTORIA_METRICS, PROMETHEUS);
  private static final long DEFAULT_SEED = 20261122;

  static RemoteWriteSettings fromSystemProperties() {
    Settings shared = Settings.fromSystemProperties();
    return new RemoteWriteSettings(
        Integer.getInteger(PREFIX + "hosts", DEFAULT_HOSTS),
        Integer.getInteger(PREFIX + "senders", DEFAULT_SENDERS),
        Integer.getInteger(PREFIX + "minBatch", DEFAULT_MIN_BATCH),
        Integer.getInteger(PREFIX + "maxBatch", DEFAULT_MAX_BATCH),
        Duration.ofSeconds(Long.getLong(PREFIX + "warmupSeconds", DEFAULT_WARMUP_SECONDS)),
        Duration.ofSeconds(Long.getLong(PREFIX + "durationSeconds", DEFAULT_DURATION_SECONDS)),
        System.getProperty(PREFIX + "serviceHeap", DEFAULT_SERVICE_HEAP),
        List.of(System.getProperty(PREFIX + "targets", DEFAULT_TARGETS).split(",")),
        Long.getLong(PREFIX + "seed", DEFAULT_SEED),
        shared.root(),
        shared.command(),
        shared.serviceEnv());
  }

  /** Whether every measurement parameter has its default value (results to commit need this). */
  boolean isDefault() {
    return hosts == DEFAULT_HOSTS
        && senders == DEFAULT_SENDERS
        && minBatch == DEFAULT_MIN_BATCH
        && maxBatch == DEFAULT_MAX_BATCH
        && warmup.toSeconds() == DEFAULT_WARMUP_SECONDS
        && duration.toSeconds() == DEFAULT_DURATION_SECONDS
        && serviceHeap.equals(DEFAULT_SERVICE_HEAP)
        && String.join(",", targets).equals(DEFAULT_TARGETS)
        && seed == DEFAULT_SEED
        && serviceEnv.isEmpty();
  }

  /** The parameters as the report lists them. */
  Map<String, String> describe() {
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put(PREFIX + "hosts", Integer.toString(hosts));
    shown.put(PREFIX + "senders", Integer.toString(senders));
    shown.put(PREFIX + "minBatch", Integer.toString(minBatch));
    shown.put(PREFIX + "maxBatch", Integer.toString(maxBatch));
    shown.put(PREFIX + "warmupSeconds", Long.toString(warmup.toSeconds()));
    shown.put(PREFIX + "durationSeconds", Long.toString(duration.toSeconds()));
    shown.put(PREFIX + "serviceHeap", serviceHeap);
    shown.put(PREFIX + "targets", String.join(",", targets));
    shown.put(PREFIX + "seed", Long.toString(seed));
    serviceEnv.forEach((name, value) -> shown.put("vigie.bench.env." + name, value));
    return shown;
  }
}
