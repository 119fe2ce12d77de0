package io.vigie.backup.restore;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One restore test as the agent reported it: a snapshot restored to a scratch path and checked. */
@Entity
@Table(name = "restore_test")
public class RestoreTest extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "policy_id", nullable = false)
  public UUID policyId;

  @Column(nullable = false)
  public String tenant;

  @Column(name = "repository_id", nullable = false)
  public UUID repositoryId;

  @Column(name = "snapshot_id", nullable = false)
  public String snapshotId;

  @Column(name = "snapshot_time")
  public Instant snapshotTime;

  @Column(nullable = false)
  public boolean succeeded;

  @Column(name = "started_at", nullable = false)
  public Instant startedAt;

  @Column(name = "finished_at", nullable = false)
  public Instant finishedAt;

  @Column(name = "files_checked", nullable = false)
  public long filesChecked;

  @Column(name = "bytes_checked", nullable = false)
  public long bytesChecked;

  public String reason;

  public String log;

  @Column(name = "reported_by", nullable = false)
  public String reportedBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
