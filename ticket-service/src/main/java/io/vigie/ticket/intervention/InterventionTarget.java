package io.vigie.ticket.intervention;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A server, VM or hosted service an intervention works on, with its name when proposed. */
@Entity
@Table(name = "intervention_target")
@IdClass(InterventionTarget.Key.class)
public class InterventionTarget extends PanacheEntityBase {

  /** What an intervention works on. */
  @Schema(name = "InterventionTargetKind")
  public enum Kind {
    SERVER,
    VIRTUAL_MACHINE,
    HOSTED_SERVICE
  }

  @Id
  @Column(name = "intervention_id")
  public UUID interventionId;

  @Id
  @Enumerated(EnumType.STRING)
  public Kind kind;

  @Id
  @Column(name = "target_id")
  public UUID targetId;

  @Column(nullable = false)
  public String label;

  static InterventionTarget of(UUID interventionId, Kind kind, UUID targetId, String label) {
    InterventionTarget t = new InterventionTarget();
    t.interventionId = interventionId;
    t.kind = kind;
    t.targetId = targetId;
    t.label = label;
    return t;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    public UUID interventionId;
    public Kind kind;
    public UUID targetId;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(interventionId, key.interventionId)
          && kind == key.kind
          && Objects.equals(targetId, key.targetId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(interventionId, kind, targetId);
    }
  }
}
