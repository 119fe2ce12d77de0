package io.vigie.monitoring.rules;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored alert rule; {@code definition} is the {@link RuleDefinition} as JSON. */
@Entity
@Table(name = "alert_rule")
public class AlertRule extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false, unique = true)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public RuleDefinition.Kind kind;

  @Column(nullable = false)
  public boolean enabled;

  /** From the default rule pack: it can be changed or disabled, not deleted. */
  @Column(nullable = false)
  public boolean builtin;

  @Column(nullable = false)
  public String definition;

  @Column(nullable = false)
  public long version;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  public String updatedBy;
}
