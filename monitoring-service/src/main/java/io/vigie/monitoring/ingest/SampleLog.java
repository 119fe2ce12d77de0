package io.vigie.monitoring.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.monitoring.metrics.WriteRequest;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The write side of the samples topic: a remote_write request becomes one record per target (its
 * series, split when large), keyed and partitioned by the target ({@link SampleRouting}), and the
 * answer completes once the broker acknowledged every record (the producer runs with acks=all and
 * idempotence), or fails: the receiver answers 204 only for samples that are written. Records are
 * stamped with the time they are written, which is what a replica looks up to replay a partition's
 * retention window.
 */
public final class SampleLog implements AutoCloseable {

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final InstantSource clock;
  private final int maxRecordBytes;
  private final Counter records;
  private final Counter failures;
  private final Map<Integer, Long> acknowledged = new ConcurrentHashMap<>();

  public SampleLog(
      Producer<byte[], byte[]> producer,
      String topic,
      InstantSource clock,
      int maxRecordBytes,
      MeterRegistry registry) {
    this.producer = producer;
    this.topic = topic;
    this.clock = clock;
    this.maxRecordBytes = maxRecordBytes;
    this.records =
        Counter.builder("vigie.monitoring.ingest.records")
            .description("Sample batches acknowledged by the broker")
            .register(registry);
    this.failures =
        Counter.builder("vigie.monitoring.ingest.failures")
            .description("Sample batches the broker did not acknowledge (answered 503)")
            .register(registry);
  }

  public String topic() {
    return topic;
  }

  /**
   * Writes the request's samples; completes when every record is acknowledged, or exceptionally
   * with the first failure (broker unreachable, timeout, topic missing).
   */
  public CompletableFuture<Void> append(WriteRequest request) {
    if (request.timeseries().isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    int partitions;
    try {
      partitions = producer.partitionsFor(topic).size();
    } catch (RuntimeException e) {
      failures.increment();
      return CompletableFuture.failedFuture(e);
    }
    Map<String, List<WriteRequest.TimeSeries>> byTarget = new LinkedHashMap<>();
    for (WriteRequest.TimeSeries ts : request.timeseries()) {
      if (ts.timestamps().length > 0) {
        byTarget
            .computeIfAbsent(SampleRouting.targetKey(ts.labels()), k -> new ArrayList<>())
            .add(ts);
      }
    }
    long now = clock.millis();
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    byTarget.forEach(
        (key, series) -> {
          int partition = SampleRouting.partition(key, partitions);
          byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
          int from = 0;
          int size = 0;
          for (int i = 0; i < series.size(); i++) {
            size += SampleBatchCodec.estimatedSize(series.get(i));
            if (size >= maxRecordBytes || i == series.size() - 1) {
              acks.add(send(partition, now, keyBytes, series.subList(from, i + 1)));
              from = i + 1;
              size = 0;
            }
          }
        });
    return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
  }

  private CompletableFuture<Void> send(
      int partition, long now, byte[] key, List<WriteRequest.TimeSeries> series) {
    CompletableFuture<Void> ack = new CompletableFuture<>();
    try {
      producer.send(
          new ProducerRecord<>(topic, partition, now, key, SampleBatchCodec.encode(series)),
          (metadata, error) -> {
            if (error != null) {
              failures.increment();
              ack.completeExceptionally(error);
            } else {
              records.increment();
              acknowledged.merge(partition, metadata.offset(), Long::max);
              ack.complete(null);
            }
          });
    } catch (RuntimeException e) {
      failures.increment();
      ack.completeExceptionally(e);
    }
    return ack;
  }

  /** The highest offset this replica had acknowledged per partition (what a reader must reach). */
  public Map<Integer, Long> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(5));
  }
}
