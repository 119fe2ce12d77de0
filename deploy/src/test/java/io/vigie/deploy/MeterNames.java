package io.vigie.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names a service exposes on /q/metrics, derived from its code: every Micrometer meter
 * the service and the service kit register (by name, as Micrometer's Prometheus naming convention
 * writes it), plus the meters Quarkus' Micrometer extension binds in every service (HTTP server,
 * JVM, process).
 */
final class MeterNames {

  /** Bound by quarkus-micrometer-registry-prometheus in every service (its default binders). */
  static final Set<String> FRAMEWORK =
      Set.of(
          "http_server_requests_seconds_count",
          "http_server_requests_seconds_sum",
          "http_server_requests_seconds_max",
          "jvm_memory_used_bytes",
          "jvm_memory_committed_bytes",
          "jvm_memory_max_bytes",
          "jvm_gc_pause_seconds_count",
          "jvm_gc_pause_seconds_sum",
          "jvm_threads_live_threads",
          "process_cpu_usage",
          "system_cpu_usage",
          "process_uptime_seconds");

  /** Written by Prometheus itself for every scrape target. */
  static final Set<String> SCRAPE = Set.of("up");

  /** Outside the services: Strimzi's Kafka Exporter, cert-manager. */
  static final Set<String> EXPORTERS =
      Set.of(
          "kafka_consumergroup_lag",
          "kafka_topic_partition_current_offset",
          "kafka_topic_partition_oldest_offset",
          "certmanager_certificate_expiration_timestamp_seconds");

  private static final Pattern BUILDER =
      Pattern.compile("\\b(Counter|Gauge|Timer)\\.builder\\(\\s*\"(vigie\\.[a-z0-9.-]+)\"");
  private static final Pattern REGISTRY_CALL =
      Pattern.compile("\\.(counter|gauge|timer)\\(\\s*\"(vigie\\.[a-z0-9.-]+)\"");

  private MeterNames() {}

  /** The names on a service's /q/metrics: its own meters, the kit's and the framework's. */
  static Set<String> ofService(String service) {
    Set<String> names = new TreeSet<>(FRAMEWORK);
    names.addAll(SCRAPE);
    names.addAll(registeredIn(Repository.root().resolve("platform/service-kit/src/main/java")));
    names.addAll(registeredIn(Repository.root().resolve(service).resolve("src/main/java")));
    return names;
  }

  /** The meters registered by the Java sources under a directory, as Prometheus names. */
  static Set<String> registeredIn(Path sources) {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String code = Files.readString(file);
        for (Pattern pattern : List.of(BUILDER, REGISTRY_CALL)) {
          Matcher meter = pattern.matcher(code);
          while (meter.find()) {
            names.addAll(prometheusNames(meter.group(1).toLowerCase(), meter.group(2)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /** Micrometer's PrometheusNamingConvention: dots and dashes to underscores, unit and suffixes. */
  static List<String> prometheusNames(String type, String meter) {
    String base = meter.replace('.', '_').replace('-', '_');
    return switch (type) {
      case "counter" -> List.of(base + "_total");
      case "gauge" -> List.of(base);
      case "timer" ->
          List.of(
              base + "_seconds",
              base + "_seconds_count",
              base + "_seconds_sum",
              base + "_seconds_max");
      default -> throw new IllegalArgumentException(type);
    };
  }
}
