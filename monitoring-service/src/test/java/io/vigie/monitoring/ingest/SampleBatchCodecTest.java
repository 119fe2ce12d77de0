package io.vigie.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.monitoring.metrics.RemoteWriteCodec;
import io.vigie.monitoring.metrics.Sample;
import io.vigie.monitoring.metrics.SeriesLabels;
import io.vigie.monitoring.metrics.WriteRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The samples topic's record format and partitioning, plain Java. */
class SampleBatchCodecTest {

  private static final long T0 = 1_764_460_800_000L;

  @Test
  void aBatchRoundTripsWithTheExactBitsOfEveryValue() {
    SeriesLabels load =
        SeriesLabels.of("__name__", "node_load1", "instance", "web-01:9100", "job", "node");
    SeriesLabels fs =
        SeriesLabels.of(
            "__name__", "node_filesystem_avail_bytes", "mountpoint", "/var", "server_id", "x");
    List<WriteRequest.TimeSeries> series =
        List.of(
            new WriteRequest.TimeSeries(
                load,
                new long[] {T0, T0 + 15_000, T0 + 14_000, T0 + 30_000},
                new double[] {0.5, Double.NaN, -3.25e-9, Sample.STALE_NAN}),
            new WriteRequest.TimeSeries(fs, new long[] {T0}, new double[] {8.5e9}),
            new WriteRequest.TimeSeries(load, new long[0], new double[0]));

    WriteRequest decoded = SampleBatchCodec.decode(SampleBatchCodec.encode(series));

    assertThat(decoded.timeseries()).isEqualTo(series);
    assertThat(Sample.isStaleMarker(decoded.timeseries().get(0).values()[3])).isTrue();
    assertThat(decoded.timeseries().get(1).labels().get("mountpoint")).isEqualTo("/var");
  }

  @Test
  void aBatchIsSmallerThanTheRemoteWriteProtobufOfTheSameSamples() {
    List<WriteRequest.TimeSeries> series = new ArrayList<>();
    for (int cpu = 0; cpu < 16; cpu++) {
      long[] timestamps = new long[20];
      double[] values = new double[20];
      for (int i = 0; i < 20; i++) {
        timestamps[i] = T0 + i * 15_000L;
        values[i] = 1000.25 + i * cpu;
      }
      series.add(
          new WriteRequest.TimeSeries(
              SeriesLabels.of(
                  "__name__",
                  "node_cpu_seconds_total",
                  "cpu",
                  String.valueOf(cpu),
                  "mode",
                  "idle",
                  "instance",
                  "web-01:9100",
                  "job",
                  "node"),
              timestamps,
              values));
    }
    byte[] batch = SampleBatchCodec.encode(series);

    assertThat(batch.length)
        .isLessThan(RemoteWriteCodec.encodeProtobuf(new WriteRequest(series)).length);
  }

  @Test
  void somethingElseIsRefused() {
    byte[] batch =
        SampleBatchCodec.encode(
            List.of(WriteRequest.TimeSeries.of(SeriesLabels.of("__name__", "up"), T0, 1)));
    assertThatThrownBy(() -> SampleBatchCodec.decode(Arrays.copyOf(batch, batch.length - 3)))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] otherVersion = batch.clone();
    otherVersion[0] = 9;
    assertThatThrownBy(() -> SampleBatchCodec.decode(otherVersion))
        .hasMessageContaining("version 9");
  }

  @Test
  void aPartitionsLabelCacheGivesBackTheSameLabelsForASeriesSeenBefore() {
    SeriesLabels load =
        SeriesLabels.of("__name__", "node_load1", "instance", "web-01:9100", "job", "node");
    SeriesLabels idle =
        SeriesLabels.of("__name__", "node_cpu_seconds_total", "cpu", "0", "instance", "web-01");
    SeriesLabels user =
        SeriesLabels.of("__name__", "node_cpu_seconds_total", "cpu", "1", "instance", "web-01");
    SampleBatchCodec.LabelCache known = new SampleBatchCodec.LabelCache(2);
    List<WriteRequest.TimeSeries> first =
        List.of(WriteRequest.TimeSeries.of(load, T0, 1.5), WriteRequest.TimeSeries.of(idle, T0, 7));
    List<WriteRequest.TimeSeries> second =
        List.of(
            WriteRequest.TimeSeries.of(idle, T0 + 15_000, 8),
            WriteRequest.TimeSeries.of(load, T0 + 15_000, 1.25));

    WriteRequest one = SampleBatchCodec.decode(SampleBatchCodec.encode(first), known);
    WriteRequest two = SampleBatchCodec.decode(SampleBatchCodec.encode(second), known);

    assertThat(one.timeseries()).isEqualTo(first);
    assertThat(two.timeseries()).isEqualTo(second);
    assertThat(two.timeseries().get(0).labels()).isSameAs(one.timeseries().get(1).labels());
    assertThat(two.timeseries().get(1).labels()).isSameAs(one.timeseries().get(0).labels());
    assertThat(known.size()).isEqualTo(2);

    // full: a new series starts the cache over, and decodes as well
    WriteRequest three =
        SampleBatchCodec.decode(
            SampleBatchCodec.encode(List.of(WriteRequest.TimeSeries.of(user, T0, 3))), known);
    assertThat(three.timeseries().get(0).labels()).isEqualTo(user);
    assertThat(known.size()).isEqualTo(1);
    WriteRequest four = SampleBatchCodec.decode(SampleBatchCodec.encode(first), known);
    assertThat(four.timeseries()).isEqualTo(first);
  }

  @Test
  void countsBeyondTheBatchAreRefusedWithoutSizingAnything() {
    // version 1, one series, 2^28 labels / one series of no labels and 2^28 samples
    byte[] manyLabels = {1, 1, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
    byte[] manySamples = {1, 1, 0, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
    for (byte[] broken : List.of(manyLabels, manySamples)) {
      assertThatThrownBy(() -> SampleBatchCodec.decode(broken))
          .hasMessage("truncated sample batch");
      assertThatThrownBy(() -> SampleBatchCodec.decode(broken, new SampleBatchCodec.LabelCache(10)))
          .hasMessage("truncated sample batch");
    }
  }

  @Test
  void everySeriesOfATargetGoesToOnePartitionAsAnAlertOfItIsMappedBack() {
    String server = "0195f0c6-1f53-7a43-9d54-3c1f2b7e9a10";
    SeriesLabels load =
        SeriesLabels.of("__name__", "node_load1", "instance", "10.0.0.7:9100", "server_id", server);
    SeriesLabels disk =
        SeriesLabels.of("__name__", "node_disk_io_now", "instance", "web", "server_id", server);
    assertThat(SampleRouting.targetKey(load))
        .isEqualTo(server)
        .isEqualTo(SampleRouting.targetKey(disk));
    // an alert's labels: the series' without __name__, plus the rule's
    assertThat(SampleRouting.targetKey(Map.of("server_id", server, "rule", "load-high")))
        .isEqualTo(server);

    SeriesLabels byInstance = SeriesLabels.of("__name__", "up", "instance", "db-02:9100");
    SeriesLabels byV6 = SeriesLabels.of("__name__", "up", "instance", "[2001:db8::7]:9100");
    SeriesLabels byHostname = SeriesLabels.of("__name__", "up", "hostname", "db-02");
    SeriesLabels none = SeriesLabels.of("__name__", "vigie_build_info");
    assertThat(SampleRouting.targetKey(byInstance)).isEqualTo("db-02");
    assertThat(SampleRouting.targetKey(byV6)).isEqualTo("2001:db8::7");
    assertThat(SampleRouting.targetKey(byHostname)).isEqualTo("db-02");
    assertThat(SampleRouting.targetKey(none)).isEqualTo("__name__=vigie_build_info");
    assertThat(SampleRouting.targetKey(Map.of("job", "node"))).isNull();

    for (int partitions : new int[] {1, 3, 12}) {
      int p = SampleRouting.partition("db-02", partitions);
      assertThat(p).isBetween(0, partitions - 1);
      assertThat(SampleRouting.partition("db-02", partitions)).isEqualTo(p);
    }
  }
}
