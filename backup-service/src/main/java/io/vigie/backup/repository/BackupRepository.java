package io.vigie.backup.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Where backups land: a restic or borg repository in one datacenter. */
@Entity
@Table(name = "backup_repository")
public class BackupRepository extends PanacheEntityBase {

  @Id public UUID id;

  /** The owning client, or null for a repository the hoster shares between clients. */
  public String tenant;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public RepositoryKind kind;

  /** As the tool takes it: {@code sftp:backup@dc3:/srv/restic/saint-roch}, {@code s3:...}. */
  @Column(nullable = false)
  public String location;

  @Column(name = "datacenter_id", nullable = false)
  public UUID datacenterId;

  @Column(name = "datacenter_code", nullable = false)
  public String datacenterCode;

  /** Where the repository's password is kept; never returned by the API. */
  @Column(name = "password_ref")
  public String passwordRef;

  /** What the repository's storage may hold, in bytes (its disk or quota); null when not set. */
  @Column(name = "capacity_bytes")
  public Long capacityBytes;

  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
