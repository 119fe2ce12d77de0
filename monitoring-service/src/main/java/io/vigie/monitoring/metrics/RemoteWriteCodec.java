package io.vigie.monitoring.metrics;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xerial.snappy.Snappy;

/**
 * Prometheus remote_write 1.0 on the wire: a snappy block (not framed) holding a protobuf {@code
 * prometheus.WriteRequest}, read and written by hand with protobuf-java's coded streams, no
 * generated code:
 *
 * <pre>
 * WriteRequest { repeated TimeSeries timeseries = 1; reserved 2; repeated MetricMetadata metadata = 3; }
 * TimeSeries   { repeated Label labels = 1; repeated Sample samples = 2;
 *                repeated Exemplar exemplars = 3; repeated Histogram histograms = 4; }
 * Label        { string name = 1; string value = 2; }
 * Sample       { double value = 1; int64 timestamp = 2; }   // timestamp in Unix milliseconds
 * </pre>
 *
 * Metadata, exemplars, native histograms and unknown fields are skipped. Decoding refuses, with an
 * {@link InvalidWriteRequest} naming the place, anything malformed: bad snappy, a declared
 * uncompressed size over the limit (checked before allocating), truncated or invalid protobuf, a
 * known field with the wrong wire type, a label that is not UTF-8, an empty or duplicate label
 * name, a series without {@code __name__}. Labels come out sorted by name; labels with an empty
 * value are dropped, as Prometheus does.
 */
public final class RemoteWriteCodec {

  private static final int TIMESERIES = 1;
  private static final int LABELS = 1;
  private static final int SAMPLES = 2;
  private static final int LABEL_NAME = 1;
  private static final int LABEL_VALUE = 2;
  private static final int SAMPLE_VALUE = 1;
  private static final int SAMPLE_TIMESTAMP = 2;

  private final long maxDecodedBytes;

  /** A codec that refuses bodies declaring more than {@code maxDecodedBytes} once uncompressed. */
  public RemoteWriteCodec(long maxDecodedBytes) {
    this.maxDecodedBytes = maxDecodedBytes;
  }

  /** Decodes a snappy-compressed request body. */
  public WriteRequest decode(byte[] body) throws InvalidWriteRequest {
    return decodeProtobuf(uncompress(body));
  }

  /**
   * Uncompresses a snappy block, checking the size its header declares against the limit before
   * allocating anything.
   */
  public byte[] uncompress(byte[] body) throws InvalidWriteRequest {
    if (body == null || body.length == 0) {
      throw new InvalidWriteRequest("body", "is empty; expected a snappy-compressed WriteRequest");
    }
    long declared = declaredLength(body);
    if (declared > maxDecodedBytes) {
      throw new InvalidWriteRequest(
          "body",
          "declares "
              + declared
              + " bytes once uncompressed, more than the limit of "
              + maxDecodedBytes
              + "; send smaller batches (queue_config.max_samples_per_send)");
    }
    byte[] out = new byte[(int) declared];
    try {
      int written = Snappy.uncompress(body, 0, body.length, out, 0);
      if (written != declared) {
        throw new InvalidWriteRequest("body", "is not valid snappy: wrong uncompressed length");
      }
    } catch (IOException | RuntimeException e) {
      // snappy-java reports corrupt input as IOException (FAILED_TO_UNCOMPRESS) or, for some
      // inputs, as an unchecked SnappyError
      throw new InvalidWriteRequest("body", "is not a valid snappy block (block format, unframed)");
    }
    return out;
  }

  /** The uncompressed length a snappy block declares: a little-endian varint of at most 32 bits. */
  static long declaredLength(byte[] body) throws InvalidWriteRequest {
    long length = 0;
    for (int i = 0; i < 5; i++) {
      if (i >= body.length) {
        throw new InvalidWriteRequest("body", "is not valid snappy: truncated length header");
      }
      int b = body[i] & 0xff;
      length |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        if (length > 0xffffffffL) {
          break;
        }
        return length;
      }
    }
    throw new InvalidWriteRequest("body", "is not valid snappy: bad length header");
  }

  /** Decodes an uncompressed {@code prometheus.WriteRequest}. */
  public static WriteRequest decodeProtobuf(byte[] protobuf) throws InvalidWriteRequest {
    return new Decoder(protobuf).request();
  }

  /** Encodes a request as protobuf, uncompressed. */
  public static byte[] encodeProtobuf(WriteRequest request) {
    int size = 0;
    int[] seriesSizes = new int[request.timeseries().size()];
    for (int i = 0; i < seriesSizes.length; i++) {
      seriesSizes[i] = seriesSize(request.timeseries().get(i));
      size +=
          CodedOutputStream.computeTagSize(TIMESERIES)
              + CodedOutputStream.computeUInt32SizeNoTag(seriesSizes[i])
              + seriesSizes[i];
    }
    byte[] out = new byte[size];
    CodedOutputStream stream = CodedOutputStream.newInstance(out);
    try {
      for (int i = 0; i < seriesSizes.length; i++) {
        WriteRequest.TimeSeries series = request.timeseries().get(i);
        stream.writeTag(TIMESERIES, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        stream.writeUInt32NoTag(seriesSizes[i]);
        SeriesLabels labels = series.labels();
        for (int l = 0; l < labels.size(); l++) {
          stream.writeTag(LABELS, WireFormat.WIRETYPE_LENGTH_DELIMITED);
          stream.writeUInt32NoTag(labelSize(labels, l));
          stream.writeString(LABEL_NAME, labels.name(l));
          stream.writeString(LABEL_VALUE, labels.value(l));
        }
        for (int s = 0; s < series.timestamps().length; s++) {
          stream.writeTag(SAMPLES, WireFormat.WIRETYPE_LENGTH_DELIMITED);
          stream.writeUInt32NoTag(sampleSize(series.timestamps()[s]));
          stream.writeDouble(SAMPLE_VALUE, series.values()[s]);
          stream.writeInt64(SAMPLE_TIMESTAMP, series.timestamps()[s]);
        }
      }
      stream.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Encodes a request as a remote_write body: protobuf in a snappy block. */
  public static byte[] encode(WriteRequest request) {
    try {
      return Snappy.compress(encodeProtobuf(request));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int seriesSize(WriteRequest.TimeSeries series) {
    int size = 0;
    SeriesLabels labels = series.labels();
    for (int l = 0; l < labels.size(); l++) {
      int label = labelSize(labels, l);
      size += 1 + CodedOutputStream.computeUInt32SizeNoTag(label) + label;
    }
    for (long timestamp : series.timestamps()) {
      int sample = sampleSize(timestamp);
      size += 1 + CodedOutputStream.computeUInt32SizeNoTag(sample) + sample;
    }
    return size;
  }

  private static int labelSize(SeriesLabels labels, int index) {
    return CodedOutputStream.computeStringSize(LABEL_NAME, labels.name(index))
        + CodedOutputStream.computeStringSize(LABEL_VALUE, labels.value(index));
  }

  private static int sampleSize(long timestamp) {
    return CodedOutputStream.computeDoubleSize(SAMPLE_VALUE, 0)
        + CodedOutputStream.computeInt64Size(SAMPLE_TIMESTAMP, timestamp);
  }

  /** One pass over one request; remembers where it is so that errors can say so. */
  private static final class Decoder {

    private final CodedInputStream in;
    private int series = -1;
    private int label = -1;
    private int sample = -1;
    private String part = "";

    Decoder(byte[] protobuf) {
      this.in = CodedInputStream.newInstance(protobuf);
    }

    WriteRequest request() throws InvalidWriteRequest {
      try {
        List<WriteRequest.TimeSeries> timeseries = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
          if (WireFormat.getTagFieldNumber(tag) == TIMESERIES) {
            series++;
            label = -1;
            sample = -1;
            part = "";
            expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            int limit = in.pushLimit(in.readRawVarint32());
            timeseries.add(timeSeries());
            in.popLimit(limit);
          } else {
            skip(tag);
          }
        }
        return new WriteRequest(timeseries);
      } catch (InvalidProtocolBufferException e) {
        throw new InvalidWriteRequest(where(), "is not valid protobuf: " + e.getMessage());
      } catch (IOException | RuntimeException e) {
        // CodedInputStream reports bad input as InvalidProtocolBufferException; anything else
        // means input it did not foresee, which is still the sender's fault, not ours
        throw new InvalidWriteRequest(where(), "cannot be decoded as protobuf");
      }
    }

    private WriteRequest.TimeSeries timeSeries() throws IOException, InvalidWriteRequest {
      List<String> names = new ArrayList<>(16);
      List<String> values = new ArrayList<>(16);
      long[] timestamps = new long[8];
      double[] samples = new double[8];
      int count = 0;
      int tag;
      while ((tag = in.readTag()) != 0) {
        switch (WireFormat.getTagFieldNumber(tag)) {
          case LABELS -> {
            label++;
            part = ".labels[" + label + "]";
            expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            int limit = in.pushLimit(in.readRawVarint32());
            String name = "";
            String value = "";
            int field;
            while ((field = in.readTag()) != 0) {
              switch (WireFormat.getTagFieldNumber(field)) {
                case LABEL_NAME -> {
                  part = ".labels[" + label + "].name";
                  expect(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                  name = in.readStringRequireUtf8();
                }
                case LABEL_VALUE -> {
                  part = ".labels[" + label + "].value";
                  expect(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                  value = in.readStringRequireUtf8();
                }
                default -> skip(field);
              }
            }
            in.popLimit(limit);
            part = ".labels[" + label + "].name";
            if (name.isEmpty()) {
              throw new InvalidWriteRequest(where(), "a label name cannot be empty");
            }
            names.add(name);
            values.add(value);
          }
          case SAMPLES -> {
            sample++;
            part = ".samples[" + sample + "]";
            expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            int limit = in.pushLimit(in.readRawVarint32());
            long bits = 0;
            long timestamp = 0;
            int field;
            while ((field = in.readTag()) != 0) {
              switch (WireFormat.getTagFieldNumber(field)) {
                case SAMPLE_VALUE -> {
                  part = ".samples[" + sample + "].value";
                  expect(field, WireFormat.WIRETYPE_FIXED64);
                  bits = in.readRawLittleEndian64();
                }
                case SAMPLE_TIMESTAMP -> {
                  part = ".samples[" + sample + "].timestamp";
                  expect(field, WireFormat.WIRETYPE_VARINT);
                  timestamp = in.readInt64();
                }
                default -> skip(field);
              }
            }
            in.popLimit(limit);
            if (count == timestamps.length) {
              timestamps = Arrays.copyOf(timestamps, count * 2);
              samples = Arrays.copyOf(samples, count * 2);
            }
            timestamps[count] = timestamp;
            samples[count] = Double.longBitsToDouble(bits);
            count++;
          }
          default -> {
            // exemplars (3), native histograms (4) and anything newer: not kept
            part = "";
            skip(tag);
          }
        }
      }
      part = ".labels";
      return new WriteRequest.TimeSeries(
          labels(names, values), Arrays.copyOf(timestamps, count), Arrays.copyOf(samples, count));
    }

    /** Sorts the labels, refuses duplicate names and a missing {@code __name__}. */
    private SeriesLabels labels(List<String> names, List<String> values)
        throws InvalidWriteRequest {
      int count = names.size();
      Integer[] order = null;
      for (int i = 1; i < count; i++) {
        if (names.get(i - 1).compareTo(names.get(i)) >= 0) {
          // senders should sort labels (the spec says MUST) and Prometheus does: sort only if not
          order = new Integer[count];
          for (int j = 0; j < count; j++) {
            order[j] = j;
          }
          Arrays.sort(order, (a, b) -> names.get(a).compareTo(names.get(b)));
          break;
        }
      }
      String[] sortedNames = new String[count];
      String[] sortedValues = new String[count];
      int kept = 0;
      String previous = null;
      for (int at = 0; at < count; at++) {
        int i = order == null ? at : order[at];
        String name = names.get(i);
        if (name.equals(previous)) {
          throw new InvalidWriteRequest(where(), "label " + name + " appears more than once");
        }
        previous = name;
        if (!values.get(i).isEmpty()) {
          sortedNames[kept] = name;
          sortedValues[kept] = values.get(i);
          kept++;
        }
      }
      SeriesLabels labels =
          kept == count
              ? new SeriesLabels(sortedNames, sortedValues)
              : new SeriesLabels(
                  Arrays.copyOf(sortedNames, kept), Arrays.copyOf(sortedValues, kept));
      if (labels.metricName() == null) {
        throw new InvalidWriteRequest(
            where(), "a series needs a non-empty " + SeriesLabels.METRIC_NAME + " label");
      }
      return labels;
    }

    private void expect(int tag, int wireType) throws InvalidWriteRequest {
      if (WireFormat.getTagWireType(tag) != wireType) {
        throw new InvalidWriteRequest(
            where(),
            "field "
                + WireFormat.getTagFieldNumber(tag)
                + " has wire type "
                + WireFormat.getTagWireType(tag)
                + ", expected "
                + wireType);
      }
    }

    private void skip(int tag) throws IOException, InvalidWriteRequest {
      if (!in.skipField(tag)) {
        throw new InvalidWriteRequest(where(), "unexpected end-group tag");
      }
    }

    private String where() {
      return series < 0 ? "body" : "timeseries[" + series + "]" + part;
    }
  }
}
