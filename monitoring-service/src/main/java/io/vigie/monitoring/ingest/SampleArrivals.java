package io.vigie.monitoring.ingest;

import io.vigie.monitoring.metrics.Series;
import java.util.List;

/** Whoever evaluates rules as samples arrive (the rule engine's arrival path). */
public interface SampleArrivals {

  /** Series of a live partition took new samples; must not block the consumer for long. */
  void arrived(int partition, List<Series> series);
}
