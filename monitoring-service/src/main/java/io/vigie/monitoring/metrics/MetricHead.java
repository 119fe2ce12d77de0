package io.vigie.monitoring.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The recent samples of every live series of this replica's partitions of the samples topic, in
 * memory, for alert rules and usage rollups. Thread-safe; series are indexed by metric name and
 * remember their shard (partition), so a partition that moves to another replica leaves at once.
 *
 * <p>Writes are idempotent per series and timestamp: a sample not newer than the series' newest is
 * a duplicate (or out of order) and changes nothing, so a retried write changes nothing. Memory is
 * bounded: each series keeps its samples for the retention window (trimmed on append, at most
 * {@code maxSamplesPerSeries}), the head holds at most {@code maxSeries} series (new ones beyond
 * are refused while existing ones keep taking samples), and {@link #sweep} drops series silent for
 * longer than the retention.
 *
 * <p>A Prometheus staleness marker is stored as the series' newest sample: {@link Series#latest()}
 * answers null until a real sample arrives, and {@link Series#samplesSince} leaves markers out.
 */
@ApplicationScoped
public class MetricHead {

  private static final Logger LOG = Logger.getLogger(MetricHead.class);

  /** What one append did. */
  public record AppendResult(
      int samplesAccepted, int duplicates, int seriesCreated, int seriesRefused) {}

  /** The shard of series appended directly rather than read from the samples topic. */
  public static final int NO_SHARD = -1;

  private final int maxSeries;
  private final long retentionMillis;
  private final int maxSamplesPerSeries;
  private final long futureToleranceMillis;

  private final ConcurrentHashMap<SeriesLabels, HeadSeries> series = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<HeadSeries>> byName = new ConcurrentHashMap<>();
  private final AtomicInteger liveSeries = new AtomicInteger();

  private final Counter samplesAccepted;
  private final Counter samplesDuplicate;
  private final Counter seriesRefused;

  @Inject
  public MetricHead(RemoteWriteConfig config, MeterRegistry registry) {
    this(
        config.maxSeries(),
        config.retention(),
        config.maxSamplesPerSeries(),
        config.futureTolerance(),
        registry);
  }

  /** A head with explicit limits, for plain tests and tools. */
  public MetricHead(
      int maxSeries,
      Duration retention,
      int maxSamplesPerSeries,
      Duration futureTolerance,
      MeterRegistry registry) {
    if (maxSeries < 1 || maxSamplesPerSeries < 1 || retention.isNegative()) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.maxSeries = maxSeries;
    this.retentionMillis = retention.toMillis();
    this.maxSamplesPerSeries = maxSamplesPerSeries;
    this.futureToleranceMillis = futureTolerance.toMillis();
    this.samplesAccepted =
        Counter.builder("vigie.monitoring.remote-write.samples.accepted")
            .description("Samples taken into the metric head")
            .register(registry);
    this.samplesDuplicate =
        Counter.builder("vigie.monitoring.remote-write.samples.duplicate")
            .description("Samples not newer than their series' newest (retries, out of order)")
            .register(registry);
    this.seriesRefused =
        Counter.builder("vigie.monitoring.remote-write.series.refused")
            .description("New series refused because the head holds max-series already")
            .register(registry);
    Gauge.builder("vigie.monitoring.metric-head.series", liveSeries, AtomicInteger::get)
        .description("Live series in the metric head")
        .register(registry);
  }

  /** The most series the head holds. */
  public int maxSeries() {
    return maxSeries;
  }

  /** The live series whose {@code __name__} is {@code metricName}; empty when there is none. */
  public Collection<Series> select(String metricName) {
    Set<HeadSeries> named = byName.get(metricName);
    return named == null ? List.of() : List.copyOf(named);
  }

  /** How many series the head holds. */
  public int seriesCount() {
    return liveSeries.get();
  }

  /** Appends a decoded request, checking timestamps against the wall clock. */
  public AppendResult append(WriteRequest request) throws InvalidWriteRequest {
    return append(request, System.currentTimeMillis());
  }

  /**
   * Appends a decoded request. A sample from further in the future than the tolerance refuses the
   * whole request before anything is written (it would otherwise freeze its series: every later
   * real sample would count as a duplicate).
   */
  public AppendResult append(WriteRequest request, long nowMillis) throws InvalidWriteRequest {
    validate(request, nowMillis);
    return appendShard(request, NO_SHARD, null);
  }

  /**
   * Refuses, naming the sample, a request with a sample further in the future than the tolerance:
   * the receiver checks it before the request is written to the samples topic, so every replica
   * that later reads it takes it.
   */
  public void validate(WriteRequest request, long nowMillis) throws InvalidWriteRequest {
    long latestAllowed = nowMillis + futureToleranceMillis;
    List<WriteRequest.TimeSeries> timeseries = request.timeseries();
    for (int i = 0; i < timeseries.size(); i++) {
      long[] timestamps = timeseries.get(i).timestamps();
      for (int s = 0; s < timestamps.length; s++) {
        if (timestamps[s] > latestAllowed) {
          throw new InvalidWriteRequest(
              "timeseries[" + i + "].samples[" + s + "].timestamp",
              "is more than "
                  + Duration.ofMillis(futureToleranceMillis)
                  + " ahead of the receiver's clock; check the sender's clock");
        }
      }
    }
  }

  /**
   * Appends a request already validated (read back from the samples topic) into the shard (the
   * topic's partition) it came from; the series that took at least one sample are added to {@code
   * touched} when it is not null, for the rules evaluated as samples arrive. New series beyond
   * {@code max-series} are refused and counted.
   */
  public AppendResult appendShard(WriteRequest request, int shard, List<Series> touched) {
    int accepted = 0;
    int duplicates = 0;
    int created = 0;
    Set<SeriesLabels> refused = null;
    for (WriteRequest.TimeSeries ts : request.timeseries()) {
      if (ts.timestamps().length == 0) {
        continue;
      }
      while (true) {
        HeadSeries target = series.get(ts.labels());
        boolean fresh = false;
        if (target == null) {
          target = create(ts.labels(), shard);
          if (target == null) {
            if (refused == null) {
              refused = new HashSet<>();
            }
            refused.add(ts.labels());
            break;
          }
          fresh = target.isEmpty();
        }
        int taken = target.append(ts.timestamps(), ts.values());
        if (taken < 0) {
          continue; // swept meanwhile: look it up (or create it) again
        }
        if (fresh && taken > 0) {
          created++;
        }
        if (taken > 0 && touched != null) {
          touched.add(target);
        }
        accepted += taken;
        duplicates += ts.timestamps().length - taken;
        break;
      }
    }
    int refusedCount = refused == null ? 0 : refused.size();
    samplesAccepted.increment(accepted);
    samplesDuplicate.increment(duplicates);
    seriesRefused.increment(refusedCount);
    return new AppendResult(accepted, duplicates, created, refusedCount);
  }

  /**
   * Drops every series of a shard: its partition went to another replica, which now holds (and
   * evaluates) them. Answers how many were dropped.
   */
  public int dropShard(int shard) {
    int dropped = 0;
    for (HeadSeries candidate : series.values()) {
      if (candidate.shard == shard && candidate.retire()) {
        forget(candidate);
        dropped++;
      }
    }
    return dropped;
  }

  /** The series for these labels, created unless the head is full (then null). */
  private HeadSeries create(SeriesLabels labels, int shard) {
    HeadSeries existing = series.get(labels);
    if (existing != null) {
      return existing;
    }
    // atomic per labels: a writer racing another one creating the same series gets that series,
    // never a refusal for a series that exists
    HeadSeries[] created = new HeadSeries[1];
    HeadSeries found =
        series.computeIfAbsent(
            labels,
            key -> {
              if (liveSeries.incrementAndGet() > maxSeries) {
                liveSeries.decrementAndGet();
                return null; // full: no mapping is recorded
              }
              created[0] = new HeadSeries(key, shard);
              return created[0];
            });
    if (found == null || found != created[0]) {
      return found;
    }
    HeadSeries fresh = found;
    byName.compute(
        labels.metricName(),
        (name, set) -> {
          Set<HeadSeries> named = set == null ? ConcurrentHashMap.newKeySet() : set;
          named.add(fresh);
          return named;
        });
    return fresh;
  }

  /** Drops, every sweep interval, the series silent for longer than the retention. */
  @Scheduled(
      every = "${vigie.monitoring.remote-write.sweep-interval:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sweepNow() {
    int dropped = sweep(System.currentTimeMillis());
    if (dropped > 0) {
      LOG.debugf("Dropped %d series silent for longer than the retention", dropped);
    }
  }

  /** Drops the series whose newest sample is older than {@code nowMillis - retention}. */
  public int sweep(long nowMillis) {
    long oldestKept = nowMillis - retentionMillis;
    int dropped = 0;
    for (HeadSeries candidate : series.values()) {
      if (candidate.retireIfSilentSince(oldestKept)) {
        forget(candidate);
        dropped++;
      }
    }
    return dropped;
  }

  private void forget(HeadSeries retired) {
    series.remove(retired.labels, retired);
    byName.computeIfPresent(
        retired.labels.metricName(),
        (name, named) -> {
          named.remove(retired);
          return named.isEmpty() ? null : named;
        });
    liveSeries.decrementAndGet();
  }

  /**
   * One series: a ring of (timestamp, value) that grows up to {@code maxSamplesPerSeries}, trimmed
   * to the retention window on append. All access under the series' own lock.
   */
  private final class HeadSeries implements Series {

    private final SeriesLabels labels;
    private final int shard;
    private long[] timestamps = new long[Math.min(4, maxSamplesPerSeries)];
    private double[] values = new double[timestamps.length];
    private int head;
    private int size;
    private long newest = Long.MIN_VALUE;
    private boolean retired;

    HeadSeries(SeriesLabels labels, int shard) {
      this.labels = labels;
      this.shard = shard;
    }

    synchronized boolean isEmpty() {
      return size == 0 && newest == Long.MIN_VALUE;
    }

    /** Appends the samples newer than the newest; answers how many, or -1 if swept. */
    synchronized int append(long[] ts, double[] vs) {
      if (retired) {
        return -1;
      }
      int taken = 0;
      for (int i = 0; i < ts.length; i++) {
        if (ts[i] <= newest) {
          continue;
        }
        if (size == timestamps.length) {
          if (timestamps.length < maxSamplesPerSeries) {
            grow();
          } else {
            head = (head + 1) % timestamps.length;
            size--;
          }
        }
        int at = (head + size) % timestamps.length;
        timestamps[at] = ts[i];
        values[at] = vs[i];
        size++;
        newest = ts[i];
        taken++;
      }
      if (taken > 0) {
        long oldestKept = newest - retentionMillis;
        while (size > 1 && timestamps[head] < oldestKept) {
          head = (head + 1) % timestamps.length;
          size--;
        }
      }
      return taken;
    }

    private void grow() {
      int capacity = Math.min(maxSamplesPerSeries, timestamps.length * 2);
      long[] ts = new long[capacity];
      double[] vs = new double[capacity];
      for (int i = 0; i < size; i++) {
        ts[i] = timestamps[(head + i) % timestamps.length];
        vs[i] = values[(head + i) % values.length];
      }
      timestamps = ts;
      values = vs;
      head = 0;
    }

    /** Retires the series whatever its samples; true only the first time. */
    synchronized boolean retire() {
      if (retired) {
        return false;
      }
      retired = true;
      return true;
    }

    /** Retires the series if silent since before {@code oldestKept}; true only the first time. */
    synchronized boolean retireIfSilentSince(long oldestKept) {
      if (retired || newest >= oldestKept) {
        return false;
      }
      retired = true;
      return true;
    }

    @Override
    public Map<String, String> labels() {
      return labels.asMap();
    }

    @Override
    public synchronized Sample latest() {
      if (size == 0) {
        return null;
      }
      int at = (head + size - 1) % timestamps.length;
      return Sample.isStaleMarker(values[at]) ? null : new Sample(timestamps[at], values[at]);
    }

    @Override
    public synchronized List<Sample> samplesSince(long fromMillis) {
      List<Sample> out = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        int at = (head + i) % timestamps.length;
        if (timestamps[at] >= fromMillis && !Sample.isStaleMarker(values[at])) {
          out.add(new Sample(timestamps[at], values[at]));
        }
      }
      return out;
    }

    @Override
    public String toString() {
      return labels.toString();
    }
  }
}
