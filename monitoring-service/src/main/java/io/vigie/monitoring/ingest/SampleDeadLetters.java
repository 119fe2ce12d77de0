package io.vigie.monitoring.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * The dead-letter topic of the samples topic: a record the consumer cannot read (not a sample
 * batch, a version it does not know, truncated) is copied there as it was — same key, same value —
 * with why and where from in its headers, and the consumer goes on with the next record. The header
 * names are those SmallRye Reactive Messaging's dead-letter queue writes for the suite's event
 * channels ({@code dead-letter-reason}, {@code -topic}, {@code -partition}, {@code -offset}), so
 * the same runbook replays them. The producer is created at the first dead letter (most replicas
 * never need one); the write does not hold the consumer up: a failure is logged and counted.
 */
public final class SampleDeadLetters implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(SampleDeadLetters.class);

  static final String REASON = "dead-letter-reason";
  static final String TOPIC = "dead-letter-topic";
  static final String PARTITION = "dead-letter-partition";
  static final String OFFSET = "dead-letter-offset";

  private final String topic;
  private final Supplier<Producer<byte[], byte[]>> producers;
  private final Counter written;
  private final Counter failed;
  private Producer<byte[], byte[]> producer;

  public SampleDeadLetters(
      String topic, Supplier<Producer<byte[], byte[]>> producers, MeterRegistry registry) {
    this.topic = topic;
    this.producers = producers;
    this.written =
        Counter.builder("vigie.monitoring.ingest.dead-letters")
            .description("Unreadable sample batches copied to the dead-letter topic")
            .register(registry);
    this.failed =
        Counter.builder("vigie.monitoring.ingest.dead-letters.failed")
            .description("Unreadable sample batches the dead-letter topic did not take (lost)")
            .register(registry);
  }

  /** The dead-letter topic. */
  public String topic() {
    return topic;
  }

  /** Copies the unreadable record to the dead-letter topic, with the reason; does not wait. */
  public void send(ConsumerRecord<byte[], byte[]> record, String reason) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(REASON, utf8(reason == null ? "unreadable" : reason));
    headers.add(TOPIC, utf8(record.topic()));
    headers.add(PARTITION, utf8(Integer.toString(record.partition())));
    headers.add(OFFSET, utf8(Long.toString(record.offset())));
    ProducerRecord<byte[], byte[]> letter =
        new ProducerRecord<>(topic, null, null, record.key(), record.value(), headers);
    try {
      producer()
          .send(
              letter,
              (metadata, error) -> {
                if (error == null) {
                  written.increment();
                } else {
                  failed.increment();
                  LOG.errorf(
                      "Could not write the unreadable sample batch %s-%d@%d to %s: %s",
                      record.topic(), record.partition(), record.offset(), topic, error);
                }
              });
    } catch (RuntimeException e) {
      failed.increment();
      LOG.errorf(
          "Could not write the unreadable sample batch %s-%d@%d to %s: %s",
          record.topic(), record.partition(), record.offset(), topic, e);
    }
  }

  private synchronized Producer<byte[], byte[]> producer() {
    if (producer == null) {
      producer = producers.get();
    }
    return producer;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(java.time.Duration.ofSeconds(5));
      producer = null;
    }
  }
}
