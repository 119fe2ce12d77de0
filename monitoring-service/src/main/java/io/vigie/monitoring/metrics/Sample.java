package io.vigie.monitoring.metrics;

/** One sample of a series: when (Unix milliseconds, as Prometheus sends it) and the value. */
public record Sample(long timestampMillis, double value) {

  /**
   * Prometheus' staleness marker: a NaN with this exact bit pattern says the series disappeared
   * (its target went away or stopped exposing it). Any other NaN is an ordinary value.
   */
  public static final long STALE_NAN_BITS = 0x7ff0000000000002L;

  /** The staleness marker as a double. */
  public static final double STALE_NAN = Double.longBitsToDouble(STALE_NAN_BITS);

  /** True when {@code value} is the staleness marker (compared by bits, not as a number). */
  public static boolean isStaleMarker(double value) {
    return Double.doubleToRawLongBits(value) == STALE_NAN_BITS;
  }
}
