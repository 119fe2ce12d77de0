package io.vigie.backup.run;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A restore point a repository holds, as restic lists it. */
@Entity
@Table(name = "backup_snapshot")
public class Snapshot extends PanacheEntityBase {

  /** A snapshot id is unique within its repository. */
  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "repository_id")
    public UUID repositoryId;

    @Column(name = "snapshot_id")
    public String snapshotId;

    public Key() {}

    public Key(UUID repositoryId, String snapshotId) {
      this.repositoryId = repositoryId;
      this.snapshotId = snapshotId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(repositoryId, k.repositoryId)
          && Objects.equals(snapshotId, k.snapshotId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(repositoryId, snapshotId);
    }
  }

  @EmbeddedId public Key key;

  @Column(name = "policy_id", nullable = false)
  public UUID policyId;

  @Column(name = "taken_at", nullable = false)
  public Instant takenAt;

  public String hostname;

  @Column(columnDefinition = "text[]")
  public String[] paths;
}
