package io.vigie.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MetricHeadTest {

  private static final long T0 = 1_763_762_400_000L; // 2025-11-21T22:00:00Z
  private static final long NOW = T0 + 3_600_000;

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private MetricHead head(int maxSeries, Duration retention, int maxSamples) {
    return new MetricHead(maxSeries, retention, maxSamples, Duration.ofMinutes(10), meters);
  }

  private static SeriesLabels load1(String host) {
    return SeriesLabels.of(
        "__name__", "node_load1", "instance", host + ":9100", "job", "node", "datacenter", "PAR");
  }

  private static WriteRequest write(SeriesLabels labels, long[] timestamps, double[] values) {
    return new WriteRequest(List.of(new WriteRequest.TimeSeries(labels, timestamps, values)));
  }

  @Test
  void keepsSamplesPerSeriesAndSelectsByName() throws Exception {
    MetricHead head = head(100, Duration.ofMinutes(15), 1024);
    head.append(
        new WriteRequest(
            List.of(
                new WriteRequest.TimeSeries(
                    load1("web-01"), new long[] {T0, T0 + 15_000}, new double[] {0.5, 0.75}),
                WriteRequest.TimeSeries.of(load1("web-02"), T0, 2.0),
                WriteRequest.TimeSeries.of(
                    SeriesLabels.of("__name__", "node_memory_MemAvailable_bytes", "instance", "x"),
                    T0,
                    8.0e9))),
        NOW);

    assertThat(head.seriesCount()).isEqualTo(3);
    assertThat(head.select("node_load1")).hasSize(2);
    assertThat(head.select("node_load5")).isEmpty();
    Series web01 =
        head.select("node_load1").stream()
            .filter(s -> s.labels().get("instance").equals("web-01:9100"))
            .findFirst()
            .orElseThrow();
    assertThat(web01.labels().keySet())
        .containsExactly("__name__", "datacenter", "instance", "job");
    assertThat(web01.labels()).containsEntry("__name__", "node_load1");
    assertThat(web01.latest()).isEqualTo(new Sample(T0 + 15_000, 0.75));
    assertThat(web01.samplesSince(T0 + 1)).containsExactly(new Sample(T0 + 15_000, 0.75));
    assertThat(web01.samplesSince(0))
        .containsExactly(new Sample(T0, 0.5), new Sample(T0 + 15_000, 0.75));
    assertThatThrownBy(() -> web01.labels().put("job", "other"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(meters.counter("vigie.monitoring.remote-write.samples.accepted").count())
        .isEqualTo(4);
    assertThat(meters.get("vigie.monitoring.metric-head.series").gauge().value()).isEqualTo(3);
  }

  @Test
  void aRetriedWriteChangesNothing() throws Exception {
    MetricHead head = head(100, Duration.ofMinutes(15), 1024);
    WriteRequest request =
        write(load1("web-01"), new long[] {T0, T0 + 15_000}, new double[] {0.5, 0.75});

    MetricHead.AppendResult first = head.append(request, NOW);
    MetricHead.AppendResult retry = head.append(request, NOW);

    assertThat(first).isEqualTo(new MetricHead.AppendResult(2, 0, 1, 0));
    assertThat(retry).isEqualTo(new MetricHead.AppendResult(0, 2, 0, 0));
    Series series = head.select("node_load1").iterator().next();
    assertThat(series.samplesSince(0)).hasSize(2);
    // an older or equal timestamp with another value is a duplicate too: the first value stands
    head.append(write(load1("web-01"), new long[] {T0 + 15_000}, new double[] {9}), NOW);
    assertThat(series.latest()).isEqualTo(new Sample(T0 + 15_000, 0.75));
    assertThat(meters.counter("vigie.monitoring.remote-write.samples.duplicate").count())
        .isEqualTo(3);
  }

  @Test
  void trimsSamplesToTheRetentionAndTheSampleCap() throws Exception {
    MetricHead head = head(100, Duration.ofMinutes(1), 5);
    SeriesLabels labels = load1("db-01");
    for (int i = 0; i < 10; i++) {
      head.append(write(labels, new long[] {T0 + i * 15_000L}, new double[] {i}), NOW);
    }
    Series series = head.select("node_load1").iterator().next();
    // 1 minute of retention at 15 s: T0+75s..T0+135s, i.e. samples 5..9 (the cap is 5 too)
    assertThat(series.samplesSince(0))
        .extracting(Sample::value)
        .containsExactly(5.0, 6.0, 7.0, 8.0, 9.0);

    MetricHead capped = head(100, Duration.ofHours(1), 3);
    for (int i = 0; i < 10; i++) {
      capped.append(write(labels, new long[] {T0 + i * 1000L}, new double[] {i}), NOW);
    }
    assertThat(capped.select("node_load1").iterator().next().samplesSince(0))
        .extracting(Sample::value)
        .containsExactly(7.0, 8.0, 9.0);
  }

  @Test
  void sweepsSeriesSilentForLongerThanTheRetention() throws Exception {
    MetricHead head = head(100, Duration.ofMinutes(15), 1024);
    head.append(write(load1("web-01"), new long[] {T0}, new double[] {1}), NOW);
    head.append(write(load1("web-02"), new long[] {T0 + 10 * 60_000}, new double[] {1}), NOW);

    assertThat(head.sweep(T0 + 15 * 60_000)).isZero();
    assertThat(head.sweep(T0 + 15 * 60_000 + 1)).isEqualTo(1);
    assertThat(head.sweep(T0 + 15 * 60_000 + 1)).isZero();

    assertThat(head.seriesCount()).isEqualTo(1);
    assertThat(head.select("node_load1"))
        .extracting(s -> s.labels().get("instance"))
        .containsExactly("web-02:9100");
    // a swept series comes back as a new one when its samples return
    head.append(write(load1("web-01"), new long[] {T0 + 20 * 60_000}, new double[] {3}), NOW);
    assertThat(head.select("node_load1")).hasSize(2);
    assertThat(head.sweep(T0 + 60 * 60_000)).isEqualTo(2);
    assertThat(head.select("node_load1")).isEmpty();
    assertThat(head.seriesCount()).isZero();
  }

  @Test
  void refusesNewSeriesBeyondTheLimitButFeedsExistingOnes() throws Exception {
    MetricHead head = head(2, Duration.ofMinutes(15), 1024);
    head.append(
        new WriteRequest(
            List.of(
                WriteRequest.TimeSeries.of(load1("web-01"), T0, 1),
                WriteRequest.TimeSeries.of(load1("web-02"), T0, 1))),
        NOW);

    MetricHead.AppendResult result =
        head.append(
            new WriteRequest(
                List.of(
                    WriteRequest.TimeSeries.of(load1("web-01"), T0 + 1000, 2),
                    WriteRequest.TimeSeries.of(load1("web-03"), T0 + 1000, 2),
                    WriteRequest.TimeSeries.of(load1("web-03"), T0 + 2000, 3),
                    WriteRequest.TimeSeries.of(load1("web-04"), T0 + 1000, 2))),
            NOW);

    assertThat(result).isEqualTo(new MetricHead.AppendResult(1, 0, 0, 2));
    assertThat(head.seriesCount()).isEqualTo(2);
    assertThat(head.select("node_load1")).hasSize(2);
    assertThat(meters.counter("vigie.monitoring.remote-write.series.refused").count()).isEqualTo(2);
    // once a series is swept, room is made for a new one
    head.append(write(load1("web-02"), new long[] {T0 + 30 * 60_000}, new double[] {1}), NOW);
    head.sweep(T0 + 20 * 60_000);
    assertThat(
            head.append(
                    write(load1("web-03"), new long[] {T0 + 30 * 60_000}, new double[] {1}), NOW)
                .seriesCreated())
        .isEqualTo(1);
  }

  @Test
  void aStalenessMarkerEndsTheLatestValue() throws Exception {
    MetricHead head = head(100, Duration.ofMinutes(15), 1024);
    SeriesLabels labels = load1("web-01");
    head.append(
        write(labels, new long[] {T0, T0 + 15_000}, new double[] {0.5, Sample.STALE_NAN}), NOW);
    Series series = head.select("node_load1").iterator().next();

    assertThat(series.latest()).isNull();
    assertThat(series.samplesSince(0)).containsExactly(new Sample(T0, 0.5));
    // an ordinary NaN is a value, not staleness
    head.append(write(labels, new long[] {T0 + 30_000}, new double[] {Double.NaN}), NOW);
    assertThat(series.latest()).isNotNull();
    assertThat(series.latest().value()).isNaN();
    // the target is back
    head.append(write(labels, new long[] {T0 + 45_000}, new double[] {0.25}), NOW);
    assertThat(series.latest()).isEqualTo(new Sample(T0 + 45_000, 0.25));
  }

  @Test
  void refusesSamplesFromTheFutureBeforeWritingAnything() throws Exception {
    MetricHead head = head(100, Duration.ofMinutes(15), 1024);
    WriteRequest request =
        new WriteRequest(
            List.of(
                WriteRequest.TimeSeries.of(load1("web-01"), NOW, 1),
                new WriteRequest.TimeSeries(
                    load1("web-02"),
                    new long[] {NOW, NOW + Duration.ofMinutes(11).toMillis()},
                    new double[] {1, 2})));

    assertThatThrownBy(() -> head.append(request, NOW))
        .isInstanceOfSatisfying(
            InvalidWriteRequest.class,
            e -> assertThat(e.field()).isEqualTo("timeseries[1].samples[1].timestamp"));
    assertThat(head.seriesCount()).isZero();
  }

  @Test
  void concurrentWritersCreateEachSeriesOnceAndRespectTheLimit() throws Exception {
    MetricHead head = head(150, Duration.ofMinutes(15), 1024);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<MetricHead.AppendResult>> results = new ArrayList<>();
      for (int writer = 0; writer < 4; writer++) {
        results.add(
            pool.submit(
                () -> {
                  List<WriteRequest.TimeSeries> all = new ArrayList<>();
                  for (int host = 0; host < 200; host++) {
                    all.add(WriteRequest.TimeSeries.of(load1("host-" + host), T0, host));
                  }
                  return head.append(new WriteRequest(all), NOW);
                }));
      }
      int accepted = 0;
      int duplicates = 0;
      for (Future<MetricHead.AppendResult> result : results) {
        accepted += result.get().samplesAccepted();
        duplicates += result.get().duplicates();
      }
      assertThat(accepted).isEqualTo(150);
      assertThat(accepted + duplicates).isEqualTo(600);
      assertThat(head.seriesCount()).isEqualTo(150);
      assertThat(head.select("node_load1")).hasSize(150);
    } finally {
      pool.shutdownNow();
    }
  }
}
