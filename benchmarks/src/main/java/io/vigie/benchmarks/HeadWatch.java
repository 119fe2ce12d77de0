package io.vigie.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How far monitoring-service's metric head is behind what its remote_write answered 204 for: since
 * samples go through Kafka, a 204 means "on the samples topic", and the head is filled by the
 * topic's consumer afterwards. Every {@code step} while the load runs, it reads the samples the
 * senders had answered 2xx so far and the service's own count of samples appended to the head
 * ({@code vigie_monitoring_remote_write_samples_accepted_total}) and its consumer lag in records
 * ({@code vigie_monitoring_ingest_lag}); when the load ends, the lag then and how long the head
 * takes to hold every answered sample (polled every 100 ms, for at most {@code drainLimit}).
 */
final class HeadWatch {

  static final String HEAD_SAMPLES = "vigie_monitoring_remote_write_samples_accepted_total";
  static final String LAG_RECORDS = "vigie_monitoring_ingest_lag";

  /** One reading: seconds since the load started, samples answered 2xx, samples in the head. */
  record Point(double seconds, long answered, double inHead, double lagRecords) {

    double behind() {
      return answered - inHead;
    }
  }

  /**
   * What the head did.
   *
   * @param points the readings while the load ran, the last one when it ended
   * @param drainSeconds from the end of the load until the head held every answered sample; null
   *     when it did not within the limit
   * @param afterDrain the last reading of the drain
   */
  record Progress(List<Point> points, Double drainSeconds, Point afterDrain, Duration drainLimit) {

    Point atEnd() {
      return points.get(points.size() - 1);
    }

    /** Samples into the head per second between the readings nearest to these instants. */
    double headRate(Duration from, Duration until) {
      Point a = nearest(from.toMillis() / 1000.0);
      Point b = nearest(until.toMillis() / 1000.0);
      return b.seconds() <= a.seconds()
          ? Double.NaN
          : (b.inHead() - a.inHead()) / (b.seconds() - a.seconds());
    }

    /** Samples answered 2xx per second between the readings nearest to these instants. */
    double answeredRate(Duration from, Duration until) {
      Point a = nearest(from.toMillis() / 1000.0);
      Point b = nearest(until.toMillis() / 1000.0);
      return b.seconds() <= a.seconds()
          ? Double.NaN
          : (b.answered() - a.answered()) / (b.seconds() - a.seconds());
    }

    private Point nearest(double seconds) {
      Point best = points.get(0);
      for (Point p : points) {
        if (Math.abs(p.seconds() - seconds) < Math.abs(best.seconds() - seconds)) {
          best = p;
        }
      }
      return best;
    }

    /** One line for the console. */
    String describe() {
      Point end = atEnd();
      return String.format(
          Locale.ROOT,
          "head at end of load: %.0f of %d answered samples (%.0f behind, %.0f records of lag);"
              + " %s",
          end.inHead(),
          end.answered(),
          end.behind(),
          end.lagRecords(),
          drainSeconds == null
              ? String.format(
                  Locale.ROOT,
                  "NOT drained after %d s (%.0f behind)",
                  drainLimit.toSeconds(),
                  afterDrain.behind())
              : String.format(Locale.ROOT, "drained %.1f s after the load", drainSeconds));
    }
  }

  private final HttpClient client;
  private final URI metrics;
  private final LongSupplier answered;
  private final Duration step;
  private final long started = System.nanoTime();
  private final List<Point> points = new ArrayList<>();
  private final Thread thread;
  private volatile boolean stopped;

  private HeadWatch(HttpClient client, URI metrics, LongSupplier answered, Duration step) {
    this.client = client;
    this.metrics = metrics;
    this.answered = answered;
    this.step = step;
    this.thread = Thread.ofVirtual().name("head-watch").start(this::watch);
  }

  /** Starts reading every {@code step}, from now (the load's start). */
  static HeadWatch start(HttpClient client, URI metrics, LongSupplier answered, Duration step) {
    return new HeadWatch(client, metrics, answered, step);
  }

  private void watch() {
    long next = started;
    while (!stopped) {
      next += step.toNanos();
      long wait = next - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(Duration.ofNanos(wait));
        } catch (InterruptedException e) {
          return;
        }
      }
      if (stopped) {
        return;
      }
      Point point = read();
      if (stopped) {
        return; // interrupted by finish(): its own reading is the last
      }
      synchronized (points) {
        points.add(point);
      }
    }
  }

  private Point read() {
    long sent = answered.getAsLong();
    double seconds = (System.nanoTime() - started) / 1e9;
    try {
      ScrapedMetrics scraped = ScrapedMetrics.scrape(client, metrics);
      return new Point(seconds, sent, scraped.sum(HEAD_SAMPLES), scraped.sum(LAG_RECORDS));
    } catch (Exception e) {
      return new Point(seconds, sent, Double.NaN, Double.NaN);
    }
  }

  /**
   * The load has ended (its senders are done): takes the reading at the end, then waits until the
   * head holds every answered sample or {@code limit} has passed.
   */
  Progress finish(Duration limit) throws InterruptedException {
    stopped = true;
    thread.interrupt();
    thread.join();
    Point end = read();
    List<Point> all;
    synchronized (points) {
      points.add(end);
      all = List.copyOf(points);
    }
    long endNanos = System.nanoTime();
    Point last = end;
    while (!(last.inHead() >= last.answered()) && System.nanoTime() - endNanos < limit.toNanos()) {
      Thread.sleep(100);
      last = read();
    }
    Double drained = last.inHead() >= last.answered() ? (System.nanoTime() - endNanos) / 1e9 : null;
    if (end.inHead() >= end.answered()) {
      drained = 0.0;
    }
    return new Progress(all, drained, last, limit);
  }
}
