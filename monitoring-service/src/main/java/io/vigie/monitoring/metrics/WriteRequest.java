package io.vigie.monitoring.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * A decoded Prometheus remote_write 1.0 {@code prometheus.WriteRequest}: the series with their
 * samples. Metadata, exemplars and native histograms are not kept.
 */
public record WriteRequest(List<TimeSeries> timeseries) {

  public WriteRequest {
    timeseries = List.copyOf(timeseries);
  }

  /** How many samples the request carries, over all its series. */
  public int sampleCount() {
    int count = 0;
    for (TimeSeries series : timeseries) {
      count += series.timestamps().length;
    }
    return count;
  }

  /**
   * One series of a request: its labels and its samples as two parallel arrays (timestamps in Unix
   * milliseconds, values), in the order the sender wrote them.
   */
  public record TimeSeries(SeriesLabels labels, long[] timestamps, double[] values) {

    public TimeSeries {
      if (timestamps.length != values.length) {
        throw new IllegalArgumentException("one value per timestamp");
      }
    }

    /** A series with a single sample. */
    public static TimeSeries of(SeriesLabels labels, long timestampMillis, double value) {
      return new TimeSeries(labels, new long[] {timestampMillis}, new double[] {value});
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof TimeSeries that) || !labels.equals(that.labels)) {
        return false;
      }
      if (!Arrays.equals(timestamps, that.timestamps) || values.length != that.values.length) {
        return false;
      }
      for (int i = 0; i < values.length; i++) {
        // bit equality, so that NaN (and the staleness marker) round-trips as equal
        if (Double.doubleToRawLongBits(values[i]) != Double.doubleToRawLongBits(that.values[i])) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return 31 * (31 * labels.hashCode() + Arrays.hashCode(timestamps)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return labels + " " + Arrays.toString(timestamps) + " " + Arrays.toString(values);
    }
  }
}
