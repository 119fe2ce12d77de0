package io.vigie.monitoring.ingest;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.vigie.monitoring.metrics.SeriesLabels;
import io.vigie.monitoring.metrics.WriteRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  private static final String TRUNCATED = "truncated sample batch";

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
    return decode(batch, null);
  }

  /**
   * Decodes a batch, taking the labels of series {@code known} has seen before from it rather than
   * decoding them again (and adding the new ones); null decodes every label. {@link
   * IllegalArgumentException} for one that is not a batch.
   */
  public static WriteRequest decode(byte[] batch, LabelCache known) {
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
        // a label takes two bytes at least: a count beyond what is left is a broken batch (and
        // must not size an array)
        if (labelCount < 0 || labelCount > (batch.length - in.getTotalBytesRead()) / 2) {
          throw new IllegalArgumentException(TRUNCATED);
        }
        SeriesLabels labels;
        if (known == null) {
          labels = readLabels(in, labelCount);
        } else {
          int start = in.getTotalBytesRead();
          for (int i = 0; i < 2 * labelCount; i++) {
            in.skipRawBytes(in.readUInt32());
          }
          int end = in.getTotalBytesRead();
          labels = known.get(batch, start, end, labelCount);
          if (labels == null) {
            labels =
                readLabels(CodedInputStream.newInstance(batch, start, end - start), labelCount);
            known.put(batch, start, end, labelCount, labels);
          }
        }
        int samples = in.readUInt32();
        // a sample takes nine bytes at least (a timestamp delta and a value)
        if (samples < 0 || samples > (batch.length - in.getTotalBytesRead()) / 9) {
          throw new IllegalArgumentException(TRUNCATED);
        }
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
        series.add(new WriteRequest.TimeSeries(labels, timestamps, vs));
      }
      if (!in.isAtEnd()) {
        throw new IllegalArgumentException("trailing bytes after the sample batch");
      }
      return new WriteRequest(series);
    } catch (IOException e) {
      throw new IllegalArgumentException(TRUNCATED, e);
    }
  }

  private static SeriesLabels readLabels(CodedInputStream in, int labelCount) throws IOException {
    String[] names = new String[labelCount];
    String[] values = new String[labelCount];
    for (int i = 0; i < labelCount; i++) {
      names[i] = in.readString();
      values[i] = in.readString();
    }
    return SeriesLabels.ofSorted(names, values);
  }

  /**
   * The labels of the series a partition's batches carried, by their encoded bytes: the same series
   * comes back in every batch of its target, and looking its label block up costs a hash and a
   * comparison of bytes where decoding costs a string per name and value, a check of their order
   * and, in the head, a comparison of every string. The series then share one {@link SeriesLabels},
   * which the head finds by identity. At most {@code maxEntries} label sets are kept (all are
   * forgotten when it is reached). Not thread-safe: one per partition, used by one thread at a
   * time.
   */
  public static final class LabelCache {

    private final int maxEntries;
    private final Map<Block, SeriesLabels> known = new HashMap<>();
    private final Block probe = new Block();

    public LabelCache(int maxEntries) {
      this.maxEntries = Math.max(1, maxEntries);
    }

    /** How many label sets it holds. */
    public int size() {
      return known.size();
    }

    SeriesLabels get(byte[] bytes, int from, int to, int count) {
      probe.set(bytes, from, to, count);
      SeriesLabels found = known.get(probe);
      probe.set(null, 0, 0, 0);
      return found;
    }

    void put(byte[] bytes, int from, int to, int count, SeriesLabels labels) {
      if (known.size() >= maxEntries) {
        known.clear();
      }
      Block key = new Block();
      key.set(Arrays.copyOfRange(bytes, from, to), 0, to - from, count);
      known.put(key, labels);
    }

    /** A label block's bytes: a key (its own copy) or the probe (a range of a batch). */
    private static final class Block {
      private byte[] bytes;
      private int from;
      private int to;
      private int count;
      private int hash;

      void set(byte[] bytes, int from, int to, int count) {
        this.bytes = bytes;
        this.from = from;
        this.to = to;
        this.count = count;
        int h = count;
        for (int i = from; i < to; i++) {
          h = 31 * h + bytes[i];
        }
        this.hash = h;
      }

      @Override
      public int hashCode() {
        return hash;
      }

      @Override
      public boolean equals(Object other) {
        return other instanceof Block that
            && hash == that.hash
            && count == that.count
            && Arrays.equals(bytes, from, to, that.bytes, that.from, that.to);
      }
    }
  }
}
