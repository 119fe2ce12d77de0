package io.vigie.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus scrapes a real node_exporter every second and remote-writes to the service: the
 * host's series arrive in the metric head with the scrape's labels, and nothing Prometheus sends
 * (samples, metadata-only requests) is refused.
 */
@QuarkusTest
class RealPrometheusTest {

  @TestHTTPResource("/")
  URL service;

  @Inject MetricHead head;
  @Inject MeterRegistry meters;

  @Test
  void nodeExporterSeriesArriveWithTheScrapeLabels() throws Exception {
    String serverId = UUID.randomUUID().toString();
    double refusedBefore = refused();
    long startedAt = System.currentTimeMillis();
    try (RealPrometheus prometheus =
        RealPrometheus.remoteWritingTo(service)
            .scrapeLabel("vigie_server_id", serverId)
            .scrapeLabel("datacenter", "PAR-DC2")
            .start()) {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(50))
          .untilAsserted(
              () -> {
                assertThat(of("node_load1", serverId)).as(prometheus.logs()).isNotEmpty();
                assertThat(of("node_filesystem_avail_bytes", serverId)).isNotEmpty();
                assertThat(of("node_memory_MemAvailable_bytes", serverId)).isNotEmpty();
                // two scrapes at least: the series keep receiving samples
                assertThat(of("node_load1", serverId).get(0).samplesSince(0)).hasSizeGreaterThan(1);
              });

      // metadata travels in requests of its own, without series: taken too
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> prometheus.ownMetric("prometheus_remote_storage_metadata_total") > 0);
      assertThat(prometheus.ownMetric("prometheus_remote_storage_samples_total")).isPositive();
      assertThat(prometheus.ownMetric("prometheus_remote_storage_samples_failed_total")).isZero();
      assertThat(prometheus.ownMetric("prometheus_remote_storage_metadata_failed_total")).isZero();

      Series load = of("node_load1", serverId).get(0);
      assertThat(load.labels())
          .containsEntry("__name__", "node_load1")
          .containsEntry("job", "node")
          .containsEntry("instance", prometheus.nodeExporterTarget())
          .containsEntry("vigie_server_id", serverId)
          .containsEntry("datacenter", "PAR-DC2");
      assertThat(List.copyOf(load.labels().keySet())).isSorted();
      assertThat(load.latest().value()).isGreaterThanOrEqualTo(0);
      assertThat(load.latest().timestampMillis()).isBetween(startedAt - 5_000, startedAt + 120_000);
      assertThat(of("node_filesystem_avail_bytes", serverId))
          .allSatisfy(fs -> assertThat(fs.labels()).containsKeys("device", "fstype", "mountpoint"));
      assertThat(of("node_memory_MemAvailable_bytes", serverId).get(0).latest().value())
          .isPositive();
      assertThat(refused()).isEqualTo(refusedBefore);
    }
  }

  private List<Series> of(String metric, String serverId) {
    return head.select(metric).stream()
        .filter(s -> serverId.equals(s.labels().get("vigie_server_id")))
        .toList();
  }

  private double refused() {
    return meters.find("vigie.monitoring.remote-write.requests").counters().stream()
        .filter(c -> !"accepted".equals(c.getId().getTag("outcome")))
        .mapToDouble(c -> c.count())
        .sum();
  }
}
