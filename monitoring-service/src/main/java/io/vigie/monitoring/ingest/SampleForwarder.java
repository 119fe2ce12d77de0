package io.vigie.monitoring.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.monitoring.metrics.RemoteWriteCodec;
import io.vigie.monitoring.metrics.WriteRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Forwards samples to a long-term store's remote_write 1.0 endpoint, as Prometheus would: snappy
 * protobuf, retried on 5xx, 429 and connection errors with a doubling pause, dropped (and counted)
 * after the last attempt or when too many requests are in flight already — forwarding never slows
 * ingest or alerting. Each sample is forwarded by the replica owning its partition, once it is live
 * (a replay is not forwarded again).
 */
public final class SampleForwarder {

  private static final Logger LOG = Logger.getLogger(SampleForwarder.class);

  private final HttpClient http;
  private final URI url;
  private final Optional<String> bearerToken;
  private final Duration timeout;
  private final int attempts;
  private final Semaphore inFlight;
  private final Counter forwarded;
  private final Counter dropped;

  public SampleForwarder(
      URI url,
      Optional<String> bearerToken,
      Duration timeout,
      int maxInFlight,
      int attempts,
      MeterRegistry registry) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.url = url;
    this.bearerToken = bearerToken;
    this.timeout = timeout;
    this.attempts = Math.max(1, attempts);
    this.inFlight = new Semaphore(Math.max(1, maxInFlight));
    this.forwarded =
        Counter.builder("vigie.monitoring.ingest.forwarded")
            .description("Samples the long-term store acknowledged")
            .register(registry);
    this.dropped =
        Counter.builder("vigie.monitoring.ingest.forward.dropped")
            .description("Samples not forwarded: the store refused them or was unreachable")
            .register(registry);
  }

  /** Forwards the samples without waiting; the answer completes when the store took them. */
  public CompletableFuture<Boolean> forward(WriteRequest request) {
    int samples = request.sampleCount();
    if (samples == 0) {
      return CompletableFuture.completedFuture(true);
    }
    if (!inFlight.tryAcquire()) {
      dropped.increment(samples);
      return CompletableFuture.completedFuture(false);
    }
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    send(RemoteWriteCodec.encode(request), samples, 1, done);
    return done.whenComplete((ok, error) -> inFlight.release());
  }

  private void send(byte[] body, int samples, int attempt, CompletableFuture<Boolean> done) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/x-protobuf")
            .header("Content-Encoding", "snappy")
            .header("X-Prometheus-Remote-Write-Version", "0.1.0")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    bearerToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
    http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (answer, error) -> {
              int status = answer == null ? 0 : answer.statusCode();
              if (error == null && status / 100 == 2) {
                forwarded.increment(samples);
                done.complete(true);
                return;
              }
              boolean retryable = error != null || status == 429 || status >= 500;
              if (retryable && attempt < attempts) {
                long pause = 500L << (attempt - 1);
                CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS)
                    .execute(() -> send(body, samples, attempt + 1, done));
                return;
              }
              dropped.increment(samples);
              LOG.warnf(
                  "Forwarding %d samples to %s failed (%s); dropped",
                  samples, url, error != null ? error.toString() : "HTTP " + status);
              done.complete(false);
            });
  }
}
