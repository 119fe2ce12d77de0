package io.vigie.backup.storage;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One measurement of what a repository holds ({@code restic stats --mode raw-data}). */
@Entity
@Table(name = "repository_storage")
public class RepositoryStorage extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "repository_id", nullable = false)
  public UUID repositoryId;

  @Column(name = "measured_at", nullable = false)
  public Instant measuredAt;

  @Column(name = "total_size", nullable = false)
  public long totalSize;

  @Column(name = "total_uncompressed_size")
  public Long totalUncompressedSize;

  @Column(name = "total_blob_count")
  public Long totalBlobCount;

  @Column(name = "snapshots_count", nullable = false)
  public int snapshotsCount;

  @Column(name = "reported_by", nullable = false)
  public String reportedBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
