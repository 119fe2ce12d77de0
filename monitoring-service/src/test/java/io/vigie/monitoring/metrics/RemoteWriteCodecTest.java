package io.vigie.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

class RemoteWriteCodecTest {

  private final RemoteWriteCodec codec = new RemoteWriteCodec(1 << 20);

  static WriteRequest sample() {
    return new WriteRequest(
        List.of(
            new WriteRequest.TimeSeries(
                SeriesLabels.of(
                    "__name__", "node_cpu_seconds_total",
                    "instance", "web-01.par-dc2.example.net:9100",
                    "job", "node",
                    "cpu", "3",
                    "mode", "idle"),
                new long[] {1_763_762_400_000L, 1_763_762_415_000L, 1_763_762_430_000L},
                new double[] {181_234.52, 181_249.5, 181_264.49}),
            new WriteRequest.TimeSeries(
                SeriesLabels.of(
                    "__name__", "node_filesystem_avail_bytes",
                    "device", "/dev/md2",
                    "fstype", "ext4",
                    "mountpoint", "/var/lib/mysql",
                    "vigie_server_id", "0195f0c6-1f53-7a43-9d54-3c1f2b7e9a10"),
                new long[] {-1, 0, 1_763_762_400_000L},
                new double[] {Double.NaN, Double.POSITIVE_INFINITY, Sample.STALE_NAN}),
            new WriteRequest.TimeSeries(
                SeriesLabels.of("__name__", "up", "instance", "dns-ns1:9100"),
                new long[0],
                new double[0])));
  }

  @Test
  void encodesAndDecodesBackTheSameRequest() throws Exception {
    WriteRequest request = sample();
    byte[] body = RemoteWriteCodec.encode(request);

    WriteRequest decoded = codec.decode(body);

    assertThat(decoded).isEqualTo(request);
    assertThat(decoded.sampleCount()).isEqualTo(6);
    assertThat(Sample.isStaleMarker(decoded.timeseries().get(1).values()[2])).isTrue();
    assertThat(Sample.isStaleMarker(decoded.timeseries().get(1).values()[0])).isFalse();
    assertThat(decoded.timeseries().get(0).labels().asMap().keySet())
        .containsExactly("__name__", "cpu", "instance", "job", "mode");
  }

  @Test
  void anEmptyRequestIsValid() throws Exception {
    assertThat(codec.decode(RemoteWriteCodec.encode(new WriteRequest(List.of()))).timeseries())
        .isEmpty();
  }

  @Test
  void sortsLabelsSkipsUnusedFieldsAndDropsEmptyValues() throws Exception {
    byte[] label1 = label("job", "node");
    byte[] label2 = label("__name__", "node_load1");
    byte[] emptyValue = label("zone", "");
    byte[] exemplar = message(out -> out.writeString(1, "trace_id"));
    byte[] histogram = message(out -> out.writeUInt64(1, 42));
    byte[] series =
        message(
            out -> {
              out.writeByteArray(1, label1);
              out.writeByteArray(3, exemplar);
              out.writeByteArray(1, label2);
              out.writeByteArray(1, emptyValue);
              out.writeByteArray(2, sampleBytes(0.42, 1000));
              out.writeByteArray(4, histogram);
              out.writeFixed32(15, 7); // a field from a newer version
              out.writeTag(16, WireFormat.WIRETYPE_START_GROUP);
              out.writeUInt64(1, 1);
              out.writeTag(16, WireFormat.WIRETYPE_END_GROUP);
            });
    byte[] metadata =
        message(
            out -> {
              out.writeEnum(1, 1);
              out.writeString(2, "node_load1");
              out.writeString(4, "1m load average.");
            });
    byte[] request =
        message(
            out -> {
              out.writeByteArray(3, metadata);
              out.writeByteArray(1, series);
              out.writeUInt64(2, 9); // reserved field number
            });

    WriteRequest decoded = codec.decode(Snappy.compress(request));

    assertThat(decoded.timeseries()).hasSize(1);
    WriteRequest.TimeSeries ts = decoded.timeseries().get(0);
    assertThat(ts.labels()).isEqualTo(SeriesLabels.of("__name__", "node_load1", "job", "node"));
    assertThat(ts.timestamps()).containsExactly(1000L);
    assertThat(ts.values()).containsExactly(0.42);
  }

  @Test
  void refusesAnEmptyBody() {
    assertRefused(new byte[0], "body", "empty");
  }

  @Test
  void refusesBadSnappy() {
    byte[] garbage = {10, (byte) 0xff, (byte) 0xfe, 1, 2, 3, 4};
    assertRefused(garbage, "body", "snappy");
    assertRefused(
        new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1},
        "body",
        "length header");
    assertRefused(new byte[] {(byte) 0x80}, "body", "truncated length header");
  }

  @Test
  void checksTheDeclaredSizeBeforeAllocating() throws Exception {
    // a real snappy block of 2 MiB of zeros: compresses to ~100 KiB, declares 2 MiB
    byte[] body = Snappy.compress(new byte[2 << 20]);
    assertThat(RemoteWriteCodec.declaredLength(body)).isEqualTo(2 << 20);
    assertRefused(body, "body", "more than the limit of " + (1 << 20));
    // a header alone declaring 4 GiB - 1: refused without trying to allocate it
    assertRefused(
        new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f},
        "body",
        "declares 4294967295 bytes");
  }

  @Test
  void refusesTruncatedProtobuf() throws Exception {
    byte[] protobuf = RemoteWriteCodec.encodeProtobuf(sample());
    for (int length = 1; length < protobuf.length; length++) {
      byte[] prefix = Arrays.copyOf(protobuf, length);
      try {
        codec.decode(Snappy.compress(prefix));
      } catch (InvalidWriteRequest e) {
        assertThat(e.field()).startsWith("timeseries[");
        continue;
      }
      // some prefixes end exactly between two series and are a shorter, valid request
      assertThat(RemoteWriteCodec.decodeProtobuf(prefix).timeseries().size()).isLessThan(3);
    }
    assertRefused(
        Snappy.compress(Arrays.copyOf(protobuf, protobuf.length - 3)),
        "timeseries[",
        "not valid protobuf");
  }

  @Test
  void refusesKnownFieldsWithTheWrongWireType() throws Exception {
    assertRefused(snappy(out -> out.writeUInt64(1, 5)), "timeseries[0]", "wire type 0");
    byte[] sampleAsVarint = message(out -> out.writeUInt64(1, 4607182418800017408L));
    byte[] series =
        message(
            out -> {
              out.writeByteArray(1, label("__name__", "up"));
              out.writeByteArray(2, sampleAsVarint);
            });
    assertRefused(
        snappy(out -> out.writeByteArray(1, series)),
        "timeseries[0].samples[0].value",
        "expected 1");
    byte[] nameAsFixed32 = message(out -> out.writeFixed32(1, 7));
    byte[] badLabel =
        message(
            out -> {
              out.writeByteArray(1, label("__name__", "up"));
              out.writeByteArray(1, nameAsFixed32);
            });
    assertRefused(
        snappy(out -> out.writeByteArray(1, badLabel)),
        "timeseries[0].labels[1].name",
        "wire type 5");
  }

  @Test
  void refusesAStrayEndGroupAndFieldZero() throws Exception {
    assertRefused(
        snappy(out -> out.writeTag(7, WireFormat.WIRETYPE_END_GROUP)), "body", "end-group");
    assertRefused(Snappy.compress(new byte[] {0, 0}), "body", "not valid protobuf");
  }

  @Test
  void refusesLabelsThatAreNotUtf8() throws Exception {
    byte[] badValue =
        message(
            out -> {
              out.writeString(1, "mountpoint");
              out.writeByteArray(2, new byte[] {'/', 's', 'r', 'v', (byte) 0xe9});
            });
    byte[] series =
        message(
            out -> {
              out.writeByteArray(1, label("__name__", "node_filesystem_avail_bytes"));
              out.writeByteArray(1, badValue);
            });
    assertRefused(
        snappy(out -> out.writeByteArray(1, series)), "timeseries[0].labels[1].value", "UTF-8");
  }

  @Test
  void refusesASeriesWithoutName() throws Exception {
    assertRefused(
        snappy(
            out ->
                out.writeByteArray(
                    1, message(s -> s.writeByteArray(1, label("instance", "web-01:9100"))))),
        "timeseries[0].labels",
        "__name__");
    assertRefused(
        snappy(
            out -> out.writeByteArray(1, message(s -> s.writeByteArray(1, label("__name__", ""))))),
        "timeseries[0].labels",
        "__name__");
  }

  @Test
  void refusesDuplicateAndEmptyLabelNames() throws Exception {
    byte[] duplicate =
        message(
            s -> {
              s.writeByteArray(1, label("__name__", "up"));
              s.writeByteArray(1, label("job", "node"));
              s.writeByteArray(1, label("job", "blackbox"));
            });
    byte[] ok = message(s -> s.writeByteArray(1, label("__name__", "up")));
    assertRefused(
        snappy(
            out -> {
              out.writeByteArray(1, ok);
              out.writeByteArray(1, duplicate);
            }),
        "timeseries[1].labels",
        "job appears more than once");
    byte[] emptyName =
        message(
            s -> {
              s.writeByteArray(1, label("__name__", "up"));
              s.writeByteArray(1, label("", "x"));
            });
    assertRefused(
        snappy(out -> out.writeByteArray(1, emptyName)),
        "timeseries[0].labels[1].name",
        "cannot be empty");
  }

  @Test
  void bitFlipsAndRandomBodiesAreRefusedCleanlyOrDecoded() throws Exception {
    byte[] protobuf = RemoteWriteCodec.encodeProtobuf(sample());
    byte[] body = Snappy.compress(protobuf);
    Random random = new Random(20261121);
    for (int i = 0; i < 3000; i++) {
      byte[] mutated;
      switch (i % 3) {
        case 0 -> {
          mutated = Snappy.compress(flip(protobuf, random));
        }
        case 1 -> mutated = flip(body, random);
        default -> {
          mutated = new byte[random.nextInt(200)];
          random.nextBytes(mutated);
        }
      }
      try {
        WriteRequest decoded = codec.decode(mutated);
        for (WriteRequest.TimeSeries ts : decoded.timeseries()) {
          assertThat(ts.labels().metricName()).isNotEmpty();
        }
      } catch (InvalidWriteRequest expected) {
        assertThat(expected.field()).isNotBlank();
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  private static byte[] flip(byte[] original, Random random) {
    byte[] copy = original.clone();
    int flips = 1 + random.nextInt(3);
    for (int f = 0; f < flips; f++) {
      int at = random.nextInt(copy.length);
      copy[at] ^= (byte) (1 << random.nextInt(8));
    }
    return copy;
  }

  private void assertRefused(byte[] body, String field, String message) {
    assertThatThrownBy(() -> codec.decode(body))
        .isInstanceOfSatisfying(
            InvalidWriteRequest.class,
            e -> {
              assertThat(e.field()).startsWith(field);
              assertThat(e.getMessage()).contains(message);
            });
  }

  interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  static byte[] message(Writer writer) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    writer.write(out);
    out.flush();
    return bytes.toByteArray();
  }

  static byte[] snappy(Writer writer) throws IOException {
    return Snappy.compress(message(writer));
  }

  static byte[] label(String name, String value) throws IOException {
    return message(
        out -> {
          out.writeString(1, name);
          out.writeString(2, value);
        });
  }

  static byte[] sampleBytes(double value, long timestamp) throws IOException {
    return message(
        out -> {
          out.writeDouble(1, value);
          out.writeInt64(2, timestamp);
        });
  }
}
