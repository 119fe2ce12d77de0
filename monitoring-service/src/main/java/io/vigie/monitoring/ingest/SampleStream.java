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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
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
 *
 * <p>One consumer polls; the partitions of a poll are appended on several threads at once (this one
 * and a small pool, {@code append-threads}), each partition's records in offset order on one thread
 * — a target's series are all in its partition, so every series takes its samples in the order they
 * were written; each partition keeps the labels of the series it carried ({@link
 * SampleBatchCodec.LabelCache}), so a series seen before is not decoded again. The poll's appends
 * all finish before the next poll, in which rebalance callbacks run. A record that is not a
 * readable batch goes to the dead-letter topic with the reason, and the partition goes on with the
 * next one.
 */
public final class SampleStream implements Runnable {

  private static final Logger LOG = Logger.getLogger(SampleStream.class);
  private static final long LAG_INTERVAL_NANOS = 1_000_000_000L;

  private final Supplier<Consumer<byte[], byte[]>> consumers;
  private final String topic;
  private final Duration replayWindow;
  private final InstantSource clock;
  private final MetricHead head;
  private final SampleShards shards;
  private final java.util.function.Consumer<WriteRequest> forward;
  private final SampleDeadLetters deadLetters;
  private final int appendThreads;
  private final ExecutorService appenders;

  private final Map<Integer, Long> replayEnd = new ConcurrentHashMap<>();
  private final Set<Integer> live = ConcurrentHashMap.newKeySet();
  private final Map<Integer, Long> applied = new ConcurrentHashMap<>();
  private final Map<Integer, SampleBatchCodec.LabelCache> labels = new ConcurrentHashMap<>();
  private final AtomicLong poisoned = new AtomicLong();
  private volatile boolean stopped;
  private volatile Consumer<byte[], byte[]> consumer;
  private volatile long lag;
  private long lagMeasuredAt = System.nanoTime() - LAG_INTERVAL_NANOS;
  private volatile int partitionCount;

  public SampleStream(
      Supplier<Consumer<byte[], byte[]>> consumers,
      String topic,
      Duration replayWindow,
      InstantSource clock,
      MetricHead head,
      SampleShards shards) {
    this(consumers, topic, replayWindow, clock, head, shards, null, null, 1);
  }

  /**
   * A stream that also hands what its live partitions receive to {@code forward} (a long-term
   * store), once per poll (null forwards nothing); copies the records it cannot read to {@code
   * deadLetters} (null: they are only logged and counted); and appends the partitions of a poll on
   * {@code appendThreads} threads at once (its own and a pool), each partition's records in order
   * on one of them.
   */
  public SampleStream(
      Supplier<Consumer<byte[], byte[]>> consumers,
      String topic,
      Duration replayWindow,
      InstantSource clock,
      MetricHead head,
      SampleShards shards,
      java.util.function.Consumer<WriteRequest> forward,
      SampleDeadLetters deadLetters,
      int appendThreads) {
    this.forward = forward;
    this.consumers = consumers;
    this.topic = topic;
    this.replayWindow = replayWindow;
    this.clock = clock;
    this.head = head;
    this.shards = shards;
    this.deadLetters = deadLetters;
    this.appendThreads = Math.max(1, appendThreads);
    AtomicInteger named = new AtomicInteger();
    this.appenders =
        this.appendThreads == 1
            ? null
            : Executors.newFixedThreadPool(
                this.appendThreads - 1,
                task -> {
                  Thread thread = new Thread(task, "samples-append-" + named.incrementAndGet());
                  thread.setDaemon(true);
                  return thread;
                });
  }

  @Override
  public void run() {
    try {
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
    } finally {
      if (appenders != null) {
        appenders.shutdownNow();
      }
    }
  }

  /**
   * One partition's records of a poll, appended in offset order by one thread: the series of a
   * target are all in its partition, so each series takes its samples in the order they were
   * written.
   */
  private final class PartitionBatch {
    final int partition;
    final List<ConsumerRecord<byte[], byte[]>> records;
    final SampleBatchCodec.LabelCache known;
    final boolean isLive;
    final List<Series> touched;
    final List<WriteRequest.TimeSeries> toForward;
    long lastOffset = -1;

    PartitionBatch(int partition, List<ConsumerRecord<byte[], byte[]>> records, boolean isLive) {
      this.partition = partition;
      this.records = records;
      this.known =
          labels.computeIfAbsent(
              partition,
              p ->
                  // twice a partition's share of the head: room for an uneven spread, and in all
                  // at most the label sets of twice the head's series
                  new SampleBatchCodec.LabelCache(
                      Math.max(1024, 2 * head.maxSeries() / Math.max(1, partitionCount))));
      this.isLive = isLive;
      this.touched = isLive ? new ArrayList<>() : null;
      this.toForward = isLive && forward != null ? new ArrayList<>() : null;
    }

    void append() {
      for (ConsumerRecord<byte[], byte[]> record : records) {
        lastOffset = record.offset();
        WriteRequest batch;
        try {
          batch = SampleBatchCodec.decode(record.value(), known);
        } catch (RuntimeException e) {
          poisoned.incrementAndGet();
          LOG.warnf(
              "Unreadable sample batch at %s-%d@%d (%s)%s",
              topic,
              partition,
              record.offset(),
              e.getMessage(),
              deadLetters == null ? "; skipped" : "; sent to " + deadLetters.topic());
          if (deadLetters != null) {
            deadLetters.send(record, e.getMessage());
          }
          continue;
        }
        head.appendShard(batch, partition, touched);
        if (toForward != null) {
          toForward.addAll(batch.timeseries());
        }
      }
    }
  }

  private void poll(Consumer<byte[], byte[]> from) {
    ConsumerRecords<byte[], byte[]> records = from.poll(Duration.ofMillis(200));
    List<PartitionBatch> batches = new ArrayList<>(records.partitions().size());
    for (TopicPartition tp : records.partitions()) {
      batches.add(
          new PartitionBatch(tp.partition(), records.records(tp), live.contains(tp.partition())));
    }
    appendAll(batches);
    List<WriteRequest.TimeSeries> toForward = forward == null ? null : new ArrayList<>();
    for (PartitionBatch batch : batches) {
      if (batch.lastOffset >= 0) {
        applied.put(batch.partition, batch.lastOffset);
      }
      if (toForward != null && batch.toForward != null) {
        toForward.addAll(batch.toForward);
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
    measureLag(from);
    for (PartitionBatch batch : batches) {
      if (batch.touched != null && !batch.touched.isEmpty()) {
        shards.arrived(batch.partition, batch.touched);
      }
    }
  }

  /**
   * Once a second, the records of this replica's partitions on the broker beyond its position, from
   * end offsets asked of the broker (the consumer's cached lag only knows the end as of its last
   * fetch of a partition, stale while its fetch buffer is full); a failed lookup keeps the previous
   * figure.
   */
  private void measureLag(Consumer<byte[], byte[]> from) {
    long now = System.nanoTime();
    if (now - lagMeasuredAt < LAG_INTERVAL_NANOS) {
      return;
    }
    lagMeasuredAt = now;
    List<TopicPartition> owned = new ArrayList<>();
    for (int partition : replayEnd.keySet()) {
      owned.add(new TopicPartition(topic, partition));
    }
    if (owned.isEmpty()) {
      lag = 0;
      return;
    }
    try {
      Map<TopicPartition, Long> ends = from.endOffsets(owned, Duration.ofMillis(500));
      long behind = 0;
      for (TopicPartition tp : owned) {
        Long end = ends.get(tp);
        if (end != null) {
          behind += Math.max(0, end - from.position(tp));
        }
      }
      lag = behind;
    } catch (WakeupException e) {
      throw e; // stopping
    } catch (KafkaException e) {
      LOG.debugf("Samples lag not measured: %s", e.toString());
    }
  }

  /**
   * Appends the partitions' batches, spread over this thread and the pool; returns once every one
   * is done (so a rebalance, which runs in the next poll on this thread, never races an append).
   */
  private void appendAll(List<PartitionBatch> batches) {
    if (batches.isEmpty()) {
      return;
    }
    if (appenders == null || batches.size() == 1) {
      batches.forEach(PartitionBatch::append);
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
            batches.get(i).append();
          }
        };
    int helpers = Math.min(appendThreads - 1, batches.size() - 1);
    List<Future<?>> running = new ArrayList<>(helpers);
    for (int i = 0; i < helpers; i++) {
      running.add(appenders.submit(worker));
    }
    RuntimeException failure = null;
    try {
      worker.run();
    } catch (RuntimeException e) {
      failure = e;
    }
    boolean interrupted = false;
    for (Future<?> helper : running) {
      while (true) {
        try {
          helper.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the appends must finish before this thread goes on
        } catch (ExecutionException e) {
          if (failure == null) {
            failure =
                e.getCause() instanceof RuntimeException cause
                    ? cause
                    : new IllegalStateException(e.getCause());
          }
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
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

  /** Batches skipped because they could not be read (and sent to the dead-letter topic). */
  public long poisoned() {
    return poisoned.get();
  }

  /**
   * Records this replica's partitions had on the broker beyond what it appended, measured once a
   * second (the consumer's own lag: offsets are never committed, so the group shows none).
   */
  public long lag() {
    return lag;
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
      labels.remove(partition);
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
      partitionCount = consumer.partitionsFor(topic).size();
      shards.claimed(partitions, partitionCount);
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
