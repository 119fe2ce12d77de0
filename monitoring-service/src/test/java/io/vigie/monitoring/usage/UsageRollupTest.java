package io.vigie.monitoring.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vigie.events.monitoring.MonitoringEvents;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.metrics.RemoteWriteClient;
import io.vigie.monitoring.metrics.SeriesLabels;
import io.vigie.monitoring.metrics.WriteRequest;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.PublishedEvents;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Hourly usage from node_exporter series: hand-computed figures reach Kafka as one
 * HostUsageRolledUp once the hour is over, and only once.
 */
@QuarkusTest
class UsageRollupTest {

  static final double GIB = 1024.0 * 1024 * 1024;

  @Inject UsageRollup rollup;

  private static WriteRequest.TimeSeries series(
      UUID server, String name, Map<String, String> extra, long at, double value) {
    Map<String, String> labels = new java.util.HashMap<>(extra);
    labels.put("__name__", name);
    labels.put("instance", "10.9.9.9:9100");
    labels.put("server_id", server.toString());
    return WriteRequest.TimeSeries.of(SeriesLabels.of(labels), at, value);
  }

  private static void write(List<WriteRequest.TimeSeries> series) {
    RemoteWriteClient.send(new WriteRequest(series)).then().statusCode(204);
  }

  @Test
  void anHourOfUsageIsPublishedOnceWithItsAverages() throws Throwable {
    UUID server = InventoryFeed.serverHosting("u-" + UUID.randomUUID().toString().substring(0, 8));
    long now = System.currentTimeMillis();
    long before = now - 60_000;
    List<WriteRequest.TimeSeries> first = new ArrayList<>();
    List<WriteRequest.TimeSeries> second = new ArrayList<>();
    for (String cpu : List.of("0", "1")) {
      // idle 30 s out of 60 on each CPU: 50 % busy
      first.add(
          series(
              server, "node_cpu_seconds_total", Map.of("cpu", cpu, "mode", "idle"), before, 1000));
      second.add(
          series(server, "node_cpu_seconds_total", Map.of("cpu", cpu, "mode", "idle"), now, 1030));
    }
    second.add(series(server, "node_memory_MemTotal_bytes", Map.of(), now, 16 * GIB));
    second.add(series(server, "node_memory_MemAvailable_bytes", Map.of(), now, 4 * GIB));
    Map<String, String> root = Map.of("mountpoint", "/", "fstype", "ext4", "device", "sda1");
    Map<String, String> data = Map.of("mountpoint", "/srv", "fstype", "xfs", "device", "sdb1");
    Map<String, String> run = Map.of("mountpoint", "/run", "fstype", "tmpfs", "device", "tmpfs");
    second.add(series(server, "node_filesystem_size_bytes", root, now, 50 * GIB));
    second.add(series(server, "node_filesystem_avail_bytes", root, now, 30 * GIB));
    second.add(series(server, "node_filesystem_size_bytes", data, now, 200 * GIB));
    second.add(series(server, "node_filesystem_avail_bytes", data, now, 100 * GIB));
    second.add(series(server, "node_filesystem_size_bytes", run, now, 8 * GIB));
    second.add(series(server, "node_filesystem_avail_bytes", run, now, 0));
    write(first);
    write(second);

    Instant at = Instant.ofEpochMilli(now);
    assertThat(VertxContextSupport.subscribeAndAwait(() -> rollup.sample(at))).isPositive();
    VertxContextSupport.subscribeAndAwait(() -> rollup.sample(at));
    // the hour is not over: nothing to publish yet
    assertThat(VertxContextSupport.subscribeAndAwait(() -> rollup.publishClosedHours(at))).isZero();
    Instant nextHour = at.plus(Duration.ofHours(1));
    assertThat(VertxContextSupport.subscribeAndAwait(() -> rollup.publishClosedHours(nextHour)))
        .isPositive();
    VertxContextSupport.subscribeAndAwait(() -> rollup.publishClosedHours(nextHour));
    // both publications committed: everything they published is read, a second event included
    List<ConsumerRecord<String, String>> events =
        PublishedEvents.await(
            MonitoringEvents.TOPIC,
            r ->
                MonitoringEvents.HOST_USAGE_ROLLED_UP.equals(KafkaEvents.header(r, "ce_type"))
                    && r.key().equals(server.toString()),
            1,
            Duration.ofSeconds(10));
    assertThat(events).hasSize(1);
    assertThat(events.get(0).value())
        .contains("\"hourStart\":\"" + at.truncatedTo(ChronoUnit.HOURS) + "\"")
        .contains("\"cpuUsedPercent\":50.0")
        .contains("\"ramUsedGb\":12.0")
        .contains("\"diskUsedGb\":120.0");
  }
}
