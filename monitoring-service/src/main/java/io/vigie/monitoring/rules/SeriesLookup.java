package io.vigie.monitoring.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What rule evaluation reads: the live series of a metric and their recent samples. */
@FunctionalInterface
public interface SeriesLookup {

  /** The live series named {@code metric}. */
  Collection<? extends SeriesView> select(String metric);

  /** One series: its labels (with {@code __name__}) and samples. */
  interface SeriesView {
    Map<String, String> labels();

    /** The latest sample, or null when the series has gone stale. */
    Point latest();

    /** Samples at or after {@code fromMillis}, oldest first. */
    List<Point> since(long fromMillis);
  }

  record Point(long timestampMillis, double value) {}
}
