package io.vigie.monitoring.probe;

import java.util.UUID;

/**
 * When a check runs: once per interval, at {@code phase + k × interval} on the epoch clock, the
 * phase derived from a stable hash of the check's id. Checks with the same interval are thus spread
 * over it instead of all firing at once, every replica computes the same instants, and a check
 * handed to another replica keeps its rhythm. Plain Java.
 */
public final class ProbeSchedule {

  private ProbeSchedule() {}

  /** Where in its interval a check runs, in milliseconds from 0 (inclusive) to the interval. */
  public static long phaseMillis(UUID checkId, long intervalMillis) {
    if (intervalMillis <= 0) {
      throw new IllegalArgumentException("interval must be positive");
    }
    return Long.remainderUnsigned(hash(checkId), intervalMillis);
  }

  /** The first planned run at or after {@code epochMillis}. */
  public static long nextRunAtOrAfter(UUID checkId, long intervalMillis, long epochMillis) {
    long phase = phaseMillis(checkId, intervalMillis);
    long k = Math.floorDiv(epochMillis - phase + intervalMillis - 1, intervalMillis);
    return phase + k * intervalMillis;
  }

  /** The first planned run strictly after {@code epochMillis}. */
  public static long nextRunAfter(UUID checkId, long intervalMillis, long epochMillis) {
    return nextRunAtOrAfter(checkId, intervalMillis, epochMillis + 1);
  }

  /** A 64-bit hash of a UUID, well mixed (the finaliser of SplitMix64). */
  static long hash(UUID id) {
    return mix(id.getMostSignificantBits() ^ Long.rotateLeft(id.getLeastSignificantBits(), 32));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
