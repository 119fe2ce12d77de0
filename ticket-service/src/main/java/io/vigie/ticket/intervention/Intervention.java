package io.vigie.ticket.intervention;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.events.ticket.InterventionRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A planned intervention: its window, its targets and where it stands. */
@Entity
@Table(name = "intervention")
public class Intervention extends PanacheEntityBase {

  @Id public UUID id;

  /** {@code INT-2026-000042}. */
  @Column(nullable = false)
  public String reference;

  @Column(nullable = false)
  public String title;

  /** What the clients read about the work. */
  @Column(name = "client_text", nullable = false)
  public String clientText;

  @Column(name = "starts_at", nullable = false)
  public Instant startsAt;

  @Column(name = "ends_at", nullable = false)
  public Instant endsAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public InterventionStatus status;

  @Column(name = "server_ids", nullable = false)
  public UUID[] serverIds = new UUID[0];

  @Column(name = "guest_ids", nullable = false)
  public UUID[] guestIds = new UUID[0];

  @Column(name = "hosted_service_ids", nullable = false)
  public UUID[] hostedServiceIds = new UUID[0];

  /** Hosted services monitoring silences besides the servers (named, or on a VM named). */
  @Column(name = "covered_service_ids", nullable = false)
  public UUID[] coveredServiceIds = new UUID[0];

  @Column(name = "proposed_by", nullable = false)
  public String proposedBy;

  @Column(name = "proposed_at", nullable = false)
  public Instant proposedAt;

  @Column(name = "scheduled_at")
  public Instant scheduledAt;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "ended_at")
  public Instant endedAt;

  @Column(name = "cancelled_at")
  public Instant cancelledAt;

  /** iCalendar SEQUENCE: bumped with every change a calendar shows. */
  @Column(nullable = false)
  public int sequence;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(nullable = false)
  public long version;

  public InterventionRef ref() {
    return new InterventionRef(id, reference, version);
  }

  /** Bumps the version and the calendar sequence for a change made at {@code now}. */
  void changed(Instant now) {
    version++;
    sequence++;
    updatedAt = now;
  }
}
