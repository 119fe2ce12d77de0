package io.vigie.backup.drp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One version of a plan, with who made it; {@code doc} is its {@link PlanRevisionView}. */
@Entity
@Table(name = "drp_plan_revision")
public class DrpPlanRevision extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "plan_id", nullable = false)
  public UUID planId;

  @Column(nullable = false)
  public long version;

  @Column(nullable = false)
  public String tenant;

  @Column(nullable = false)
  public String change;

  @Column(name = "changed_at", nullable = false)
  public Instant changedAt;

  @Column(name = "changed_by", nullable = false)
  public String changedBy;

  @Column(nullable = false)
  public String doc;
}
