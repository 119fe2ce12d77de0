package io.vigie.monitoring.alerting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.kit.id.Uuids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One change in an alert's life: PENDING, FIRING, NOTIFIED, SUPPRESSED, GROUPED, RESOLVED or
 * DISCARDED, with when and why. Alertmanager keeps no history; this is it.
 */
@Entity
@Table(name = "alert_transition")
public class AlertTransition extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "alert_id", nullable = false)
  public UUID alertId;

  @Column(nullable = false)
  public String state;

  @Column(nullable = false)
  public Instant at;

  @Column(nullable = false)
  public String detail;

  static AlertTransition of(UUID alertId, String state, Instant at, String detail) {
    AlertTransition t = new AlertTransition();
    t.id = Uuids.timeOrdered();
    t.alertId = alertId;
    t.state = state;
    t.at = at;
    t.detail = detail;
    return t;
  }
}
