package io.vigie.backup.drp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A client's DRP plan; {@code doc} is its {@link DrpPlanView} as the API answers it. */
@Entity
@Table(name = "drp_plan")
public class DrpPlan extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String tenant;

  @Column(nullable = false)
  public String name;

  @Column(name = "production_server_id", nullable = false)
  public UUID productionServerId;

  @Column(name = "recovery_server_id", nullable = false)
  public UUID recoveryServerId;

  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(nullable = false)
  public String doc;
}
