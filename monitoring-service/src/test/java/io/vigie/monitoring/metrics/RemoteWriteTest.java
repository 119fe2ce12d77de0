package io.vigie.monitoring.metrics;

import static io.restassured.RestAssured.given;
import static io.vigie.monitoring.metrics.RemoteWriteClient.send;
import static io.vigie.monitoring.metrics.RemoteWriteClient.uniqueMetric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vigie.testkit.TestTokens;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

/** The remote_write endpoint over real HTTP, with real tokens, into the application's head. */
@QuarkusTest
class RemoteWriteTest {

  @Inject MetricHead head;
  @Inject MeterRegistry meters;
  @Inject RemoteWriteGate gate;

  @Test
  void aWriteLandsInTheHead() {
    String metric = uniqueMetric("node_load1");
    long now = System.currentTimeMillis();
    WriteRequest request =
        new WriteRequest(
            List.of(
                new WriteRequest.TimeSeries(
                    SeriesLabels.of(
                        "__name__", metric,
                        "instance", "web-01.par-dc2.example.net:9100",
                        "job", "node",
                        "vigie_server_id", "0195f0c6-1f53-7a43-9d54-3c1f2b7e9a10"),
                    new long[] {now - 2000, now - 1000},
                    new double[] {0.42, 0.57})));

    send(request).then().statusCode(204);

    assertThat(head.select(metric)).hasSize(1);
    Series series = head.select(metric).iterator().next();
    assertThat(series.labels())
        .containsEntry("instance", "web-01.par-dc2.example.net:9100")
        .containsEntry("vigie_server_id", "0195f0c6-1f53-7a43-9d54-3c1f2b7e9a10");
    assertThat(series.latest()).isEqualTo(new Sample(now - 1000, 0.57));
    assertThat(series.samplesSince(now - 2000)).hasSize(2);
    assertThat(requests("accepted")).isPositive();
  }

  @Test
  void aRetriedWriteLeavesTheHeadUnchanged() {
    String metric = uniqueMetric("node_memory_MemAvailable_bytes");
    long now = System.currentTimeMillis();
    byte[] body =
        RemoteWriteCodec.encode(
            RemoteWriteClient.hosts(metric, List.of("db-01", "db-02", "db-03"), now, 8.5e9));
    send(body).then().statusCode(204);
    int seriesBefore = head.seriesCount();
    List<List<Sample>> samplesBefore = samples(metric);
    double duplicatesBefore = counter("vigie.monitoring.remote-write.samples.duplicate");

    send(body).then().statusCode(204);

    assertThat(head.seriesCount()).isEqualTo(seriesBefore);
    assertThat(samples(metric)).isEqualTo(samplesBefore);
    assertThat(counter("vigie.monitoring.remote-write.samples.duplicate") - duplicatesBefore)
        .isEqualTo(3);
  }

  @Test
  void malformedSnappyIsA400Problem() {
    send(new byte[] {10, (byte) 0xff, (byte) 0xfe, 1, 2, 3, 4})
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("errors[0].field", equalTo("body"))
        .body("detail", containsString("snappy"));
  }

  @Test
  void malformedProtobufIsA400ProblemNamingThePlace() throws Exception {
    byte[] protobuf =
        RemoteWriteCodec.encodeProtobuf(
            RemoteWriteClient.hosts(
                uniqueMetric("up"), List.of("a", "b"), System.currentTimeMillis(), 1));
    send(Snappy.compress(Arrays.copyOf(protobuf, protobuf.length - 4)))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", startsWith("timeseries[1]"))
        .body("detail", containsString("protobuf"));
    send(Snappy.compress(
            RemoteWriteCodecTest.message(
                out ->
                    out.writeByteArray(
                        1,
                        RemoteWriteCodecTest.message(
                            s -> s.writeByteArray(1, RemoteWriteCodecTest.label("job", "x")))))))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("timeseries[0].labels"))
        .body("detail", containsString("__name__"));
  }

  @Test
  void samplesFromTheFutureAreRefused() {
    String metric = uniqueMetric("node_time_seconds");
    long future = System.currentTimeMillis() + 3_600_000;
    send(RemoteWriteClient.hosts(metric, List.of("web-01"), future, 1))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("timeseries[0].samples[0].timestamp"));
    assertThat(head.select(metric)).isEmpty();
  }

  /**
   * Every decoding slot taken (as by requests being decoded): the next request waits the overload
   * wait, then is answered 429 with the configured Retry-After; once a slot is free it is taken.
   * (The limits themselves, small enough to reach, are {@link RemoteWriteLimitsTest}'s.)
   */
  @Test
  void tooManyRequestsAtOnceAnswer429WithRetryAfter() {
    byte[] body = upOnOneHost();
    List<RemoteWriteGate.Permit> held = new ArrayList<>();
    try {
      for (RemoteWriteGate.Permit permit = gate.tryEnter();
          permit != null;
          permit = gate.tryEnter()) {
        held.add(permit);
      }
      assertThat(held).hasSize(gate.capacity());
      send(body)
          .then()
          .statusCode(429)
          .header("Retry-After", "1")
          .contentType("application/problem+json")
          .body("status", equalTo(429));
    } finally {
      held.forEach(RemoteWriteGate.Permit::close);
    }
    send(body).then().statusCode(204);
  }

  @Test
  void onlyRemoteWrite1IsSpoken() {
    byte[] body = upOnOneHost();
    String agent = TestTokens.agent();
    // remote-write 2.0
    post(
            agent,
            "application/x-protobuf;proto=io.prometheus.write.v2.Request",
            "snappy",
            "2.0.0",
            body)
        .statusCode(415)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("Content-Type"))
        .body("detail", containsString("io.prometheus.write.v2.Request"));
    // no Content-Encoding, or another one
    post(agent, RemoteWriteResource.PROTOBUF, null, null, body)
        .statusCode(415)
        .body("errors[0].field", equalTo("Content-Encoding"));
    post(agent, RemoteWriteResource.PROTOBUF, "gzip", null, body)
        .statusCode(415)
        .body("detail", containsString("not gzip"));
    // JSON is not remote_write
    post(agent, "application/json", "snappy", null, "{}".getBytes(StandardCharsets.UTF_8))
        .statusCode(415);
    // a version it does not know
    post(agent, RemoteWriteResource.PROTOBUF, "snappy", "2.0.0", body)
        .statusCode(415)
        .body("errors[0].field", equalTo(RemoteWriteResource.VERSION_HEADER));
    // the explicit 1.0 proto parameter, and no version header at all, are fine
    post(agent, "application/x-protobuf;proto=prometheus.WriteRequest", "snappy", null, body)
        .statusCode(204);
  }

  @Test
  void onlyAgentsWrite() {
    byte[] body = upOnOneHost();
    post(null, RemoteWriteResource.PROTOBUF, "snappy", null, body).statusCode(401);
    for (String token :
        List.of(
            TestTokens.client("lumiere"),
            TestTokens.support(),
            TestTokens.engineer(),
            TestTokens.admin())) {
      post(token, RemoteWriteResource.PROTOBUF, "snappy", null, body)
          .statusCode(403)
          .contentType("application/problem+json");
    }
    String forged = TestTokens.forged("agent", java.util.Set.of("vigie-agent"));
    post(forged, RemoteWriteResource.PROTOBUF, "snappy", null, body).statusCode(401);
  }

  /** A valid body: one {@code up} sample of a host, now. */
  private static byte[] upOnOneHost() {
    return RemoteWriteCodec.encode(
        RemoteWriteClient.hosts(
            uniqueMetric("up"), List.of("web-01"), System.currentTimeMillis(), 1));
  }

  /**
   * POSTs {@code body} to remote_write as {@code token} (no token if null), with that content type
   * and those headers (left out if null).
   */
  private static ValidatableResponse post(
      String token, String contentType, String encoding, String version, byte[] body) {
    RequestSpecification request = given().contentType(contentType);
    if (token != null) {
      request = request.auth().oauth2(token);
    }
    if (encoding != null) {
      request = request.header("Content-Encoding", encoding);
    }
    if (version != null) {
      request = request.header(RemoteWriteResource.VERSION_HEADER, version);
    }
    return request.body(body).post(RemoteWriteResource.PATH).then();
  }

  private List<List<Sample>> samples(String metric) {
    return head.select(metric).stream()
        .sorted((a, b) -> a.labels().get("instance").compareTo(b.labels().get("instance")))
        .map(s -> s.samplesSince(0))
        .toList();
  }

  private double counter(String name) {
    return meters.get(name).counter().count();
  }

  private double requests(String outcome) {
    return meters
        .get("vigie.monitoring.remote-write.requests")
        .tag("outcome", outcome)
        .counter()
        .count();
  }
}
