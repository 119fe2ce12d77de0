package io.vigie.monitoring.maintenance;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Approved, planned maintenance on servers and hosted services: one interval, or a series of them
 * when it carries an iCalendar RRULE. The targets it covers are {@link MaintenanceTarget} rows.
 */
@Entity
@Table(name = "maintenance_window")
public class MaintenanceWindow extends PanacheEntityBase {

  @Id public UUID id;

  /** Start of the first occurrence. */
  @Column(name = "starts_at", nullable = false)
  public Instant startsAt;

  /** End of the first occurrence; each later one lasts the same wall-clock time. */
  @Column(name = "ends_at", nullable = false)
  public Instant endsAt;

  /** Normalised RRULE (see {@link Occurrences#rrule()}); null for a one-off window. */
  public String rrule;

  /** IANA zone whose wall time the occurrences follow. */
  @Column(name = "time_zone", nullable = false)
  public String timeZone;

  /** After this no occurrence runs; null when the window recurs forever. */
  @Column(name = "recurs_until")
  public Instant recursUntil;

  @Column(nullable = false)
  public String reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public MaintenanceSource source;

  @Column(name = "created_by", nullable = false)
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(nullable = false)
  public boolean cancelled;

  @Column(name = "cancelled_at")
  public Instant cancelledAt;

  @Column(name = "cancelled_by")
  public String cancelledBy;

  @Column(nullable = false)
  public long version;

  /** The planned intervention in ticket-service this window stands for (source TICKET). */
  @Column(name = "intervention_id")
  public UUID interventionId;

  /** The version of that intervention last applied. */
  @Column(name = "intervention_version")
  public Long interventionVersion;

  /** The concrete schedule of this window (validated when the window was created). */
  public Occurrences occurrences() {
    Occurrences schedule = Occurrences.of(startsAt, endsAt, rrule, timeZone);
    return cancelledAt == null ? schedule : schedule.cancelledAt(cancelledAt);
  }
}
