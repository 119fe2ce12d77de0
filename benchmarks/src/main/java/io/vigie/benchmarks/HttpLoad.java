package io.vigie.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop HTTP load: each of N workers (virtual threads) sends a request, reads the whole
 * answer, records its latency and sends the next, until the duration is over or the request budget
 * is spent. Every latency of a 2xx answer is recorded (microseconds, 3 significant digits); any
 * other status or an I/O failure counts as an error.
 */
final class HttpLoad {

  private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(2);

  private HttpLoad() {}

  /** What one phase measured. */
  record Result(
      String scenario,
      int workers,
      double seconds,
      long ok,
      long errors,
      Histogram latencyMicros,
      Map<Integer, Long> statuses,
      String sampleError) {

    double perSecond() {
      return ok / seconds;
    }

    double percentileMs(double percentile) {
      return latencyMicros.getTotalCount() == 0
          ? Double.NaN
          : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMs() {
      return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
    }

    double meanMs() {
      return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMean() / 1000.0;
    }
  }

  /**
   * Runs one phase.
   *
   * @param maxRequests requests sent in all, over all workers; the phase ends at this count or at
   *     the end of {@code duration}, whichever comes first
   * @param requests builds the next request; called concurrently by the workers
   */
  static Result run(
      HttpClient client,
      String scenario,
      int workers,
      Duration duration,
      long maxRequests,
      Supplier<HttpRequest> requests)
      throws InterruptedException {
    AtomicLong budget = new AtomicLong(maxRequests);
    List<Worker> all = new ArrayList<>();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < workers; i++) {
        Worker worker = new Worker(client, requests, budget, deadline);
        all.add(worker);
        threads.execute(worker);
      }
    } // close() waits for every worker to finish its last request
    double seconds = (System.nanoTime() - start) / 1e9;

    Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
    Map<Integer, Long> statuses = new TreeMap<>();
    long ok = 0;
    long errors = 0;
    String sampleError = null;
    for (Worker worker : all) {
      if (worker.failure != null) {
        throw new IllegalStateException("A load worker failed", worker.failure);
      }
      latencies.add(worker.latencies);
      worker.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
      ok += worker.ok;
      errors += worker.errors;
      if (sampleError == null) {
        sampleError = worker.sampleError;
      }
    }
    return new Result(scenario, workers, seconds, ok, errors, latencies, statuses, sampleError);
  }

  private static final class Worker implements Runnable {

    private final HttpClient client;
    private final Supplier<HttpRequest> requests;
    private final AtomicLong budget;
    private final long deadline;
    final Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
    final Map<Integer, Long> statuses = new TreeMap<>();
    long ok;
    long errors;
    String sampleError;
    Throwable failure;

    Worker(HttpClient client, Supplier<HttpRequest> requests, AtomicLong budget, long deadline) {
      this.client = client;
      this.requests = requests;
      this.budget = budget;
      this.deadline = deadline;
    }

    @Override
    public void run() {
      try {
        while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
          HttpRequest request = requests.get();
          long sent = System.nanoTime();
          int status;
          String body;
          try {
            HttpResponse<String> response =
                client.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            body = response.body();
          } catch (IOException e) {
            status = -1;
            body = e.toString();
          }
          long micros = (System.nanoTime() - sent) / 1_000;
          statuses.merge(status, 1L, Long::sum);
          if (status >= 200 && status < 300) {
            ok++;
            latencies.recordValue(Math.min(micros, MAX_LATENCY_MICROS));
          } else {
            errors++;
            if (sampleError == null) {
              sampleError =
                  request.method()
                      + " "
                      + request.uri().getPath()
                      + " -> "
                      + status
                      + ": "
                      + body.substring(0, Math.min(body.length(), 300));
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = e;
      } catch (RuntimeException e) {
        failure = e;
      }
    }
  }
}
