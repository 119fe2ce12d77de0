package io.vigie.monitoring.ingest;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.vigie.monitoring.metrics.SeriesLabels;
import io.vigie.monitoring.metrics.WriteRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of a record on the samples topic: a batch of series with their samples, binary and
 * compact (the producer compresses record batches on top):
 *
 * <pre>
 * batch   = version(1 byte, 1) seriesCount(varint) series*
 * series  = labelCount(varint) (name value)* sampleCount(varint)
 *           firstTimestamp(zigzag varint) timestampDelta(zigzag varint)* value(fixed64)*
 * string  = length(varint) UTF-8 bytes
 * </pre>
 *
 * Labels are written sorted, as the head keeps them; values keep their exact bits (the staleness
 * marker survives). Plain Java.
 */
public final class SampleBatchCodec {

  static final int VERSION = 1;

  private SampleBatchCodec() {}

  /** Encodes the series (labels, timestamps, values). */
  public static byte[] encode(List<WriteRequest.TimeSeries> series) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 64 * series.size());
    CodedOutputStream out = CodedOutputStream.newInstance(bytes, 8192);
    try {
      out.writeRawByte((byte) VERSION);
      out.writeUInt32NoTag(series.size());
      for (WriteRequest.TimeSeries ts : series) {
        SeriesLabels labels = ts.labels();
        out.writeUInt32NoTag(labels.size());
        for (int i = 0; i < labels.size(); i++) {
          out.writeStringNoTag(labels.name(i));
          out.writeStringNoTag(labels.value(i));
        }
        long[] timestamps = ts.timestamps();
        double[] values = ts.values();
        out.writeUInt32NoTag(timestamps.length);
        long previous = 0;
        for (long timestamp : timestamps) {
          out.writeSInt64NoTag(timestamp - previous);
          previous = timestamp;
        }
        for (double value : values) {
          out.writeFixed64NoTag(Double.doubleToRawLongBits(value));
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Roughly how many bytes {@link #encode} writes for one series, to split large batches. */
  public static int estimatedSize(WriteRequest.TimeSeries ts) {
    SeriesLabels labels = ts.labels();
    int size = 4;
    for (int i = 0; i < labels.size(); i++) {
      size += labels.name(i).length() + labels.value(i).length() + 2;
    }
    return size + 12 * ts.timestamps().length;
  }

  /** Decodes a batch; {@link IllegalArgumentException} for one that is not a batch. */
  public static WriteRequest decode(byte[] batch) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(batch);
      int version = in.readRawByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("unknown sample batch version " + version);
      }
      int count = in.readUInt32();
      List<WriteRequest.TimeSeries> series = new ArrayList<>(Math.min(count, 1 << 16));
      for (int s = 0; s < count; s++) {
        int labelCount = in.readUInt32();
        String[] names = new String[labelCount];
        String[] values = new String[labelCount];
        for (int i = 0; i < labelCount; i++) {
          names[i] = in.readString();
          values[i] = in.readString();
        }
        int samples = in.readUInt32();
        long[] timestamps = new long[samples];
        double[] vs = new double[samples];
        long previous = 0;
        for (int i = 0; i < samples; i++) {
          previous += in.readSInt64();
          timestamps[i] = previous;
        }
        for (int i = 0; i < samples; i++) {
          vs[i] = Double.longBitsToDouble(in.readFixed64());
        }
        series.add(
            new WriteRequest.TimeSeries(SeriesLabels.ofSorted(names, values), timestamps, vs));
      }
      if (!in.isAtEnd()) {
        throw new IllegalArgumentException("trailing bytes after the sample batch");
      }
      return new WriteRequest(series);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated sample batch", e);
    }
  }
}
