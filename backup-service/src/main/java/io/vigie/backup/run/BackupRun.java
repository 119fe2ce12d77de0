package io.vigie.backup.run;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.backup.schedule.RunState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One backup run of a policy's copy, as its tool reported it. */
@Entity
@Table(name = "backup_run")
public class BackupRun extends PanacheEntityBase {

  /** How a run was reported. */
  public enum Source {
    PING,
    RESTIC
  }

  @Id public UUID id;

  @Column(name = "policy_id", nullable = false)
  public UUID policyId;

  @Column(name = "copy_id", nullable = false)
  public UUID copyId;

  @Column(name = "repository_id", nullable = false)
  public UUID repositoryId;

  @Column(nullable = false)
  public String tenant;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public RunState state;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Source source;

  public String rid;

  /** Null when a finish arrived with no start before it. */
  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;

  @Column(name = "exit_status")
  public Integer exitStatus;

  public String reason;

  public String log;

  @Column(name = "log_truncated", nullable = false)
  public boolean logTruncated;

  @Column(name = "snapshot_id")
  public String snapshotId;

  @Column(name = "files_new")
  public Long filesNew;

  @Column(name = "bytes_added")
  public Long bytesAdded;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
