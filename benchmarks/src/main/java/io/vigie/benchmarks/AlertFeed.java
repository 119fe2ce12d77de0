package io.vigie.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.events.EventJson;
import io.vigie.events.monitoring.AlertFired;
import io.vigie.events.monitoring.AlertResolved;
import io.vigie.events.monitoring.MonitoringEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a pager downstream of monitoring-service sees: a Kafka consumer on {@code
 * monitoring.events}, started before the measurement and positioned at the end of every partition,
 * that stamps each {@code AlertFired} and {@code AlertResolved} with the moment it was received and
 * hands it to whoever waits for that server's alerts.
 */
final class AlertFeed implements AutoCloseable {

  private static final ObjectMapper JSON = EventJson.newMapper();

  /**
   * One alert event as received.
   *
   * @param fired AlertFired, else AlertResolved
   * @param evaluatedAt the rule evaluation that decided it: AlertFired's {@code startedAt} (for a
   *     rule with {@code for: 0s}, the evaluation's instant), AlertResolved's {@code resolvedAt}
   * @param recordedAt when the outbox row was written, in the evaluation's transaction ({@code
   *     ce_time})
   * @param sentAt when the outbox relay handed it to its Kafka producer (the record's CreateTime)
   * @param received when this consumer got it
   */
  record Event(
      boolean fired,
      String fingerprint,
      UUID serverId,
      Instant evaluatedAt,
      Instant recordedAt,
      Instant sentAt,
      Instant received) {}

  private final KafkaConsumer<String, String> consumer;
  private final Map<UUID, BlockingQueue<Event>> byServer = new ConcurrentHashMap<>();
  private final AtomicLong others = new AtomicLong();
  private final CountDownLatch positioned = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean closed;
  private volatile Throwable failure;

  private AlertFeed(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "vigie-alert-latency-bench");
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    thread = Thread.ofPlatform().daemon().name("alert-feed").start(this::consume);
  }

  /** Starts consuming and returns once positioned at the end of the topic. */
  static AlertFeed start(String bootstrapServers) throws InterruptedException {
    AlertFeed feed = new AlertFeed(bootstrapServers);
    if (!feed.positioned.await(60, TimeUnit.SECONDS)) {
      feed.close();
      throw new IllegalStateException(
          "No partitions of " + MonitoringEvents.TOPIC + " in 60 s", feed.failure);
    }
    if (feed.failure != null) {
      throw new IllegalStateException("The alert consumer failed", feed.failure);
    }
    return feed;
  }

  /** Starts collecting {@code server}'s alerts; call before the sample that should raise one. */
  void watch(UUID server) {
    byServer.putIfAbsent(server, new LinkedBlockingQueue<>());
  }

  /** The next alert event of {@code server}, or null if none came within {@code timeout}. */
  Event next(UUID server, Duration timeout) throws InterruptedException {
    if (failure != null) {
      throw new IllegalStateException("The alert consumer failed", failure);
    }
    return byServer.get(server).poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Alert events received for servers nobody watched (none expected). */
  long others() {
    return others.get();
  }

  private void consume() {
    try {
      List<TopicPartition> partitions = partitions();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position); // resolves the seek now, not at the first poll
      positioned.countDown();
      while (!closed) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        Instant received = Instant.now();
        for (ConsumerRecord<String, String> record : records) {
          take(record, received);
        }
      }
    } catch (WakeupException stopping) {
      // close() woke the poll
    } catch (Exception | Error e) {
      failure = e;
      positioned.countDown();
    } finally {
      consumer.close();
    }
  }

  /** The topic's partitions; the first request creates it (the broker auto-creates topics). */
  private List<TopicPartition> partitions() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(50).toNanos();
    while (true) {
      List<PartitionInfo> found = consumer.partitionsFor(MonitoringEvents.TOPIC);
      if (found != null && !found.isEmpty()) {
        return found.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(MonitoringEvents.TOPIC + " has no partitions");
      }
      Thread.sleep(200);
    }
  }

  private void take(ConsumerRecord<String, String> record, Instant received) throws Exception {
    String type = header(record, "ce_type");
    Event event;
    if (MonitoringEvents.ALERT_FIRED.equals(type)) {
      AlertFired fired = JSON.readValue(record.value(), AlertFired.class);
      event =
          new Event(
              true,
              fired.fingerprint(),
              fired.serverId(),
              fired.startedAt(),
              Instant.parse(header(record, "ce_time")),
              Instant.ofEpochMilli(record.timestamp()),
              received);
    } else if (MonitoringEvents.ALERT_RESOLVED.equals(type)) {
      AlertResolved resolved = JSON.readValue(record.value(), AlertResolved.class);
      event =
          new Event(
              false,
              resolved.fingerprint(),
              resolved.serverId(),
              resolved.resolvedAt(),
              Instant.parse(header(record, "ce_time")),
              Instant.ofEpochMilli(record.timestamp()),
              received);
    } else {
      return; // another event type of the topic
    }
    BlockingQueue<Event> queue = event.serverId() == null ? null : byServer.get(event.serverId());
    if (queue == null) {
      others.incrementAndGet();
    } else {
      queue.add(event);
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    closed = true;
    try {
      consumer.wakeup();
    } catch (IllegalStateException alreadyClosed) {
      // the consuming thread failed and closed it
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
