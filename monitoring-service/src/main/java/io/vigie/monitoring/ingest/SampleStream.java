package io.vigie.monitoring.ingest;

import io.vigie.monitoring.metrics.MetricHead;
import io.vigie.monitoring.metrics.Series;
import io.vigie.monitoring.metrics.WriteRequest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The read side of the samples topic, on a thread of its own: the replica's consumer (in the group
 * the replicas share) appends the batches of the partitions it is assigned to the metric head.
 *
 * <p>On assignment (a start, a rebalance, another replica dying) each new partition is claimed
 * ({@link SampleShards#claimed}) and replayed from {@code now − replay window}, found with the
 * consumer's own timestamp lookup ({@code offsetsForTimes}), so the head holds the partition's
 * recent samples again and {@code for:} durations and rates continue; the partition is {@link
 * SampleShards#live live} once the replay reached the end offset seen at assignment. Offsets are
 * never committed: every owner rebuilds from the window. On revocation the partition's series leave
 * the head.
 */
public final class SampleStream implements Runnable {

  private static final Logger LOG = Logger.getLogger(SampleStream.class);

  private final Supplier<Consumer<byte[], byte[]>> consumers;
  private final String topic;
  private final Duration replayWindow;
  private final InstantSource clock;
  private final MetricHead head;
  private final SampleShards shards;
  private final java.util.function.Consumer<WriteRequest> forward;

  private final Map<Integer, Long> replayEnd = new ConcurrentHashMap<>();
  private final Set<Integer> live = ConcurrentHashMap.newKeySet();
  private final Map<Integer, Long> applied = new ConcurrentHashMap<>();
  private volatile boolean stopped;
  private volatile Consumer<byte[], byte[]> consumer;
  private volatile long poisoned;

  public SampleStream(
      Supplier<Consumer<byte[], byte[]>> consumers,
      String topic,
      Duration replayWindow,
      InstantSource clock,
      MetricHead head,
      SampleShards shards) {
    this(consumers, topic, replayWindow, clock, head, shards, null);
  }

  /**
   * A stream that also hands what its live partitions receive to {@code forward} (a long-term
   * store), once per poll; null forwards nothing.
   */
  public SampleStream(
      Supplier<Consumer<byte[], byte[]>> consumers,
      String topic,
      Duration replayWindow,
      InstantSource clock,
      MetricHead head,
      SampleShards shards,
      java.util.function.Consumer<WriteRequest> forward) {
    this.forward = forward;
    this.consumers = consumers;
    this.topic = topic;
    this.replayWindow = replayWindow;
    this.clock = clock;
    this.head = head;
    this.shards = shards;
  }

  @Override
  public void run() {
    while (!stopped) {
      Consumer<byte[], byte[]> created = consumers.get();
      try {
        consumer = created;
        created.subscribe(List.of(topic), new Rebalance(created));
        while (!stopped) {
          poll(created);
        }
      } catch (WakeupException e) {
        // stopping
      } catch (RuntimeException e) {
        LOG.errorf(e, "Samples consumer failed; starting it again in 1 s");
        releaseAll();
        sleep(Duration.ofSeconds(1));
      } finally {
        closeQuietly(created);
      }
    }
    releaseAll();
  }

  private void poll(Consumer<byte[], byte[]> from) {
    ConsumerRecords<byte[], byte[]> records = from.poll(Duration.ofMillis(200));
    Map<Integer, List<Series>> touched = new HashMap<>();
    List<WriteRequest.TimeSeries> toForward = forward == null ? null : new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      int partition = record.partition();
      WriteRequest batch;
      try {
        batch = SampleBatchCodec.decode(record.value());
      } catch (RuntimeException e) {
        poisoned++;
        LOG.warnf(
            "Skipped an unreadable sample batch at %s-%d@%d: %s",
            topic, partition, record.offset(), e.getMessage());
        continue;
      }
      boolean isLive = live.contains(partition);
      List<Series> changed =
          isLive ? touched.computeIfAbsent(partition, p -> new ArrayList<>()) : null;
      head.appendShard(batch, partition, changed);
      applied.put(partition, record.offset());
      if (isLive && toForward != null) {
        toForward.addAll(batch.timeseries());
      }
    }
    if (toForward != null && !toForward.isEmpty()) {
      forward.accept(new WriteRequest(toForward));
    }
    for (Map.Entry<Integer, Long> replaying : replayEnd.entrySet()) {
      int partition = replaying.getKey();
      if (!live.contains(partition)
          && from.position(new TopicPartition(topic, partition)) >= replaying.getValue()) {
        live.add(partition);
        shards.live(partition);
        LOG.infof("Samples partition %d replayed: live", partition);
      }
    }
    touched.forEach(
        (partition, series) -> {
          if (!series.isEmpty()) {
            shards.arrived(partition, series);
          }
        });
  }

  /** Stops the loop (from another thread) and waits for nothing. */
  public void stop() {
    stopped = true;
    Consumer<byte[], byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
  }

  /**
   * Whether this replica owns every partition named and has applied it at least up to the offset
   * given (a write acknowledged at that offset is in the head).
   */
  public boolean caughtUpWith(Map<Integer, Long> offsets) {
    for (Map.Entry<Integer, Long> wanted : offsets.entrySet()) {
      Long done = applied.get(wanted.getKey());
      if (!live.contains(wanted.getKey()) || done == null || done < wanted.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** The partitions whose samples this replica holds and evaluates. */
  public Set<Integer> livePartitions() {
    return Set.copyOf(live);
  }

  /** Batches skipped because they could not be read. */
  public long poisoned() {
    return poisoned;
  }

  private void releaseAll() {
    Set<Integer> owned = new HashSet<>(replayEnd.keySet());
    if (!owned.isEmpty()) {
      release(owned);
    }
  }

  private void release(Collection<Integer> partitions) {
    shards.released(partitions);
    for (int partition : partitions) {
      live.remove(partition);
      replayEnd.remove(partition);
      applied.remove(partition);
      head.dropShard(partition);
    }
  }

  @SuppressWarnings("deprecation") // close(CloseOptions) is 4.1+ only; this bounds the wait
  private static void closeQuietly(Consumer<byte[], byte[]> closing) {
    try {
      closing.close(Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      LOG.debugf("Samples consumer closed with %s", e.toString());
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Rebalance implements ConsumerRebalanceListener {

    private final Consumer<byte[], byte[]> consumer;

    Rebalance(Consumer<byte[], byte[]> consumer) {
      this.consumer = consumer;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
      if (assigned.isEmpty()) {
        return;
      }
      List<Integer> partitions = assigned.stream().map(TopicPartition::partition).toList();
      shards.claimed(partitions, consumer.partitionsFor(topic).size());
      long from = clock.millis() - replayWindow.toMillis();
      Map<TopicPartition, Long> search = new HashMap<>();
      assigned.forEach(tp -> search.put(tp, from));
      Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(search);
      Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
      for (TopicPartition tp : assigned) {
        OffsetAndTimestamp start = found.get(tp);
        long end = ends.get(tp);
        consumer.seek(tp, start == null ? end : start.offset());
        replayEnd.put(tp.partition(), end);
      }
      LOG.infof(
          "Samples partitions %s assigned: replaying from %s",
          partitions, java.time.Instant.ofEpochMilli(from));
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
      if (!revoked.isEmpty()) {
        release(revoked.stream().map(TopicPartition::partition).toList());
        LOG.infof("Samples partitions %s revoked", revoked);
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
      onPartitionsRevoked(lost);
    }
  }
}
