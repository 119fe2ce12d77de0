package io.vigie.monitoring.metrics;

import java.util.List;
import java.util.Map;

/**
 * One live time series of the {@link MetricHead}, as alert rules and usage rollups read it. Reads
 * are consistent snapshots; the series keeps receiving samples meanwhile.
 */
public interface Series {

  /** Its labels, {@code __name__} included, sorted by name; unmodifiable. */
  Map<String, String> labels();

  /**
   * The newest sample, or null when there is none or when the newest is Prometheus' staleness
   * marker (the target went away): a stale series has no current value, as in a PromQL instant
   * query.
   */
  Sample latest();

  /**
   * The samples at or after {@code fromMillis}, oldest first, within the head's retention.
   * Staleness markers are left out: they end a value, they are not one.
   */
  List<Sample> samplesSince(long fromMillis);
}
