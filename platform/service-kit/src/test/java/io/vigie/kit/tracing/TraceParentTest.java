package io.vigie.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.Test;

class TraceParentTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";

  @Test
  void aSpanIsWrittenAndReadBackAsTheW3cHeader() {
    SpanContext span =
        SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault());

    assertThat(TraceParent.of(span)).contains("00-" + TRACE + "-" + SPAN + "-01");
    SpanContext read = TraceParent.parse("00-" + TRACE + "-" + SPAN + "-01").orElseThrow();
    assertThat(read.getTraceId()).isEqualTo(TRACE);
    assertThat(read.getSpanId()).isEqualTo(SPAN);
    assertThat(read.isSampled()).isTrue();
    assertThat(read.isRemote()).isTrue();
  }

  @Test
  void noSpanOrAMalformedHeaderGivesNothing() {
    assertThat(TraceParent.of(SpanContext.getInvalid())).isEmpty();
    assertThat(TraceParent.current()).isEmpty();
    assertThat(TraceParent.parse(null)).isEmpty();
    assertThat(TraceParent.parse("01-" + TRACE + "-" + SPAN + "-01")).isEmpty();
    assertThat(TraceParent.parse("00-" + TRACE + "-" + SPAN)).isEmpty();
    assertThat(TraceParent.parse("00-" + "0".repeat(32) + "-" + SPAN + "-01")).isEmpty();
    assertThat(TraceParent.parse("00-" + TRACE.toUpperCase() + "-" + SPAN + "-01")).isEmpty();
  }
}
