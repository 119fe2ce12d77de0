package io.vigie.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alert latency benchmark's parameters, from system properties ({@code
 * -Dvigie.bench.alert.rounds=40}); the checkout, the command line and the service's extra
 * environment come from the shared {@link Settings}.
 *
 * @param rounds breaching samples sent (and alerts awaited) per evaluation interval
 * @param targets servers probed at once, each running its share of the rounds
 * @param intervals the rule evaluation intervals measured, one service start each
 * @param hosts hosts of the background node_exporter-like fleet
 * @param samplesPerSecond the background remote_write rate, in all
 * @param senders background senders
 * @param warmup background load before the first round (creates the series)
 * @param serviceHeap monitoring-service's {@code -Xmx}
 * @param seed the generator's seed (fleet labels, batch sizes, values, round delays)
 * @param serviceDefault the evaluation interval the service uses when none is set, read from its
 *     application.properties in the checkout
 */
record AlertLatencySettings(
    int rounds,
    int targets,
    List<Duration> intervals,
    int hosts,
    double samplesPerSecond,
    int senders,
    Duration warmup,
    String serviceHeap,
    long seed,
    Duration serviceDefault,
    Path root,
    String command,
    Map<String, String> serviceEnv) {

  static final int MIN_BATCH = 200;
  static final int MAX_BATCH = 2000;

  private static final String PREFIX = "vigie.bench.alert.";
  private static final int DEFAULT_ROUNDS = 40;
  private static final int DEFAULT_TARGETS = 5;
  private static final String DEFAULT_INTERVALS = "10s,1s";
  private static final int DEFAULT_HOSTS = 100;
  private static final double DEFAULT_SAMPLES_PER_SECOND = 100_000;
  private static final int DEFAULT_SENDERS = 8;
  private static final long DEFAULT_WARMUP_SECONDS = 20;
  private static final String DEFAULT_SERVICE_HEAP = "1g";
  private static final long DEFAULT_SEED = 20261122;
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

  static AlertLatencySettings fromSystemProperties() throws IOException {
    Settings shared = Settings.fromSystemProperties();
    return new AlertLatencySettings(
        Integer.getInteger(PREFIX + "rounds", DEFAULT_ROUNDS),
        Integer.getInteger(PREFIX + "targets", DEFAULT_TARGETS),
        Arrays.stream(System.getProperty(PREFIX + "intervals", DEFAULT_INTERVALS).split(","))
            .map(String::trim)
            .map(AlertLatencySettings::duration)
            .toList(),
        Integer.getInteger(PREFIX + "hosts", DEFAULT_HOSTS),
        Double.parseDouble(
            System.getProperty(
                PREFIX + "samplesPerSecond", Double.toString(DEFAULT_SAMPLES_PER_SECOND))),
        Integer.getInteger(PREFIX + "senders", DEFAULT_SENDERS),
        Duration.ofSeconds(Long.getLong(PREFIX + "warmupSeconds", DEFAULT_WARMUP_SECONDS)),
        System.getProperty(PREFIX + "serviceHeap", DEFAULT_SERVICE_HEAP),
        Long.getLong(PREFIX + "seed", DEFAULT_SEED),
        serviceDefault(shared.root()),
        shared.root(),
        shared.command(),
        shared.serviceEnv());
  }

  /** {@code 10s}, {@code 500ms}, {@code 1m}: the forms the service's setting takes here. */
  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Not an evaluation interval: " + text + " (e.g. 10s, 500ms, 1m)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
  }

  /** The text form, as the service's setting takes it: {@code 10s}, {@code 500ms}. */
  static String text(Duration interval) {
    return interval.toMillis() % 1000 == 0
        ? interval.toSeconds() + "s"
        : interval.toMillis() + "ms";
  }

  private static Duration serviceDefault(Path root) throws IOException {
    Path properties = root.resolve("monitoring-service/src/main/resources/application.properties");
    for (String line : Files.readAllLines(properties)) {
      if (line.startsWith("vigie.monitoring.rules.evaluation-interval=")) {
        return duration(line.substring(line.indexOf('=') + 1).trim());
      }
    }
    throw new IllegalStateException(
        "No vigie.monitoring.rules.evaluation-interval in " + properties);
  }

  /** Whether every measurement parameter has its default value (results to commit need this). */
  boolean isDefault() {
    return rounds == DEFAULT_ROUNDS
        && targets == DEFAULT_TARGETS
        && intervals.stream()
            .map(AlertLatencySettings::text)
            .toList()
            .equals(List.of(DEFAULT_INTERVALS.split(",")))
        && hosts == DEFAULT_HOSTS
        && samplesPerSecond == DEFAULT_SAMPLES_PER_SECOND
        && senders == DEFAULT_SENDERS
        && warmup.toSeconds() == DEFAULT_WARMUP_SECONDS
        && serviceHeap.equals(DEFAULT_SERVICE_HEAP)
        && seed == DEFAULT_SEED
        && serviceEnv.isEmpty();
  }

  /** The parameters as the report lists them. */
  Map<String, String> describe() {
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put(PREFIX + "rounds", Integer.toString(rounds));
    shown.put(PREFIX + "targets", Integer.toString(targets));
    shown.put(
        PREFIX + "intervals",
        String.join(",", intervals.stream().map(AlertLatencySettings::text).toList()));
    shown.put(PREFIX + "hosts", Integer.toString(hosts));
    shown.put(PREFIX + "samplesPerSecond", String.format("%.0f", samplesPerSecond));
    shown.put(PREFIX + "senders", Integer.toString(senders));
    shown.put(PREFIX + "warmupSeconds", Long.toString(warmup.toSeconds()));
    shown.put(PREFIX + "serviceHeap", serviceHeap);
    shown.put(PREFIX + "seed", Long.toString(seed));
    serviceEnv.forEach((name, value) -> shown.put("vigie.bench.env." + name, value));
    return shown;
  }
}
