package io.vigie.monitoring.maintenance;

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

/** One server or hosted service a maintenance window covers. */
@Entity
@Table(name = "maintenance_window_target")
@IdClass(MaintenanceTarget.Key.class)
public class MaintenanceTarget extends PanacheEntityBase {

  /** What a window may cover. */
  public enum Kind {
    SERVER,
    HOSTED_SERVICE
  }

  @Id
  @Column(name = "window_id")
  public UUID windowId;

  @Id
  @Enumerated(EnumType.STRING)
  @Column(name = "target_kind")
  public Kind kind;

  @Id
  @Column(name = "target_id")
  public UUID targetId;

  static MaintenanceTarget of(UUID windowId, Kind kind, UUID targetId) {
    MaintenanceTarget target = new MaintenanceTarget();
    target.windowId = windowId;
    target.kind = kind;
    target.targetId = targetId;
    return target;
  }

  /** Composite key: a target once per window. */
  public static class Key implements Serializable {
    public UUID windowId;
    public Kind kind;
    public UUID targetId;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(windowId, key.windowId)
          && kind == key.kind
          && Objects.equals(targetId, key.targetId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(windowId, kind, targetId);
    }
  }
}
