package io.vigie.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.deploy.OtlpReceiver.ReceivedSpan;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The test collector reads the OTLP protobuf wire format it is sent (written here by hand). */
class OtlpReceiverTest {

  @Test
  void readsTheServiceAndTheSpansIdsNamesAndKinds() {
    byte[] trace = HexFormat.of().parseHex("4bf92f3577b34da6a3ce929d0e0e4736");
    byte[] span = HexFormat.of().parseHex("00f067aa0ba902b7");
    byte[] parent = HexFormat.of().parseHex("a3ce929d0e0e4736");
    byte[] attribute = concat(text(1, "service.name"), bytes(2, text(1, "monitoring-service")));
    byte[] resource = concat(bytes(1, attribute), varint(2, 7));
    byte[] spanMessage =
        concat(
            bytes(1, trace),
            bytes(2, span),
            text(3, ""),
            bytes(4, parent),
            text(5, "inventory.events process"),
            varint(6, 5),
            fixed64(7));
    byte[] scopeSpans = concat(bytes(1, text(1, "io.vigie.kit.messaging")), bytes(2, spanMessage));
    byte[] resourceSpans = concat(bytes(1, resource), bytes(2, scopeSpans));
    byte[] request = bytes(1, resourceSpans);

    assertThat(OtlpReceiver.exportRequest(ByteBuffer.wrap(request)))
        .containsExactly(
            new ReceivedSpan(
                "monitoring-service",
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7",
                "a3ce929d0e0e4736",
                "inventory.events process",
                ReceivedSpan.CONSUMER));
  }

  private static byte[] varint(int field, long value) {
    return concat(rawVarint((long) field << 3), rawVarint(value));
  }

  private static byte[] fixed64(int field) {
    return concat(rawVarint(((long) field << 3) | 1), new byte[8]);
  }

  private static byte[] bytes(int field, byte[] value) {
    return concat(rawVarint(((long) field << 3) | 2), rawVarint(value.length), value);
  }

  private static byte[] text(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] rawVarint(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while ((value & ~0x7fL) != 0) {
      out.write((int) ((value & 0x7f) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
