package io.vigie.monitoring.rules;

import io.vigie.monitoring.metrics.Series;
import java.util.Collection;

/** What rule expressions read: the live series of a metric, e.g. the metric head's. */
@FunctionalInterface
public interface SeriesLookup {

  /** The live series named {@code metric}. */
  Collection<? extends Series> select(String metric);
}
