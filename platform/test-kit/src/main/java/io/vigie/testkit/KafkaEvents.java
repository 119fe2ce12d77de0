package io.vigie.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Asserts on events really published to a Kafka topic: reads the topic from the beginning with a
 * fresh consumer group and returns the records that match.
 */
public final class KafkaEvents {

  private static KafkaProducer<String, String> producer;
  private static boolean closeHookAdded;

  private KafkaEvents() {}

  /** Waits until at least {@code count} matching records are on the topic, then a little more. */
  public static List<ConsumerRecord<String, String>> await(
      String topic, Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(topic));
      long settleUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, settleUntil)) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (match.test(record)) {
            found.add(record);
          }
        }
        if (found.size() >= count && settleUntil == Long.MAX_VALUE) {
          // keep reading briefly so a duplicate right behind would be seen too
          settleUntil = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        }
      }
    }
    return found;
  }

  /**
   * Every record with {@code key} on the topic, in order, up to and including the first one of type
   * {@code sentinelType}. A test checking that events came <em>exactly</em> once triggers the
   * sentinel (any later event of the same aggregate) after the actions it checks: the outbox
   * publishes in commit order and one key stays on one partition, so when the sentinel is read
   * everything before it is there — no waiting out a timeout to prove that nothing else comes.
   *
   * @throws AssertionError when the sentinel does not arrive within {@code timeout}
   */
  public static List<ConsumerRecord<String, String>> awaitThrough(
      String topic, String key, String sentinelType, Duration timeout) {
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(topic));
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(record.key())) {
            found.add(record);
            if (sentinelType.equals(header(record, "ce_type"))) {
              return found;
            }
          }
        }
      }
    }
    throw new AssertionError(
        "no "
            + sentinelType
            + " for "
            + key
            + " on "
            + topic
            + " within "
            + timeout
            + "; records with that key: "
            + found.stream().map(r -> header(r, "ce_type")).toList());
  }

  /**
   * Publishes a binary-mode CloudEvent as another service's outbox would; {@code ceId} null leaves
   * the id out (a poison message).
   */
  public static void publish(String topic, String key, String ceId, String type, String json) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
    if (ceId != null) {
      record.headers().add("ce_id", ceId.getBytes(StandardCharsets.UTF_8));
    }
    record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
    record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
    record.headers().add("ce_source", "/vigie/test".getBytes(StandardCharsets.UTF_8));
    record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
    try {
      producer().send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("Could not publish a test event to " + topic, e);
    }
  }

  /**
   * One producer for the whole test run (a producer per event costs a connection and a metadata
   * round trip each time), closed when the JVM exits or the broker is stopped ({@link
   * KafkaResource#stopBroker()}: the next event opens a new one, to the restarted broker).
   */
  private static synchronized KafkaProducer<String, String> producer() {
    if (producer == null) {
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
      if (!closeHookAdded) {
        closeHookAdded = true;
        Runtime.getRuntime()
            .addShutdownHook(new Thread(KafkaEvents::closeProducer, "test-events-producer-close"));
      }
    }
    return producer;
  }

  /** Closes the shared producer, if open; the next {@link #publish} opens another. */
  static synchronized void closeProducer() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(2));
      producer = null;
    }
  }

  public static Predicate<ConsumerRecord<String, String>> ofType(String type) {
    return record -> type.equals(header(record, "ce_type"));
  }

  public static Predicate<ConsumerRecord<String, String>> withKey(String key) {
    return record -> key.equals(record.key());
  }

  public static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static KafkaConsumer<String, String> consumer() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }
}
