package io.vigie.benchmarks;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.xerial.snappy.Snappy;

/**
 * remote_write load, as a fleet's Prometheus shards send it: N senders (virtual threads), each
 * owning a fixed share of the hosts (a series always goes through the same sender, so its
 * timestamps only move forward), scraping its hosts round after round with the wall clock as
 * timestamp, and sending snappy-compressed WriteRequests of a random size between {@code minBatch}
 * and {@code maxBatch} samples. Closed loop: a sender sends its next request when the previous one
 * is answered. A 429 is retried after its Retry-After (as Prometheus does); another non-2xx answer
 * drops the batch and counts as an error.
 *
 * <p>Only requests sent after the warm-up and answered before the end count: accepted samples,
 * requests and every latency (HdrHistogram, microseconds).
 */
final class RemoteWriteLoad {

  private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(2);

  private RemoteWriteLoad() {}

  /** What the measured window saw. */
  record Result(
      double seconds,
      long samples,
      long allSamples,
      long requests,
      long overloaded,
      long errors,
      long bytesSent,
      Histogram latencyMicros,
      Map<Integer, Long> statuses,
      String sampleError) {

    double samplesPerSecond() {
      return samples / seconds;
    }

    double requestsPerSecond() {
      return requests / seconds;
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

  /** Runs warm-up then the measured window against {@code url}; blocks until both are over. */
  static Result run(
      HttpClient client,
      URI url,
      String bearer,
      NodeExporterFleet fleet,
      int senders,
      int minBatch,
      int maxBatch,
      Duration warmup,
      Duration duration,
      long seed)
      throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long measureUntil = measureFrom + duration.toNanos();
    List<Sender> all = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < senders; i++) {
        Sender sender =
            new Sender(
                client,
                url,
                bearer,
                fleet,
                i,
                senders,
                minBatch,
                maxBatch,
                measureFrom,
                measureUntil,
                new SplittableRandom(seed + i));
        all.add(sender);
        threads.execute(sender);
      }
    }
    Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
    Map<Integer, Long> statuses = new TreeMap<>();
    long samples = 0;
    long allSamples = 0;
    long requests = 0;
    long overloaded = 0;
    long errors = 0;
    long bytes = 0;
    String sampleError = null;
    for (Sender sender : all) {
      if (sender.failure != null) {
        throw new IllegalStateException("A sender failed", sender.failure);
      }
      latencies.add(sender.latencies);
      sender.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
      samples += sender.samples;
      allSamples += sender.allSamples;
      requests += sender.requests;
      overloaded += sender.overloaded;
      errors += sender.errors;
      bytes += sender.bytes;
      if (sampleError == null) {
        sampleError = sender.sampleError;
      }
    }
    return new Result(
        duration.toNanos() / 1e9,
        samples,
        allSamples,
        requests,
        overloaded,
        errors,
        bytes,
        latencies,
        statuses,
        sampleError);
  }

  /** One sender: a share of the hosts, scraped round after round. */
  private static final class Sender implements Runnable {

    private final HttpClient client;
    private final URI url;
    private final String bearer;
    private final List<NodeExporterFleet.SeriesTemplate> series = new ArrayList<>();
    private final double[] values;
    private final int minBatch;
    private final int maxBatch;
    private final long measureFrom;
    private final long measureUntil;
    private final SplittableRandom random;
    private byte[] protobuf = new byte[1 << 16];
    private byte[] compressed = new byte[Snappy.maxCompressedLength(1 << 16)];

    final Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
    final Map<Integer, Long> statuses = new TreeMap<>();
    long samples;
    long allSamples;
    long requests;
    long overloaded;
    long errors;
    long bytes;
    String sampleError;
    Throwable failure;

    Sender(
        HttpClient client,
        URI url,
        String bearer,
        NodeExporterFleet fleet,
        int index,
        int senders,
        int minBatch,
        int maxBatch,
        long measureFrom,
        long measureUntil,
        SplittableRandom random) {
      this.client = client;
      this.url = url;
      this.bearer = bearer;
      for (int host = index; host < fleet.hostCount(); host += senders) {
        series.addAll(fleet.host(host));
      }
      this.values = new double[series.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = series.get(i).start();
      }
      this.minBatch = minBatch;
      this.maxBatch = maxBatch;
      this.measureFrom = measureFrom;
      this.measureUntil = measureUntil;
      this.random = random;
    }

    @Override
    public void run() {
      try {
        long lastTimestamp = 0;
        int next = 0;
        long timestamp = 0;
        while (System.nanoTime() < measureUntil && !series.isEmpty()) {
          if (next == 0) {
            // a new scrape round: every series of this sender gets a sample at this instant
            timestamp = Math.max(System.currentTimeMillis(), lastTimestamp + 1);
            lastTimestamp = timestamp;
          }
          int batch = Math.min(random.nextInt(minBatch, maxBatch + 1), series.size() - next);
          int length = encode(next, batch, timestamp);
          next = (next + batch) % series.size();
          send(length, batch);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = e;
      } catch (IOException | RuntimeException e) {
        failure = e;
      }
    }

    /** Encodes series [from, from + count) with one sample each; returns the snappy length. */
    private int encode(int from, int count, long timestamp) throws IOException {
      int sampleSize =
          CodedOutputStream.computeDoubleSize(1, 0)
              + CodedOutputStream.computeInt64Size(2, timestamp);
      int size = 0;
      for (int i = from; i < from + count; i++) {
        size += frameSize(series.get(i).labels().length + 2 + sampleSize);
      }
      if (protobuf.length < size) {
        protobuf = new byte[size * 2];
        compressed = new byte[Snappy.maxCompressedLength(protobuf.length)];
      }
      CodedOutputStream out = CodedOutputStream.newInstance(protobuf, 0, size);
      for (int i = from; i < from + count; i++) {
        NodeExporterFleet.SeriesTemplate template = series.get(i);
        double value = template.counter() ? values[i] + template.step() : wander(template, i);
        values[i] = value;
        byte[] labels = template.labels();
        out.writeTag(1, 2);
        out.writeUInt32NoTag(labels.length + 2 + sampleSize);
        out.writeRawBytes(labels);
        out.writeTag(2, 2);
        out.writeUInt32NoTag(sampleSize);
        out.writeDouble(1, value);
        out.writeInt64(2, timestamp);
      }
      out.checkNoSpaceLeft();
      return Snappy.compress(protobuf, 0, size, compressed, 0);
    }

    private double wander(NodeExporterFleet.SeriesTemplate template, int i) {
      double moved = values[i] + (random.nextDouble() - 0.5) * template.step();
      return moved < 0 ? template.start() : moved;
    }

    private static int frameSize(int inner) {
      return 1 + CodedOutputStream.computeUInt32SizeNoTag(inner) + inner;
    }

    private void send(int length, int batchSamples) throws IOException, InterruptedException {
      HttpRequest request =
          HttpRequest.newBuilder(url)
              .timeout(Duration.ofSeconds(60))
              .header("Authorization", "Bearer " + bearer)
              .header("Content-Type", "application/x-protobuf")
              .header("Content-Encoding", "snappy")
              .header("X-Prometheus-Remote-Write-Version", "0.1.0")
              .header("User-Agent", "vigie-remote-write-bench/1")
              .POST(HttpRequest.BodyPublishers.ofByteArray(compressed, 0, length))
              .build();
      while (true) {
        long sent = System.nanoTime();
        int status;
        String body;
        String retryAfter = null;
        try {
          HttpResponse<String> response =
              client.send(request, HttpResponse.BodyHandlers.ofString());
          status = response.statusCode();
          body = response.body();
          retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        } catch (IOException e) {
          status = -1;
          body = e.toString();
        }
        long answered = System.nanoTime();
        boolean measured = sent >= measureFrom && answered <= measureUntil;
        if (measured) {
          statuses.merge(status, 1L, Long::sum);
        }
        if (status >= 200 && status < 300) {
          allSamples += batchSamples;
          if (measured) {
            requests++;
            samples += batchSamples;
            bytes += length;
            latencies.recordValue(Math.min((answered - sent) / 1_000, MAX_LATENCY_MICROS));
          }
          return;
        }
        if (status == 429) {
          if (measured) {
            overloaded++;
          }
          long waitMillis = retryAfterMillis(retryAfter);
          if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis) >= measureUntil) {
            return;
          }
          Thread.sleep(waitMillis);
          continue;
        }
        if (measured) {
          errors++;
          if (sampleError == null) {
            sampleError = status + ": " + body.substring(0, Math.min(body.length(), 300));
          }
        }
        return;
      }
    }

    private static long retryAfterMillis(String header) {
      if (header == null) {
        return 100; // no advice: a short back-off, as Prometheus' min_backoff
      }
      try {
        return Math.max(0, Long.parseLong(header.trim())) * 1000;
      } catch (NumberFormatException e) {
        return 1000;
      }
    }
  }

  static void checkCompressible() {
    try {
      Snappy.compress(new byte[] {0});
    } catch (IOException e) {
      throw new UncheckedIOException("snappy-java cannot load its native library", e);
    }
  }
}
