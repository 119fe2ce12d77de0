package io.vigie.monitoring.metrics;

import static io.vigie.monitoring.metrics.RemoteWriteClient.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The receiver's limits, with a small head, one request in flight and a 64 KiB body cap (on a
 * samples topic of its own, so the head does not replay the other tests' samples).
 */
@QuarkusTest
@TestProfile(RemoteWriteLimitsTest.SmallLimits.class)
class RemoteWriteLimitsTest {

  static final int MAX_SERIES = 5;

  /** Limits small enough to reach in a test. */
  public static class SmallLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "vigie.monitoring.remote-write.max-series", String.valueOf(MAX_SERIES),
          "vigie.monitoring.remote-write.max-in-flight", "1",
          "vigie.monitoring.remote-write.max-body-bytes", "64K",
          "vigie.monitoring.remote-write.overload-retry-after", "3s",
          "vigie.monitoring.ingest.topic", "monitoring.samples.small-limits",
          "vigie.monitoring.ingest.group-id", "monitoring-service.samples.small-limits");
    }
  }

  @Inject MetricHead head;
  @Inject RemoteWriteGate gate;
  @Inject MeterRegistry meters;

  /**
   * The receiver writes every valid sample to the samples topic (204: it is durable); the head of
   * the replica owning the partition refuses the new series beyond its limit, and counts them.
   */
  @Test
  void newSeriesBeyondTheLimitAreRefusedByTheHeadWhileExistingOnesKeepTheirSamples() {
    String metric = RemoteWriteClient.uniqueMetric("node_load5");
    long now = System.currentTimeMillis();
    int room = MAX_SERIES - head.seriesCount();
    List<String> existing = new ArrayList<>();
    for (int i = 0; i < room; i++) {
      existing.add("web-0" + i);
    }
    send(RemoteWriteClient.hosts(metric, existing, now - 1000, 1)).then().statusCode(204);
    assertThat(head.seriesCount()).isEqualTo(MAX_SERIES);

    double refusedBefore = meters.counter("vigie.monitoring.remote-write.series.refused").count();
    List<String> more = new ArrayList<>(existing);
    more.addAll(List.of("db-01", "db-02", "db-03"));
    send(RemoteWriteClient.hosts(metric, more, now, 2)).then().statusCode(204);

    assertThat(meters.counter("vigie.monitoring.remote-write.series.refused").count())
        .isEqualTo(refusedBefore + 3);
    assertThat(head.seriesCount()).isEqualTo(MAX_SERIES);
    assertThat(head.select(metric)).hasSize(room);
    assertThat(head.select(metric))
        .allSatisfy(series -> assertThat(series.latest()).isEqualTo(new Sample(now, 2)));
  }

  @Test
  void tooManyRequestsAtOnceAnswer429WithRetryAfter() {
    byte[] body =
        RemoteWriteCodec.encode(
            RemoteWriteClient.hosts(
                RemoteWriteClient.uniqueMetric("up"), List.of(), System.currentTimeMillis(), 1));
    // the one permit is held, as by a request being decoded
    try (RemoteWriteGate.Permit busy = gate.tryEnter()) {
      assertThat(busy).isNotNull();
      send(body)
          .then()
          .statusCode(429)
          .header("Retry-After", "3")
          .contentType("application/problem+json")
          .body("status", equalTo(429));
    }
    send(body).then().statusCode(204);
  }

  @Test
  void aBodyOverTheCapIs413() {
    byte[] incompressible = new byte[70 * 1024];
    new Random(7).nextBytes(incompressible);
    send(incompressible)
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("body"))
        .body("detail", containsString("65536"));
  }
}
