package io.vigie.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vigie.monitoring.metrics.MetricHead;
import io.vigie.monitoring.metrics.RemoteWriteClient;
import io.vigie.monitoring.metrics.Sample;
import io.vigie.monitoring.metrics.SeriesLabels;
import io.vigie.monitoring.metrics.WriteRequest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Ingest through Kafka in the application: a remote_write request answered 204 is on the samples
 * topic — one record per target, keyed by it, in the partition of its key, as a compact batch —
 * and, read back by the replica owning that partition, in the metric head.
 */
@QuarkusTest
class SampleIngestTest {

  @Inject MetricHead head;
  @Inject IngestConfig config;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Test
  void aWriteIsOnTheSamplesTopicKeyedByItsTargetThenInTheHead() {
    String metric = "node_load1_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String server = UUID.randomUUID().toString();
    long now = System.currentTimeMillis();
    SeriesLabels bySd =
        SeriesLabels.of("__name__", metric, "instance", "10.4.0.9:9100", "server_id", server);
    SeriesLabels byInstance =
        SeriesLabels.of("__name__", metric, "instance", "db-17.example.net:9100", "job", "node");
    WriteRequest request =
        new WriteRequest(
            List.of(
                new WriteRequest.TimeSeries(
                    bySd, new long[] {now - 2000, now - 1000}, new double[] {0.25, 0.5}),
                WriteRequest.TimeSeries.of(byInstance, now - 1000, 3.5)));

    RemoteWriteClient.send(request).then().statusCode(204);

    Map<String, ConsumerRecord<byte[], byte[]>> records =
        records(List.of(server, "db-17.example.net"));
    int partitions = config.partitions();
    ConsumerRecord<byte[], byte[]> first = records.get(server);
    assertThat(first.partition()).isEqualTo(SampleRouting.partition(server, partitions));
    assertThat(SampleBatchCodec.decode(first.value()).timeseries())
        .containsExactly(request.timeseries().get(0));
    ConsumerRecord<byte[], byte[]> second = records.get("db-17.example.net");
    assertThat(second.partition())
        .isEqualTo(SampleRouting.partition("db-17.example.net", partitions));
    assertThat(SampleBatchCodec.decode(second.value()).timeseries())
        .containsExactly(request.timeseries().get(1));

    assertThat(head.select(metric)).hasSize(2);
    assertThat(head.select(metric))
        .anySatisfy(s -> assertThat(s.latest()).isEqualTo(new Sample(now - 1000, 0.5)))
        .anySatisfy(s -> assertThat(s.latest()).isEqualTo(new Sample(now - 1000, 3.5)));
  }

  /** The records of the samples topic with these keys, read from the beginning. */
  private Map<String, ConsumerRecord<byte[], byte[]>> records(List<String> keys) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    Map<String, ConsumerRecord<byte[], byte[]>> found = new java.util.HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(config.topic())
          .forEach(p -> partitions.add(new TopicPartition(config.topic(), p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (found.size() < keys.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          String key = new String(record.key(), StandardCharsets.UTF_8);
          if (keys.contains(key)) {
            found.put(key, record);
          }
        }
      }
    }
    assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(keys);
    return found;
  }
}
