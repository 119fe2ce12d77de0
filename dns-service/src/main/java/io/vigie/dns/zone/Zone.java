package io.vigie.dns.zone;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A client's zone as Vigie holds it: the desired state every provider is brought to. */
@Entity
@Table(name = "zone")
public class Zone extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String tenant;

  /** Absolute, lower case, with the trailing dot. */
  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public long serial;

  @Column(name = "record_quota", nullable = false)
  public int recordQuota;

  /** Provider names, comma separated. */
  @Column(nullable = false)
  public String providers;

  @Column(name = "created_by", nullable = false)
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** When the zone was deleted (its row and audit trail kept); null while it lives. */
  @Column(name = "deleted_at")
  public Instant deletedAt;

  @Column(name = "deleted_by")
  public String deletedBy;

  /** When the drift schedule last read the providers back; null: never. */
  @Column(name = "drift_checked_at")
  public Instant driftCheckedAt;

  @Version public long version;

  public List<String> providerNames() {
    return providers.isEmpty() ? List.of() : Arrays.asList(providers.split(","));
  }
}
