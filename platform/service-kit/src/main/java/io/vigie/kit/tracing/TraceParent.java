package io.vigie.kit.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The W3C {@code traceparent} of a span ({@code 00-<trace id>-<span id>-<flags>}): stored with an
 * outbox row when the change is made, sent as the Kafka record's {@code traceparent} header by the
 * relay, and read back by the consumers, so a request and every event it causes are one trace.
 */
public final class TraceParent {

  /** The Kafka header (W3C Trace Context, as OpenTelemetry's Kafka instrumentation reads it). */
  public static final String HEADER = "traceparent";

  private static final Pattern FORMAT =
      Pattern.compile("^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");

  private TraceParent() {}

  /** The current span's traceparent, empty when there is none (tracing off, no request). */
  public static Optional<String> current() {
    return of(Span.current().getSpanContext());
  }

  public static Optional<String> of(SpanContext context) {
    if (context == null || !context.isValid()) {
      return Optional.empty();
    }
    return Optional.of(
        "00-"
            + context.getTraceId()
            + "-"
            + context.getSpanId()
            + "-"
            + context.getTraceFlags().asHex());
  }

  /** The remote span a traceparent names; empty when it is absent or malformed. */
  public static Optional<SpanContext> parse(String traceparent) {
    if (traceparent == null) {
      return Optional.empty();
    }
    var matcher = FORMAT.matcher(traceparent.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    SpanContext context =
        SpanContext.createFromRemoteParent(
            matcher.group(1),
            matcher.group(2),
            TraceFlags.fromHex(matcher.group(3), 0),
            TraceState.getDefault());
    return context.isValid() ? Optional.of(context) : Optional.empty();
  }
}
