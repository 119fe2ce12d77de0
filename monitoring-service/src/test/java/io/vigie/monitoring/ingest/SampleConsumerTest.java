package io.vigie.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vigie.monitoring.metrics.MetricHead;
import io.vigie.monitoring.metrics.RemoteWriteClient;
import io.vigie.monitoring.metrics.Sample;
import io.vigie.monitoring.metrics.Series;
import io.vigie.monitoring.metrics.SeriesLabels;
import io.vigie.monitoring.metrics.WriteRequest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The application's consumer of the samples topic: records it cannot read go to the dead-letter
 * topic with the reason while the partition goes on, and a burst over many partitions, appended on
 * several threads (the test profile sets {@code append-threads=3}), reaches the head whole and in
 * order.
 */
@QuarkusTest
class SampleConsumerTest {

  @Inject MetricHead head;
  @Inject IngestConfig config;
  @Inject SampleLog log;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Test
  void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextBatchToTheHead() throws Exception {
    String host = "garbled-" + UUID.randomUUID().toString().substring(0, 8) + ".example.net";
    String metric = "node_load5_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    int partition = SampleRouting.partition(host, config.partitions());
    byte[] key = host.getBytes(StandardCharsets.UTF_8);
    byte[] unknownVersion = {0x7f, 0x01, 0x02, 0x03};
    byte[] truncated = {SampleBatchCodec.VERSION, 0x05, 0x02};
    try (KafkaProducer<byte[], byte[]> plain = plainProducer()) {
      plain.send(new ProducerRecord<>(config.topic(), partition, key, unknownVersion)).get();
      plain.send(new ProducerRecord<>(config.topic(), partition, key, truncated)).get();
    }

    // a good batch of the same host, in the same partition, after the garbage
    long now = System.currentTimeMillis();
    WriteRequest good =
        new WriteRequest(
            List.of(
                WriteRequest.TimeSeries.of(
                    SeriesLabels.of("__name__", metric, "instance", host + ":9100"), now, 0.75)));
    RemoteWriteClient.send(good).then().statusCode(204);

    assertThat(head.select(metric))
        .singleElement()
        .satisfies(s -> assertThat(s.latest()).isEqualTo(new Sample(now, 0.75)));
    List<ConsumerRecord<byte[], byte[]>> letters = deadLetters(key, 2);
    assertThat(letters)
        .extracting(ConsumerRecord::value)
        .containsExactly(unknownVersion, truncated);
    assertThat(header(letters.get(0), SampleDeadLetters.REASON))
        .isEqualTo("unknown sample batch version 127");
    assertThat(header(letters.get(1), SampleDeadLetters.REASON))
        .isEqualTo("truncated sample batch");
    for (ConsumerRecord<byte[], byte[]> letter : letters) {
      assertThat(header(letter, SampleDeadLetters.TOPIC)).isEqualTo(config.topic());
      assertThat(header(letter, SampleDeadLetters.PARTITION))
          .isEqualTo(Integer.toString(partition));
      assertThat(Long.parseLong(header(letter, SampleDeadLetters.OFFSET))).isNotNegative();
    }
  }

  @Test
  void aBurstOverEveryPartitionReachesTheHeadWholeAndInOrder() throws Exception {
    String metric =
        "node_context_switches_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    List<String> hosts = new ArrayList<>();
    Set<Integer> partitions = new HashSet<>();
    for (int i = 0; partitions.size() < config.partitions() || hosts.size() < 48; i++) {
      String host = "burst-" + i + ".example.net";
      hosts.add(host);
      partitions.add(SampleRouting.partition(host, config.partitions()));
    }
    int rounds = 25;
    long first = System.currentTimeMillis() - rounds * 1000L;
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      acks.add(log.append(IngestFixtures.hosts(metric, hosts, first + round * 1000L, round)));
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    RemoteWriteClient.awaitInHead();

    assertThat(head.select(metric)).hasSize(hosts.size());
    for (Series series : head.select(metric)) {
      List<Sample> samples = series.samplesSince(first);
      assertThat(samples).as(series.labels().toString()).hasSize(rounds);
      for (int round = 0; round < rounds; round++) {
        assertThat(samples.get(round)).isEqualTo(new Sample(first + round * 1000L, round));
      }
    }
  }

  private KafkaProducer<byte[], byte[]> plainProducer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
  }

  /** The dead letters with this key, read from the beginning, until {@code count} are found. */
  private List<ConsumerRecord<byte[], byte[]>> deadLetters(byte[] key, int count) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> all = new ArrayList<>();
      consumer
          .partitionsFor(config.deadLetterTopic())
          .forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
      consumer.assign(all);
      consumer.seekToBeginning(all);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (found.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (java.util.Arrays.equals(record.key(), key)) {
            found.add(record);
          }
        }
      }
    }
    assertThat(found).hasSize(count);
    return found;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    assertThat(header).as(name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
