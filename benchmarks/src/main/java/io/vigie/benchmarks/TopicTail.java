package io.vigie.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain consumer reading a topic from its end on a thread of its own, handing each record with
 * its arrival instant ({@link System#nanoTime}) to a callback; the constructor returns once the
 * consumer holds its partitions (at most 30 s), so nothing published after it is missed.
 */
final class TopicTail implements AutoCloseable {

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  TopicTail(
      String kafka,
      String topic,
      String name,
      BiConsumer<ConsumerRecord<String, String>, Long> onRecord)
      throws InterruptedException {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, name + "-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(topic));
    AtomicBoolean assigned = new AtomicBoolean();
    thread =
        Thread.ofPlatform()
            .name(name)
            .start(
                () -> {
                  try (consumer) {
                    while (running.get()) {
                      for (ConsumerRecord<String, String> r :
                          consumer.poll(Duration.ofMillis(20))) {
                        onRecord.accept(r, System.nanoTime());
                      }
                      if (!consumer.assignment().isEmpty()) {
                        assigned.set(true);
                      }
                    }
                  }
                });
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!assigned.get() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(Duration.ofSeconds(10));
  }
}
