package io.vigie.dns.zone;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Where one provider stands for one zone. */
@Entity
@Table(name = "zone_provider")
public class ZoneProvider extends PanacheEntityBase {

  /**
   * IN_SYNC: serves the zone as held at {@code appliedSerial}; OUT_OF_SYNC: a change is pending or
   * an apply failed (retried on a schedule); DRIFTED: the server was changed behind Vigie's back
   * (reconciled on request, so a person sees the drift first).
   */
  public enum State {
    IN_SYNC,
    OUT_OF_SYNC,
    DRIFTED,
    /** The zone was deleted and this server no longer serves it. */
    REMOVED
  }

  @Id public UUID id;

  @Column(name = "zone_id", nullable = false)
  public UUID zoneId;

  @Column(nullable = false)
  public String provider;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public State state;

  @Column(name = "applied_serial")
  public Long appliedSerial;

  public String detail;

  @Column(name = "checked_at")
  public Instant checkedAt;

  /** The differences last published as {@code DriftFound} (a fingerprint); null when none. */
  @Column(name = "drift_reported")
  public String driftReported;
}
