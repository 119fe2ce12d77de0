package io.vigie.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A tiny OpenTelemetry collector for tests: it accepts OTLP/HTTP trace exports (protobuf, {@code
 * POST /v1/traces}) and keeps the spans, with the service that sent them. The protobuf is read by
 * its wire format (the few fields of ExportTraceServiceRequest, ResourceSpans, ScopeSpans, Span and
 * the {@code service.name} resource attribute), so no generated classes are needed.
 */
final class OtlpReceiver implements AutoCloseable {

  /** One received span. Ids in lowercase hex, as in a traceparent. */
  record ReceivedSpan(
      String service, String traceId, String spanId, String parentSpanId, String name, int kind) {

    static final int SERVER = 2;
    static final int CONSUMER = 5;
  }

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

  OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            InputStream body = exchange.getRequestBody();
            if ("gzip"
                .equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
              body = new GZIPInputStream(body);
            }
            spans.addAll(exportRequest(ByteBuffer.wrap(body.readAllBytes())));
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
          } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
          }
        });
    server.start();
  }

  /** The base URL to configure as the OTLP traces endpoint. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
  static List<ReceivedSpan> exportRequest(ByteBuffer message) {
    List<ReceivedSpan> received = new ArrayList<>();
    for (Field field : fields(message)) {
      if (field.number == 1) {
        received.addAll(resourceSpans(field.bytes));
      }
    }
    return received;
  }

  // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
  private static List<ReceivedSpan> resourceSpans(ByteBuffer message) {
    String service = "";
    List<ByteBuffer> scopes = new ArrayList<>();
    for (Field field : fields(message)) {
      if (field.number == 1) {
        service = serviceName(field.bytes);
      } else if (field.number == 2) {
        scopes.add(field.bytes);
      }
    }
    List<ReceivedSpan> received = new ArrayList<>();
    for (ByteBuffer scope : scopes) {
      // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
      for (Field field : fields(scope)) {
        if (field.number == 2) {
          received.add(span(service, field.bytes));
        }
      }
    }
    return received;
  }

  // Resource { repeated KeyValue attributes = 1; } KeyValue { string key = 1; AnyValue value = 2; }
  // AnyValue { string string_value = 1; ... }
  private static String serviceName(ByteBuffer resource) {
    for (Field attribute : fields(resource)) {
      if (attribute.number != 1) {
        continue;
      }
      String key = null;
      String value = null;
      for (Field part : fields(attribute.bytes)) {
        if (part.number == 1) {
          key = text(part.bytes);
        } else if (part.number == 2) {
          for (Field any : fields(part.bytes)) {
            if (any.number == 1) {
              value = text(any.bytes);
            }
          }
        }
      }
      if ("service.name".equals(key)) {
        return value;
      }
    }
    return "";
  }

  // Span { bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4;
  //        string name = 5; SpanKind kind = 6; ... }
  private static ReceivedSpan span(String service, ByteBuffer message) {
    String traceId = "";
    String spanId = "";
    String parent = "";
    String name = "";
    int kind = 0;
    for (Field field : fields(message)) {
      switch (field.number) {
        case 1 -> traceId = hex(field.bytes);
        case 2 -> spanId = hex(field.bytes);
        case 4 -> parent = hex(field.bytes);
        case 5 -> name = text(field.bytes);
        case 6 -> kind = (int) field.varint;
        default -> {}
      }
    }
    return new ReceivedSpan(service, traceId, spanId, parent, name, kind);
  }

  /** One field of a protobuf message: its number and, by wire type, its varint or its bytes. */
  private record Field(int number, long varint, ByteBuffer bytes) {}

  private static List<Field> fields(ByteBuffer message) {
    ByteBuffer in = message.duplicate();
    List<Field> fields = new ArrayList<>();
    while (in.hasRemaining()) {
      long tag = varint(in);
      int number = (int) (tag >>> 3);
      switch ((int) (tag & 7)) {
        case 0 -> fields.add(new Field(number, varint(in), null));
        case 1 -> {
          in.position(in.position() + 8);
          fields.add(new Field(number, 0, null));
        }
        case 2 -> {
          int length = (int) varint(in);
          ByteBuffer bytes = in.slice(in.position(), length);
          in.position(in.position() + length);
          fields.add(new Field(number, 0, bytes));
        }
        case 5 -> {
          in.position(in.position() + 4);
          fields.add(new Field(number, 0, null));
        }
        default -> throw new IllegalArgumentException("unsupported wire type in tag " + tag);
      }
    }
    return fields;
  }

  private static long varint(ByteBuffer in) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in.get();
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("varint too long");
  }

  private static String text(ByteBuffer bytes) {
    return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
  }

  private static String hex(ByteBuffer bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer copy = bytes.duplicate();
    while (copy.hasRemaining()) {
      out.write(copy.get());
    }
    return HexFormat.of().formatHex(out.toByteArray());
  }
}
