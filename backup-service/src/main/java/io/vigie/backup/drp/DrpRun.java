package io.vigie.backup.drp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.events.backup.DrpDirection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A run of a DRP plan; {@code doc} is its {@link RunSheet}, the state {@link DrpRunMachine} moves
 * on. The other columns are the sheet's, for queries.
 */
@Entity
@Table(name = "drp_run")
public class DrpRun extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "plan_id", nullable = false)
  public UUID planId;

  @Column(nullable = false)
  public String tenant;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DrpDirection direction;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public RunStatus status;

  @Column(name = "activated_at", nullable = false)
  public Instant activatedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;

  @Column(nullable = false)
  public String doc;
}
