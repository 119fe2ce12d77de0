package io.vigie.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfig;
import io.vigie.kit.problem.Problem;
import io.vigie.kit.problem.ProblemException;
import io.vigie.monitoring.ingest.IngestConfig;
import io.vigie.monitoring.ingest.IngestFixtures;
import io.vigie.monitoring.ingest.IngestRuntime;
import io.vigie.monitoring.ingest.SampleLog;
import io.vigie.testkit.KafkaResource;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

/**
 * A few hundred hostile bodies (fixed seeds) through the receiver as the service builds it (its
 * default configuration, writing to a samples topic of its own on the test kit's real broker):
 * random bytes, every kind of truncation and bit flips of a valid body, before and after
 * compression. Each is taken (204: written) or refused with a 400 problem naming the field, never
 * anything else — no other exception, which the HTTP layer would answer 500. (How a 400 problem
 * reaches the sender over HTTP is {@link RemoteWriteTest}'s malformed-body tests.)
 */
class RemoteWriteFuzzTest {

  @Test
  void fuzzedBodiesAreTakenOrRefusedNeverAServerError() throws Exception {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    SmallRyeConfig config =
        IngestFixtures.config(
            Map.of(
                "ingest.topic", "monitoring.samples.fuzz-" + unique,
                "ingest.dead-letter-topic", "monitoring.samples.fuzz-dlq-" + unique,
                "ingest.partitions", "1"));
    RemoteWriteConfig remoteWrite = IngestFixtures.remoteWrite(config);
    IngestConfig ingest = IngestFixtures.ingest(config);
    String bootstrap = KafkaResource.bootstrapServers();
    assertThat(IngestRuntime.ensureTopic(bootstrap, ingest)).isTrue();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (SampleLog samples =
        new SampleLog(
            new KafkaProducer<>(IngestRuntime.producerConfig(bootstrap, ingest)),
            ingest.topic(),
            InstantSource.system(),
            (int) ingest.maxRecordBytes().asLongValue(),
            meters)) {
      RemoteWriteResource receiver =
          new RemoteWriteResource(
              new MetricHead(remoteWrite, meters),
              new RemoteWriteGate(remoteWrite),
              samples,
              remoteWrite,
              ingest,
              meters);

      int taken = 0;
      int refused = 0;
      for (byte[] fuzzed : bodies(System.currentTimeMillis())) {
        try {
          Response answer =
              receiver
                  .write(fuzzed, RemoteWriteResource.PROTOBUF, "snappy", "0.1.0")
                  .await()
                  .atMost(Duration.ofSeconds(30));
          assertThat(answer.getStatus()).as("answer to %s", Arrays.toString(fuzzed)).isEqualTo(204);
          taken++;
        } catch (ProblemException e) {
          Problem problem = e.toProblem(RemoteWriteResource.PATH);
          assertThat(problem.status()).as("answer to %s", Arrays.toString(fuzzed)).isEqualTo(400);
          assertThat(problem.errors()).isNotEmpty();
          assertThat(problem.errors().get(0).field()).isNotBlank();
          refused++;
        }
      }
      assertThat(taken + refused).isEqualTo(375);
      assertThat(refused).isGreaterThan(200);
    }
  }

  /** 375 bodies from a valid one of 16 series, with a fixed seed. */
  private static List<byte[]> bodies(long now) throws Exception {
    List<WriteRequest.TimeSeries> series = new ArrayList<>();
    for (int cpu = 0; cpu < 4; cpu++) {
      for (String mode : List.of("idle", "user", "system", "iowait")) {
        series.add(
            new WriteRequest.TimeSeries(
                SeriesLabels.of(
                    Map.of(
                        "__name__",
                        "fuzz_node_cpu_seconds_total",
                        "cpu",
                        String.valueOf(cpu),
                        "mode",
                        mode,
                        "instance",
                        "fuzz-01:9100")),
                new long[] {now - 2000, now - 1000},
                new double[] {cpu * 100.5, cpu * 100.75}));
      }
    }
    byte[] protobuf = RemoteWriteCodec.encodeProtobuf(new WriteRequest(series));
    byte[] body = Snappy.compress(protobuf);
    Random random = new Random(42);
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < 75; i++) {
      byte[] noise = new byte[random.nextInt(512)];
      random.nextBytes(noise);
      bodies.add(noise);
      bodies.add(Arrays.copyOf(body, random.nextInt(body.length)));
      bodies.add(Snappy.compress(Arrays.copyOf(protobuf, random.nextInt(protobuf.length))));
      bodies.add(flip(body, random));
      bodies.add(Snappy.compress(flip(protobuf, random)));
    }
    return bodies;
  }

  private static byte[] flip(byte[] original, Random random) {
    byte[] copy = original.clone();
    for (int f = 1 + random.nextInt(3); f > 0; f--) {
      int at = random.nextInt(copy.length);
      copy[at] ^= (byte) (1 << random.nextInt(8));
    }
    return copy;
  }
}
