package io.vigie.backup.watch;

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

/** A breach published and not yet restored: of the policy's RPO, or of one datacenter's copy. */
@Entity
@Table(name = "rpo_watch")
public class RpoWatchState extends PanacheEntityBase {

  /** {@code datacenterCode} is empty for the RPO over every repository. */
  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "policy_id")
    public UUID policyId;

    @Column(name = "datacenter_code")
    public String datacenterCode;

    public Key() {}

    public Key(UUID policyId, String datacenterCode) {
      this.policyId = policyId;
      this.datacenterCode = datacenterCode;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(policyId, k.policyId)
          && Objects.equals(datacenterCode, k.datacenterCode);
    }

    @Override
    public int hashCode() {
      return Objects.hash(policyId, datacenterCode);
    }
  }

  @EmbeddedId public Key key;

  @Column(name = "breached_at", nullable = false)
  public Instant breachedAt;
}
