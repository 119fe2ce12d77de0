package io.vigie.monitoring.metrics;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vigie.monitoring.ingest.IngestRuntime;
import io.vigie.monitoring.ingest.SampleLog;
import io.vigie.monitoring.ingest.SampleStream;
import io.vigie.testkit.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Sends remote_write requests to the service under test, as Prometheus does. */
public final class RemoteWriteClient {

  /** Tokens live an hour: one is signed again after half of that. */
  private static final long TOKEN_REUSE_NANOS = TimeUnit.MINUTES.toNanos(30);

  private static String agent;
  private static long agentSignedAt;

  private RemoteWriteClient() {}

  /** A request as Prometheus 2.x sends it, with the agent's token. */
  static RequestSpecification asPrometheus() {
    return given()
        .auth()
        .oauth2(agent())
        .contentType(RemoteWriteResource.PROTOBUF)
        .header("Content-Encoding", "snappy")
        .header(RemoteWriteResource.VERSION_HEADER, "0.1.0");
  }

  /**
   * Posts an encoded body as Prometheus does; the answer is the caller's to check. After a 204 it
   * waits until the samples, written to the samples topic, are in this replica's head (the
   * application under test owns every partition).
   */
  public static Response send(byte[] body) {
    Response answer = asPrometheus().body(body).post(RemoteWriteResource.PATH);
    if (answer.statusCode() == 204) {
      awaitInHead();
    }
    return answer;
  }

  /** Waits until the head holds every sample the application acknowledged so far. */
  public static void awaitInHead() {
    SampleLog log = Arc.container().instance(SampleLog.class).get();
    IngestRuntime runtime = Arc.container().instance(IngestRuntime.class).get();
    var acknowledged = log.acknowledged();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () -> {
              SampleStream stream = runtime.stream();
              return stream != null && stream.caughtUpWith(acknowledged);
            });
  }

  /** Encodes {@code request} and posts it as Prometheus does. */
  public static Response send(WriteRequest request) {
    return send(RemoteWriteCodec.encode(request));
  }

  /**
   * The agent's token, signed once in a while: signing one per request would cost more than the
   * request.
   */
  private static synchronized String agent() {
    long now = System.nanoTime();
    if (agent == null || now - agentSignedAt > TOKEN_REUSE_NANOS) {
      agent = TestTokens.agent();
      agentSignedAt = now;
    }
    return agent;
  }

  /** A metric name no other test uses, so tests sharing one head do not see each other. */
  static String uniqueMetric(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** One sample for each of {@code hosts} of metric {@code name} at {@code timestamp}. */
  static WriteRequest hosts(String name, List<String> hosts, long timestamp, double value) {
    return new WriteRequest(
        hosts.stream()
            .map(
                host ->
                    WriteRequest.TimeSeries.of(
                        SeriesLabels.of(
                            Map.of("__name__", name, "instance", host + ":9100", "job", "node")),
                        timestamp,
                        value))
            .toList());
  }
}
