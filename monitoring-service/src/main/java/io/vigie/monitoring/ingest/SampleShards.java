package io.vigie.monitoring.ingest;

import io.vigie.monitoring.metrics.Series;
import java.util.Collection;
import java.util.List;

/** What the consumer of the samples topic tells the rest of the replica about its partitions. */
public interface SampleShards {

  /**
   * The group gave these partitions to this replica: claim them (a new epoch each, which fences the
   * previous owner's alert transitions). Called on the consumer's thread, before replay.
   */
  void claimed(Collection<Integer> partitions, int partitionCount);

  /** These partitions went elsewhere (revoked or lost): stop evaluating their targets. */
  void released(Collection<Integer> partitions);

  /** The partition's retention window is replayed: its head is whole, its rules may run. */
  void live(int partition);

  /** Series of a live partition took new samples. */
  void arrived(int partition, List<Series> series);

  /** Callbacks that do nothing, for a head filled without alerting (tools, tests). */
  SampleShards NONE =
      new SampleShards() {
        @Override
        public void claimed(Collection<Integer> partitions, int partitionCount) {}

        @Override
        public void released(Collection<Integer> partitions) {}

        @Override
        public void live(int partition) {}

        @Override
        public void arrived(int partition, List<Series> series) {}
      };
}
