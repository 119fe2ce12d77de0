package io.vigie.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark's parameters, from system properties ({@code -Dvigie.bench.concurrency=64}).
 *
 * @param concurrency wrk connections ({@code -c}), and pgbench clients ({@code -c})
 * @param warmup unmeasured run before each measured one, on both sides
 * @param duration each measured run, on both sides ({@code -T})
 * @param listMinServers servers that must exist before the list scenarios (topped up via the API)
 * @param pgbenchThreads pgbench worker threads ({@code -j})
 * @param wrkThreads wrk threads ({@code -t}); the connections are shared among them
 * @param serviceHeap the service JVM's {@code -Xmx}
 * @param root the Vigie checkout
 * @param command the command line that started the run, for the report
 * @param pgbench explicit pgbench executable, or null to look under /usr/lib/postgresql
 * @param wrk explicit wrk executable, or null for /usr/bin/wrk
 * @param serviceEnv extra environment for the service ({@code -Dvigie.bench.env.NAME=value})
 */
record Settings(
    int concurrency,
    Duration warmup,
    Duration duration,
    int listMinServers,
    int pgbenchThreads,
    int wrkThreads,
    String serviceHeap,
    Path root,
    String command,
    String pgbench,
    String wrk,
    Map<String, String> serviceEnv) {

  private static final String PREFIX = "vigie.bench.";
  private static final int DEFAULT_CONCURRENCY = 32;
  private static final long DEFAULT_WARMUP_SECONDS = 10;
  private static final long DEFAULT_DURATION_SECONDS = 30;
  private static final int DEFAULT_LIST_MIN_SERVERS = 5_000;
  private static final int DEFAULT_PGBENCH_THREADS = 2;
  private static final int DEFAULT_WRK_THREADS = 2;
  private static final String DEFAULT_SERVICE_HEAP = "512m";

  static Settings fromSystemProperties() {
    Map<String, String> env = new TreeMap<>();
    System.getProperties()
        .stringPropertyNames()
        .forEach(
            name -> {
              if (name.startsWith(PREFIX + "env.")) {
                env.put(name.substring((PREFIX + "env.").length()), System.getProperty(name));
              }
            });
    return new Settings(
        Integer.getInteger(PREFIX + "concurrency", DEFAULT_CONCURRENCY),
        Duration.ofSeconds(Long.getLong(PREFIX + "warmupSeconds", DEFAULT_WARMUP_SECONDS)),
        Duration.ofSeconds(Long.getLong(PREFIX + "durationSeconds", DEFAULT_DURATION_SECONDS)),
        Integer.getInteger(PREFIX + "listMinServers", DEFAULT_LIST_MIN_SERVERS),
        Integer.getInteger(PREFIX + "pgbenchThreads", DEFAULT_PGBENCH_THREADS),
        Integer.getInteger(PREFIX + "wrkThreads", DEFAULT_WRK_THREADS),
        System.getProperty(PREFIX + "serviceHeap", DEFAULT_SERVICE_HEAP),
        findRoot(),
        System.getProperty(
            PREFIX + "command",
            ProcessHandle.current()
                .info()
                .commandLine()
                .orElse("java io.vigie.benchmarks.InventoryBenchmark")),
        System.getProperty(PREFIX + "pgbench"),
        System.getProperty(PREFIX + "wrk"),
        env);
  }

  /** {@code vigie.root}, else the checkout this is run from (its root or benchmarks/). */
  private static Path findRoot() {
    String configured = System.getProperty("vigie.root");
    Path start =
        configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("inventory-service/pom.xml"))) {
        return dir.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException(
        "Cannot find the Vigie checkout from " + start + ": pass -Dvigie.root=/path/to/vigie");
  }

  /** Whether every measurement parameter has its default value (results to commit need this). */
  boolean isDefault() {
    return concurrency == DEFAULT_CONCURRENCY
        && warmup.toSeconds() == DEFAULT_WARMUP_SECONDS
        && duration.toSeconds() == DEFAULT_DURATION_SECONDS
        && listMinServers == DEFAULT_LIST_MIN_SERVERS
        && pgbenchThreads == DEFAULT_PGBENCH_THREADS
        && wrkThreads == DEFAULT_WRK_THREADS
        && serviceHeap.equals(DEFAULT_SERVICE_HEAP)
        && serviceEnv.isEmpty();
  }

  /** The parameters as the report lists them. */
  Map<String, String> describe() {
    Map<String, String> shown = new java.util.LinkedHashMap<>();
    shown.put(PREFIX + "concurrency", Integer.toString(concurrency));
    shown.put(PREFIX + "warmupSeconds", Long.toString(warmup.toSeconds()));
    shown.put(PREFIX + "durationSeconds", Long.toString(duration.toSeconds()));
    shown.put(PREFIX + "listMinServers", Integer.toString(listMinServers));
    shown.put(PREFIX + "pgbenchThreads", Integer.toString(pgbenchThreads));
    shown.put(PREFIX + "wrkThreads", Integer.toString(wrkThreads));
    shown.put(PREFIX + "serviceHeap", serviceHeap);
    serviceEnv.forEach((name, value) -> shown.put(PREFIX + "env." + name, value));
    return shown;
  }
}
