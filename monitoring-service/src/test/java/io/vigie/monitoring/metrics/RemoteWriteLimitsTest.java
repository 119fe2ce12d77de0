package io.vigie.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfig;
import io.vigie.kit.problem.Problem;
import io.vigie.kit.problem.ProblemException;
import io.vigie.monitoring.ingest.IngestConfig;
import io.vigie.monitoring.ingest.IngestFixtures;
import io.vigie.monitoring.ingest.IngestRuntime;
import io.vigie.monitoring.ingest.SampleLog;
import io.vigie.monitoring.ingest.SampleShards;
import io.vigie.monitoring.ingest.SampleStream;
import io.vigie.testkit.KafkaResource;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The receiver's limits, with a small head, one request in flight and a 64 KiB body cap: the
 * receiver and the head built from the service's typed configuration as the application builds
 * them, writing to a samples topic of their own on the test kit's real broker and reading it back
 * into the head, so the limits are reached without booting the application a second time.
 */
class RemoteWriteLimitsTest {

  static final int MAX_SERIES = 5;

  private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private static MetricHead head;
  private static RemoteWriteGate gate;
  private static SampleLog samples;
  private static SampleStream stream;
  private static Thread reader;
  private static RemoteWriteResource receiver;

  @BeforeAll
  static void receiverWithSmallLimits() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    SmallRyeConfig config =
        IngestFixtures.config(
            Map.of(
                "remote-write.max-series",
                String.valueOf(MAX_SERIES),
                "remote-write.max-in-flight",
                "1",
                "remote-write.max-body-bytes",
                "64K",
                "remote-write.overload-retry-after",
                "3s",
                "ingest.topic",
                "monitoring.samples.small-limits-" + unique,
                "ingest.dead-letter-topic",
                "monitoring.samples.small-limits-dlq-" + unique,
                "ingest.group-id",
                "monitoring-service.samples.small-limits-" + unique,
                "ingest.partitions",
                "1"));
    RemoteWriteConfig limits = IngestFixtures.remoteWrite(config);
    IngestConfig ingest = IngestFixtures.ingest(config);
    String bootstrap = KafkaResource.bootstrapServers();
    assertThat(IngestRuntime.ensureTopic(bootstrap, ingest)).isTrue();

    head = new MetricHead(limits, meters);
    gate = new RemoteWriteGate(limits);
    samples =
        new SampleLog(
            new KafkaProducer<>(IngestRuntime.producerConfig(bootstrap, ingest)),
            ingest.topic(),
            InstantSource.system(),
            (int) ingest.maxRecordBytes().asLongValue(),
            meters);
    stream =
        new SampleStream(
            () -> new KafkaConsumer<>(IngestRuntime.consumerConfig(bootstrap, ingest)),
            ingest.topic(),
            limits.retention(),
            InstantSource.system(),
            head,
            SampleShards.NONE);
    reader = new Thread(stream, "small-limits-samples-reader");
    reader.start();
    receiver = new RemoteWriteResource(head, gate, samples, limits, ingest, meters);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (stream != null) {
      stream.stop();
      reader.join(10_000);
    }
    if (samples != null) {
      samples.close();
    }
  }

  /** Posts {@code body} to the receiver as Prometheus does; the answer once it is complete. */
  private static Response write(byte[] body) {
    return receiver
        .write(body, RemoteWriteResource.PROTOBUF, "snappy", "0.1.0")
        .await()
        .atMost(Duration.ofSeconds(30));
  }

  /** Writes {@code request}, which must be answered 204, and waits until the head has it. */
  private static void written(WriteRequest request) {
    assertThat(write(RemoteWriteCodec.encode(request)).getStatus()).isEqualTo(204);
    Map<Integer, Long> acknowledged = samples.acknowledged();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> stream.caughtUpWith(acknowledged));
  }

  /**
   * The receiver writes every valid sample to the samples topic (204: it is durable); the head of
   * the replica owning the partition refuses the new series beyond its limit, and counts them.
   */
  @Test
  void newSeriesBeyondTheLimitAreRefusedByTheHeadWhileExistingOnesKeepTheirSamples() {
    String metric = RemoteWriteClient.uniqueMetric("node_load5");
    long now = System.currentTimeMillis();
    int room = MAX_SERIES - head.seriesCount();
    List<String> existing = new ArrayList<>();
    for (int i = 0; i < room; i++) {
      existing.add("web-0" + i);
    }
    written(RemoteWriteClient.hosts(metric, existing, now - 1000, 1));
    assertThat(head.seriesCount()).isEqualTo(MAX_SERIES);

    double refusedBefore = meters.counter("vigie.monitoring.remote-write.series.refused").count();
    List<String> more = new ArrayList<>(existing);
    more.addAll(List.of("db-01", "db-02", "db-03"));
    written(RemoteWriteClient.hosts(metric, more, now, 2));

    assertThat(meters.counter("vigie.monitoring.remote-write.series.refused").count())
        .isEqualTo(refusedBefore + 3);
    assertThat(head.seriesCount()).isEqualTo(MAX_SERIES);
    assertThat(head.select(metric)).hasSize(room);
    assertThat(head.select(metric))
        .allSatisfy(series -> assertThat(series.latest()).isEqualTo(new Sample(now, 2)));
  }

  @Test
  void tooManyRequestsAtOnceAnswer429WithRetryAfter() {
    byte[] body =
        RemoteWriteCodec.encode(
            RemoteWriteClient.hosts(
                RemoteWriteClient.uniqueMetric("up"), List.of(), System.currentTimeMillis(), 1));
    // the one permit is held, as by a request being decoded
    try (RemoteWriteGate.Permit busy = gate.tryEnter()) {
      assertThat(busy).isNotNull();
      Response answer = write(body);
      assertThat(answer.getStatus()).isEqualTo(429);
      assertThat(answer.getHeaders().getFirst("Retry-After")).hasToString("3");
      assertThat(answer.getHeaders().getFirst("Content-Type")).hasToString(Problem.MEDIA_TYPE);
      assertThat(((Problem) answer.getEntity()).status()).isEqualTo(429);
    }
    assertThat(write(body).getStatus()).isEqualTo(204);
  }

  @Test
  void aBodyOverTheCapIs413() {
    byte[] incompressible = new byte[70 * 1024];
    new Random(7).nextBytes(incompressible);
    assertThatThrownBy(() -> write(incompressible))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              Problem problem = e.toProblem(RemoteWriteResource.PATH);
              assertThat(problem.status()).isEqualTo(413);
              assertThat(problem.errors())
                  .extracting(Problem.FieldError::field)
                  .containsExactly("body");
              assertThat(problem.detail()).contains("65536");
            });
  }
}
