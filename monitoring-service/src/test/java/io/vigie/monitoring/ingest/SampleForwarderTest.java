package io.vigie.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigie.monitoring.Ports;
import io.vigie.monitoring.metrics.RealPrometheus;
import io.vigie.monitoring.metrics.SeriesLabels;
import io.vigie.monitoring.metrics.WriteRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Forwarding to a long-term store, against Debian's real VictoriaMetrics (package
 * victoria-metrics): what is forwarded is queryable there with its labels and values, the staleness
 * marker included; an unreachable store drops (and counts) instead of blocking.
 */
class SampleForwarderTest {

  private Process victoria;

  @AfterEach
  void stop() {
    RealPrometheus.kill(victoria);
  }

  @Test
  void forwardedSamplesAreQueryableInVictoriaMetrics() throws Exception {
    int port = Ports.free();
    Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "vm-");
    victoria =
        new ProcessBuilder(
                RealPrometheus.binary("victoria-metrics", "victoria-metrics"),
                "-httpListenAddr=127.0.0.1:" + port,
                "-storageDataPath=" + data,
                "-search.latencyOffset=0s")
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("victoria-metrics.log").toFile())
            .start();
    HttpClient http = HttpClient.newHttpClient();
    URI base = URI.create("http://127.0.0.1:" + port);
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> get(http, base.resolve("/health")).statusCode() == 200);

    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    SampleForwarder forwarder =
        new SampleForwarder(
            base.resolve("/api/v1/write"), Optional.empty(), Duration.ofSeconds(5), 2, 3, meters);
    long now = System.currentTimeMillis();
    WriteRequest request =
        new WriteRequest(
            List.of(
                new WriteRequest.TimeSeries(
                    SeriesLabels.of(
                        "__name__",
                        "vigie_forward_probe",
                        "instance",
                        "web-01:9100",
                        "server_id",
                        "0195f0c6-1f53-7a43-9d54-3c1f2b7e9a10"),
                    new long[] {now - 2000, now - 1000},
                    new double[] {1.5, 2.5})));

    assertThat(forwarder.forward(request).get()).isTrue();

    get(http, base.resolve("/internal/force_flush"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                get(http, base.resolve("/api/v1/export?match%5B%5D=vigie_forward_probe"))
                    .body()
                    .contains("\"values\":[1.5,2.5]"));
    String exported =
        get(http, base.resolve("/api/v1/export?match%5B%5D=vigie_forward_probe")).body();
    assertThat(exported)
        .contains("\"instance\":\"web-01:9100\"")
        .contains("\"server_id\":\"0195f0c6-1f53-7a43-9d54-3c1f2b7e9a10\"")
        .contains("\"timestamps\":[" + (now - 2000) + "," + (now - 1000) + "]");
    assertThat(meters.counter("vigie.monitoring.ingest.forwarded").count()).isEqualTo(2);
  }

  @Test
  void anUnreachableStoreDropsAndCountsWithoutBlocking() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    SampleForwarder forwarder =
        new SampleForwarder(
            URI.create("http://127.0.0.1:" + Ports.free() + "/api/v1/write"),
            Optional.empty(),
            Duration.ofSeconds(2),
            1,
            2,
            meters);
    WriteRequest request =
        new WriteRequest(
            List.of(
                WriteRequest.TimeSeries.of(
                    SeriesLabels.of("__name__", "up", "instance", "web-01:9100"),
                    System.currentTimeMillis(),
                    1)));

    var first = forwarder.forward(request);
    // the one slot is taken: the next request is dropped at once rather than queued
    assertThat(forwarder.forward(request).getNow(null)).isFalse();
    assertThat(first.get()).isFalse();
    assertThat(meters.counter("vigie.monitoring.ingest.forward.dropped").count()).isEqualTo(2);
  }

  private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
