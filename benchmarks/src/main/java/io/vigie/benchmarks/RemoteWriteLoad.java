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
 * is answered; or paced to a given rate of samples per second in all (still never more than one
 * request in flight per sender). A 429 is retried after its Retry-After (as Prometheus does);
 * another non-2xx answer drops the batch and counts as an error.
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

  /**
   * Starts the senders and returns at once. {@code samplesPerSecond} above 0 paces them to that
   * rate in all (each sender its share, as scrapes on a schedule would), 0 leaves them in a closed
   * loop. The measured window begins after {@code warmup} and lasts {@code duration}, or until
   * {@link Running#stop()} when {@code duration} is null.
   */
  static Running start(
      HttpClient client,
      URI url,
      String bearer,
      NodeExporterFleet fleet,
      int senders,
      int minBatch,
      int maxBatch,
      double samplesPerSecond,
      Duration warmup,
      Duration duration,
      long seed) {
    long start = System.nanoTime();
    Window window = new Window(start + warmup.toNanos());
    window.until = duration == null ? Long.MAX_VALUE : window.from + duration.toNanos();
    // nanoseconds of a sender's schedule one sample takes
    double pace = samplesPerSecond > 0 ? senders * 1e9 / samplesPerSecond : 0;
    List<Sender> all = new ArrayList<>();
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
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
              window,
              pace,
              new SplittableRandom(seed + i));
      all.add(sender);
      threads.execute(sender);
    }
    return new Running(threads, all, window);
  }

  /** The measured window, shared by the senders; {@code until} moves when the load is stopped. */
  private static final class Window {
    final long from;
    volatile long until;

    Window(long from) {
      this.from = from;
    }
  }

  /** Senders at work; {@link #await()} or {@link #stop()} collects what they measured. */
  static final class Running {
    private final ExecutorService threads;
    private final List<Sender> senders;
    private final Window window;

    private Running(ExecutorService threads, List<Sender> senders, Window window) {
      this.threads = threads;
      this.senders = senders;
      this.window = window;
    }

    /** Samples answered 2xx so far, warm-up included (read while the senders run). */
    long answered() {
      long sum = 0;
      for (Sender sender : senders) {
        sum += sender.allSamples;
      }
      return sum;
    }

    /** Ends the measured window now (or the warm-up, if still in it) and collects the result. */
    Result stop() throws InterruptedException {
      window.until = Math.max(window.from, Math.min(window.until, System.nanoTime()));
      return await();
    }

    /** Waits for the senders to finish the window, then sums what they measured. */
    Result await() throws InterruptedException {
      threads.close();
      Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
      Map<Integer, Long> statuses = new TreeMap<>();
      long samples = 0;
      long allSamples = 0;
      long requests = 0;
      long overloaded = 0;
      long errors = 0;
      long bytes = 0;
      String sampleError = null;
      for (Sender sender : senders) {
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
          Math.max(1, window.until - window.from) / 1e9,
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
  }

  /**
   * One WriteRequest holding one sample of one series ({@code labels} as {@link
   * NodeExporterFleet#encode} makes them), snappy-compressed: what a sender posts for a single
   * reading.
   */
  static byte[] singleSample(byte[] labels, double value, long timestampMillis) throws IOException {
    int sampleSize = sampleSize(timestampMillis);
    int size = frameSize(labels.length + 2 + sampleSize);
    byte[] protobuf = new byte[size];
    CodedOutputStream out = CodedOutputStream.newInstance(protobuf);
    writeSeries(out, labels, sampleSize, value, timestampMillis);
    out.checkNoSpaceLeft();
    return Snappy.compress(protobuf);
  }

  /** A remote_write 1.0 POST of a snappy block, with the headers Prometheus sends. */
  static HttpRequest request(URI url, String bearer, byte[] snappy, int length) {
    return HttpRequest.newBuilder(url)
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + bearer)
        .header("Content-Type", "application/x-protobuf")
        .header("Content-Encoding", "snappy")
        .header("X-Prometheus-Remote-Write-Version", "0.1.0")
        .header("User-Agent", "vigie-remote-write-bench/1")
        .POST(HttpRequest.BodyPublishers.ofByteArray(snappy, 0, length))
        .build();
  }

  private static int sampleSize(long timestamp) {
    return CodedOutputStream.computeDoubleSize(1, 0)
        + CodedOutputStream.computeInt64Size(2, timestamp);
  }

  /** One TimeSeries (field 1 of the WriteRequest): its labels and one Sample. */
  private static void writeSeries(
      CodedOutputStream out, byte[] labels, int sampleSize, double value, long timestamp)
      throws IOException {
    out.writeTag(1, 2);
    out.writeUInt32NoTag(labels.length + 2 + sampleSize);
    out.writeRawBytes(labels);
    out.writeTag(2, 2);
    out.writeUInt32NoTag(sampleSize);
    out.writeDouble(1, value);
    out.writeInt64(2, timestamp);
  }

  private static int frameSize(int inner) {
    return 1 + CodedOutputStream.computeUInt32SizeNoTag(inner) + inner;
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
    private final Window window;
    private final double pace;
    private final SplittableRandom random;
    private byte[] protobuf = new byte[1 << 16];
    private byte[] compressed = new byte[Snappy.maxCompressedLength(1 << 16)];

    final Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
    final Map<Integer, Long> statuses = new TreeMap<>();
    long samples;
    // written by the sender only, read by HeadWatch while it runs
    volatile long allSamples;
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
        Window window,
        double pace,
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
      this.window = window;
      this.pace = pace;
      this.random = random;
    }

    @Override
    public void run() {
      try {
        long lastTimestamp = 0;
        int next = 0;
        long timestamp = 0;
        double due = System.nanoTime();
        while (System.nanoTime() < window.until && !series.isEmpty()) {
          int batch = Math.min(random.nextInt(minBatch, maxBatch + 1), series.size() - next);
          if (pace > 0) {
            // paced: this batch is due when the previous ones' share of the rate has elapsed
            long now = System.nanoTime();
            due = Math.max(due, now - 1e9); // never more than 1 s of catching up after a stall
            long wait = (long) due - now;
            if (wait > 0) {
              Thread.sleep(Duration.ofNanos(wait));
            }
            due += batch * pace;
          }
          if (next == 0) {
            // a new scrape round: every series of this sender gets a sample at this instant
            timestamp = Math.max(System.currentTimeMillis(), lastTimestamp + 1);
            lastTimestamp = timestamp;
          }
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
      int sampleSize = sampleSize(timestamp);
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
        writeSeries(out, template.labels(), sampleSize, value, timestamp);
      }
      out.checkNoSpaceLeft();
      return Snappy.compress(protobuf, 0, size, compressed, 0);
    }

    private double wander(NodeExporterFleet.SeriesTemplate template, int i) {
      double moved = values[i] + (random.nextDouble() - 0.5) * template.step();
      return moved < 0 ? template.start() : moved;
    }

    private void send(int length, int batchSamples) throws IOException, InterruptedException {
      HttpRequest request = request(url, bearer, compressed, length);
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
        boolean measured = sent >= window.from && answered <= window.until;
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
          if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis) >= window.until) {
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
