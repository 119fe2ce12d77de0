package io.vigie.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.vigie.kit.problem.Problem;
import io.vigie.monitoring.metrics.MetricHead;
import io.vigie.monitoring.metrics.RemoteWriteCodec;
import io.vigie.monitoring.metrics.RemoteWriteGate;
import io.vigie.monitoring.metrics.RemoteWriteResource;
import io.vigie.monitoring.metrics.Series;
import io.vigie.monitoring.metrics.WriteRequest;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A broker outage during ingest, with the receiver, the samples topic and a head filled from it as
 * the service wires them, on a real broker of the test's own that the test stops: every request
 * answered 204 has its samples in the head, and once the broker is gone requests are answered 503
 * with Retry-After — never a 204 for samples that were not written.
 */
class IngestOutageTest {

  private static final String PROTOBUF = "application/x-protobuf";

  private EmbeddedKafkaBroker broker;
  private SampleLog log;
  private SampleStream stream;
  private Thread reader;

  private final ExecutorService senders = Executors.newFixedThreadPool(3);

  @AfterEach
  void stop() throws InterruptedException {
    senders.shutdownNow();
    if (stream != null) {
      stream.stop();
      reader.join(10_000);
    }
    if (log != null) {
      log.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aBrokerOutageAnswers503AndNo204ForSamplesThatWereNotWritten() throws Exception {
    int port = IngestFixtures.freePort();
    broker = IngestFixtures.broker(port);
    SmallRyeConfig config =
        IngestFixtures.config(
            Map.of(
                "ingest.partitions", "3",
                "ingest.ack-timeout", "2s",
                "ingest.unavailable-retry-after", "4s",
                "ingest.session-timeout", "30s"));
    IngestConfig ingest = IngestFixtures.ingest(config);
    String bootstrap = "127.0.0.1:" + port;
    assertThat(IngestRuntime.ensureTopic(bootstrap, ingest)).isTrue();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    MetricHead head = new MetricHead(IngestFixtures.remoteWrite(config), meters);
    log =
        new SampleLog(
            new KafkaProducer<>(IngestRuntime.producerConfig(bootstrap, ingest)),
            ingest.topic(),
            InstantSource.system(),
            64 * 1024,
            meters);
    stream =
        new SampleStream(
            () -> new KafkaConsumer<>(IngestRuntime.consumerConfig(bootstrap, ingest)),
            ingest.topic(),
            Duration.ofMinutes(15),
            InstantSource.system(),
            head,
            SampleShards.NONE);
    reader = new Thread(stream, "samples-consumer-test");
    reader.start();
    RemoteWriteResource receiver =
        new RemoteWriteResource(
            head, new RemoteWriteGate(4), log, IngestFixtures.remoteWrite(config), ingest, meters);

    long now = System.currentTimeMillis();
    int acknowledged = 0;
    for (int i = 0; i < 20; i++) {
      WriteRequest request =
          IngestFixtures.hosts(
              "node_load1", List.of("web-" + i, "db-" + i, "mail-" + i), now - 60_000 + i, i);
      Response answer = write(receiver, request);
      assertThat(answer.getStatus()).isEqualTo(204);
      acknowledged += request.sampleCount();
    }
    int written = acknowledged;
    await().atMost(Duration.ofSeconds(60)).until(() -> samplesIn(head) == written);

    broker.close();
    broker = null;
    // three requests at once, as Prometheus' shards send them: each waits out the ack timeout
    List<CompletableFuture<Response>> refused = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      WriteRequest late =
          IngestFixtures.hosts("node_load1", List.of("web-" + i, "late-" + i), now + i, 99);
      refused.add(CompletableFuture.supplyAsync(() -> write(receiver, late), senders));
    }
    for (CompletableFuture<Response> request : refused) {
      Response answer = request.get(30, TimeUnit.SECONDS);
      assertThat(answer.getStatus()).isEqualTo(503);
      assertThat(answer.getHeaderString("Retry-After")).isEqualTo("4");
      assertThat(((Problem) answer.getEntity()).status()).isEqualTo(503);
    }

    // what the head holds is exactly what was acknowledged: nothing of the refused requests
    assertThat(samplesIn(head)).isEqualTo(acknowledged);
    assertThat(head.select("node_load1"))
        .noneSatisfy(s -> assertThat(s.labels().get("instance")).startsWith("late-"));
    assertThat(
            meters
                .counter("vigie.monitoring.remote-write.requests", "outcome", "unavailable")
                .count())
        .isEqualTo(3);
  }

  private static Response write(RemoteWriteResource receiver, WriteRequest request) {
    return receiver
        .write(RemoteWriteCodec.encode(request), PROTOBUF, "snappy", "0.1.0")
        .await()
        .atMost(Duration.ofSeconds(30));
  }

  private static int samplesIn(MetricHead head) {
    int count = 0;
    for (Series series : head.select("node_load1")) {
      count += series.samplesSince(0).size();
    }
    return count;
  }
}
