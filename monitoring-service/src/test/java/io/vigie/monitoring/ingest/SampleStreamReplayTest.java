package io.vigie.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfig;
import io.vigie.monitoring.metrics.MetricHead;
import io.vigie.monitoring.metrics.Series;
import io.vigie.testkit.KafkaResource;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Heads per partition, on the test kit's real broker (a samples topic and consumer group of the
 * test's own): replicas in one consumer group share the samples topic's partitions; a replica given
 * a partition replays it from {@code now − retention} (the consumer's timestamp lookup), so its
 * head holds the recent samples and not the older ones; when a replica leaves, the other takes its
 * partitions and replays them; a replica that loses a partition drops its series.
 */
class SampleStreamReplayTest {

  private static final List<String> HOSTS =
      List.of("web-01", "web-02", "web-03", "db-01", "db-02", "mail-01", "dns-01", "backup-01");

  private final List<SampleStream> streams = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    streams.forEach(SampleStream::stop);
    for (Thread thread : threads) {
      thread.join(10_000);
    }
  }

  /** What a replica was told about its partitions. */
  static final class RecordingShards implements SampleShards {
    final Set<Integer> claimed = ConcurrentHashMap.newKeySet();
    final Set<Integer> released = ConcurrentHashMap.newKeySet();
    final Set<Integer> live = ConcurrentHashMap.newKeySet();

    @Override
    public void claimed(Collection<Integer> partitions, int partitionCount) {
      claimed.addAll(partitions);
      live.removeAll(partitions);
    }

    @Override
    public void released(Collection<Integer> partitions) {
      released.addAll(partitions);
      live.removeAll(partitions);
    }

    @Override
    public void live(int partition) {
      live.add(partition);
    }

    @Override
    public void arrived(int partition, List<Series> series) {}
  }

  @Test
  void aNewOwnerReplaysTheRetentionWindowAndTheOldOneLetsGo() throws Exception {
    String bootstrap = KafkaResource.bootstrapServers();
    String unique = UUID.randomUUID().toString().substring(0, 8);
    // a session timeout under the broker default's minimum: a joining or leaving replica is noticed
    // at the next heartbeat, 0.75 s away
    SmallRyeConfig config =
        IngestFixtures.config(
            Map.of(
                "ingest.partitions", "4",
                "ingest.session-timeout", "3s",
                "ingest.topic", "monitoring.samples.replay-" + unique,
                "ingest.dead-letter-topic", "monitoring.samples.replay-dlq-" + unique,
                "ingest.group-id", "monitoring-service.samples.replay-" + unique));
    IngestConfig ingest = IngestFixtures.ingest(config);
    assertThat(IngestRuntime.ensureTopic(bootstrap, ingest)).isTrue();

    Instant now = Instant.now();
    write(bootstrap, ingest, now.minus(Duration.ofMinutes(20)), "vigie_twenty_minutes_ago");
    write(bootstrap, ingest, now.minus(Duration.ofMinutes(5)), "vigie_five_minutes_ago");
    write(bootstrap, ingest, now, "vigie_now");

    MetricHead first = head(config);
    RecordingShards firstShards = new RecordingShards();
    SampleStream firstStream = start(bootstrap, ingest, first, firstShards);
    await().atMost(Duration.ofSeconds(60)).until(() -> firstShards.live.size() == 4);
    assertThat(first.select("vigie_twenty_minutes_ago")).isEmpty();
    assertThat(first.select("vigie_five_minutes_ago")).hasSize(HOSTS.size());
    assertThat(first.select("vigie_now")).hasSize(HOSTS.size());

    // a second replica joins: the partitions are shared, each host's series in one head only
    MetricHead second = head(config);
    RecordingShards secondShards = new RecordingShards();
    start(bootstrap, ingest, second, secondShards);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                !secondShards.live.isEmpty()
                    && firstShards.live.size() + secondShards.live.size() == 4
                    && first.select("vigie_now").size() + second.select("vigie_now").size()
                        == HOSTS.size());
    Set<Integer> moved = new HashSet<>(secondShards.live);
    assertThat(firstShards.released).containsAll(moved);
    assertThat(
            first.select("vigie_five_minutes_ago").size()
                + second.select("vigie_five_minutes_ago").size())
        .isEqualTo(HOSTS.size());

    // the first leaves: the second takes every partition and replays what it did not hold
    firstStream.stop();
    await().atMost(Duration.ofSeconds(60)).until(() -> secondShards.live.size() == 4);
    assertThat(second.select("vigie_now")).hasSize(HOSTS.size());
    assertThat(second.select("vigie_five_minutes_ago")).hasSize(HOSTS.size());
    assertThat(second.select("vigie_twenty_minutes_ago")).isEmpty();
    await().atMost(Duration.ofSeconds(10)).until(() -> first.seriesCount() == 0);
  }

  private static void write(String bootstrap, IngestConfig ingest, Instant at, String metric)
      throws Exception {
    try (SampleLog log =
        new SampleLog(
            new KafkaProducer<>(IngestRuntime.producerConfig(bootstrap, ingest)),
            ingest.topic(),
            InstantSource.fixed(at),
            64 * 1024,
            new SimpleMeterRegistry())) {
      log.append(IngestFixtures.hosts(metric, HOSTS, at.toEpochMilli(), 1.0))
          .get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private static MetricHead head(SmallRyeConfig config) {
    return new MetricHead(IngestFixtures.remoteWrite(config), new SimpleMeterRegistry());
  }

  private SampleStream start(
      String bootstrap, IngestConfig ingest, MetricHead head, SampleShards shards) {
    SampleStream stream =
        new SampleStream(
            () -> new KafkaConsumer<>(IngestRuntime.consumerConfig(bootstrap, ingest)),
            ingest.topic(),
            Duration.ofMinutes(15),
            InstantSource.system(),
            head,
            shards);
    Thread thread = new Thread(stream, "samples-consumer-" + streams.size());
    thread.start();
    streams.add(stream);
    threads.add(thread);
    return stream;
  }
}
