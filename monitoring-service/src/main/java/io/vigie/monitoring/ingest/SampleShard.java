package io.vigie.monitoring.ingest;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Who owns a partition of the samples topic, and since which claim: the epoch grows by one at each
 * claim, and an alert transition computed from the partition commits only under the epoch its
 * replica claimed (checked under a share lock in the same transaction).
 */
@Entity
@Table(name = "sample_shard")
public class SampleShard extends PanacheEntityBase {

  /** {@code <topic>/<partition>}. */
  @Id public String shard;

  @Column(nullable = false)
  public String owner;

  @Column(nullable = false)
  public long epoch;

  @Column(name = "claimed_at", nullable = false)
  public Instant claimedAt;

  static String id(String topic, int partition) {
    return topic + "/" + partition;
  }
}
