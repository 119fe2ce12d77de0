package io.vigie.monitoring.ingest;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.vigie.monitoring.metrics.RemoteWriteConfig;
import io.vigie.monitoring.metrics.SeriesLabels;
import io.vigie.monitoring.metrics.WriteRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples topic outside the application, for plain tests: typed configuration as the service
 * reads it, a Kafka broker of the test's own (a real one, in the test JVM, that the test may stop
 * without disturbing the application's), and node_exporter-like requests.
 */
public final class IngestFixtures {

  private IngestFixtures() {}

  /** The service's configuration with these overrides (keys without the prefix). */
  public static SmallRyeConfig config(Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>();
    overrides.forEach((key, value) -> values.put("vigie.monitoring." + key, value));
    return new SmallRyeConfigBuilder()
        .withConverter(MemorySize.class, 100, new MemorySizeConverter())
        .withConverter(java.time.Duration.class, 100, new DurationConverter())
        .withMapping(IngestConfig.class)
        .withMapping(RemoteWriteConfig.class)
        .withDefaultValues(values)
        .build();
  }

  public static IngestConfig ingest(SmallRyeConfig config) {
    return config.getConfigMapping(IngestConfig.class);
  }

  public static RemoteWriteConfig remoteWrite(SmallRyeConfig config) {
    return config.getConfigMapping(RemoteWriteConfig.class);
  }

  /** A broker of the test's own on {@code port}, started. */
  static EmbeddedKafkaBroker broker(int port) {
    EmbeddedKafkaBroker broker =
        new EmbeddedKafkaBroker()
            .withNodeId(0)
            .withKafkaHost("127.0.0.1")
            .withKafkaPort(port)
            .withDeleteLogDirsOnClose(true)
            .withAdditionalProperties(
                props -> {
                  props.put("group.initial.rebalance.delay.ms", "0");
                  props.put("offsets.topic.num.partitions", "1");
                  props.put("auto.create.topics.enable", "false");
                });
    broker.start();
    return broker;
  }

  /** One sample of {@code metric} for each of {@code hosts} ({@code <host>:9100}) at {@code at}. */
  static WriteRequest hosts(String metric, List<String> hosts, long at, double value) {
    List<WriteRequest.TimeSeries> series = new ArrayList<>();
    for (String host : hosts) {
      series.add(
          WriteRequest.TimeSeries.of(
              SeriesLabels.of("__name__", metric, "instance", host + ":9100", "job", "node"),
              at,
              value));
    }
    return new WriteRequest(series);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
