package io.vigie.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The events a service published, read without waiting out a quiet period. {@link #settled} first
 * waits until the outbox relay (service kit) has published every event committed before the call (a
 * row is marked published only once the broker acknowledged it), then reads every partition of the
 * topic up to its end: what it returns is everything those commits produced, so "exactly once" and
 * "none" are asserted at once, with no timeout to sit out. An action whose effects commit later (a
 * scheduled run, a consumed event) must be driven or awaited before. Where {@link
 * KafkaEvents#await} keeps reading 1.5 s after the count to catch a duplicate, this reads until the
 * outbox says there is nothing more.
 *
 * <p>One short-lived consumer per call, assigned to every partition (no consumer group to join),
 * against the test kit's broker and database (the service's {@code outbox_event} table there):
 * works in {@code @QuarkusTest}s and in the {@code *IT}s that run a packaged service on them.
 */
public final class PublishedEvents {

  /** How long the relay may take to publish what was committed (it is woken on commit). */
  private static final Duration PUBLISHED = Duration.ofSeconds(30);

  private PublishedEvents() {}

  /** Every record on {@code topic} once all events committed before this call are on it. */
  public static List<ConsumerRecord<String, String>> settled(String topic) {
    return await(topic, r -> true, 0, Duration.ZERO);
  }

  /**
   * Waits up to {@code timeout} until {@code count} records matching {@code match} are on {@code
   * topic}, then returns every matching record once all events committed by then are on it too
   * (fewer than {@code count} if they did not come in time: the caller's assertion says so).
   */
  public static List<ConsumerRecord<String, String>> await(
      String topic, Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      long deadline = System.nanoTime() + timeout.toNanos();
      // the topic exists once the relay published to it for the first time
      List<TopicPartition> partitions = partitions(consumer, topic);
      while (partitions.isEmpty() && count > 0 && System.nanoTime() < deadline) {
        sleep(100);
        partitions = partitions(consumer, topic);
      }
      if (!partitions.isEmpty()) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
      }
      while (!partitions.isEmpty() && found.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          if (match.test(record)) {
            found.add(record);
          }
        }
      }
      awaitOutboxPublished();
      if (partitions.isEmpty()) {
        partitions = partitions(consumer, topic);
        if (partitions.isEmpty()) {
          return found; // nothing was ever published to it
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
      }
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long readDeadline = System.nanoTime() + PUBLISHED.toNanos();
      while (!reached(consumer, ends)) {
        if (System.nanoTime() > readDeadline) {
          throw new AssertionError("could not read " + topic + " up to " + ends);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          if (match.test(record)) {
            found.add(record);
          }
        }
      }
    }
    return found;
  }

  private static List<TopicPartition> partitions(
      KafkaConsumer<String, String> consumer, String topic) {
    List<TopicPartition> partitions = new ArrayList<>();
    List<PartitionInfo> known = consumer.listTopics().get(topic);
    if (known != null) {
      for (PartitionInfo p : known) {
        partitions.add(new TopicPartition(topic, p.partition()));
      }
    }
    return partitions;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean reached(
      KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Waits until no outbox row committed before this call is still unpublished: rows committed later
   * (a higher {@code seq}) are not waited for.
   */
  public static void awaitOutboxPublished() {
    try (Connection db = database()) {
      long mark;
      try (PreparedStatement last =
              db.prepareStatement("select coalesce(max(seq), 0) from outbox_event");
          ResultSet row = last.executeQuery()) {
        row.next();
        mark = row.getLong(1);
      }
      long deadline = System.nanoTime() + PUBLISHED.toNanos();
      try (PreparedStatement pending =
          db.prepareStatement(
              "select count(*) from outbox_event where published_at is null and seq <= ?")) {
        pending.setLong(1, mark);
        while (true) {
          long left;
          try (ResultSet row = pending.executeQuery()) {
            row.next();
            left = row.getLong(1);
          }
          if (left == 0) {
            return;
          }
          if (System.nanoTime() > deadline) {
            throw new AssertionError(left + " outbox events still unpublished after " + PUBLISHED);
          }
          Thread.sleep(20);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the outbox", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Connection database() throws SQLException {
    Properties credentials = new Properties();
    credentials.put("user", "postgres");
    credentials.put("password", "postgres");
    Connection db =
        new org.postgresql.Driver()
            .connect(
                "jdbc:postgresql://127.0.0.1:" + PostgresResource.server().getPort() + "/postgres",
                credentials);
    if (db == null) {
      throw new SQLException("the PostgreSQL driver refused the test database's URL");
    }
    return db;
  }

  private static KafkaConsumer<String, String> consumer() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }
}
