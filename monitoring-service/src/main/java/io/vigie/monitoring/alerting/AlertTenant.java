package io.vigie.monitoring.alerting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A client an alert affects: what per-client alert history and tenant walls filter on. */
@Entity
@Table(name = "alert_tenant")
@IdClass(AlertTenant.Key.class)
public class AlertTenant extends PanacheEntityBase {

  @Id
  @Column(name = "alert_id")
  public UUID alertId;

  @Id public String tenant;

  /** Composite key. */
  public static class Key implements Serializable {
    public UUID alertId;
    public String tenant;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k
          && Objects.equals(alertId, k.alertId)
          && Objects.equals(tenant, k.tenant);
    }

    @Override
    public int hashCode() {
      return Objects.hash(alertId, tenant);
    }
  }
}
