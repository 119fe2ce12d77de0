package io.vigie.ticket.tickets;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.ticket.SupportLevel;
import io.vigie.events.ticket.TicketRef;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.events.ticket.TicketType;
import io.vigie.ticket.clock.ContractClock;
import io.vigie.ticket.priority.Impact;
import io.vigie.ticket.priority.Urgency;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A ticket with its contract clocks as they were last persisted. */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

  @Id public UUID id;

  /** {@code INC-2026-000123}: what people say aloud. */
  @Column(nullable = false)
  public String reference;

  /** The client (code); null for an internal parent incident. */
  public String tenant;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TicketType type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TicketStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Impact impact;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Urgency urgency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Priority priority;

  @Enumerated(EnumType.STRING)
  @Column(name = "support_level", nullable = false)
  public SupportLevel supportLevel;

  public String assignee;

  @Column(nullable = false)
  public String title;

  @Column(nullable = false)
  public String description;

  @Column(name = "parent_id")
  public UUID parentId;

  @Column(name = "alert_fingerprint")
  public String alertFingerprint;

  @Column(name = "opened_by", nullable = false)
  public String openedBy;

  @Column(name = "opened_at", nullable = false)
  public Instant openedAt;

  /** When the contract clocks started: the alert's start for an incident from an alert. */
  @Column(name = "clock_started_at", nullable = false)
  public Instant clockStartedAt;

  @Column(name = "acknowledged_at")
  public Instant acknowledgedAt;

  /** The first engineer action, which stopped the GTI clock. */
  @Column(name = "first_action_at")
  public Instant firstActionAt;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  @Column(name = "closed_at")
  public Instant closedAt;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "intervention_clock")
  public ContractClock.State interventionClock;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "resolution_clock")
  public ContractClock.State resolutionClock;

  /** When the clock job must look at this ticket again; null when no clock can warn any more. */
  @Column(name = "next_clock_check")
  public Instant nextClockCheck;

  @Column(name = "intervention_deadline")
  public Instant interventionDeadline;

  @Column(name = "resolution_deadline")
  public Instant resolutionDeadline;

  /** The host-down incident this one is grouped under: not paged for separately. */
  @Column(name = "grouped_under")
  public UUID groupedUnder;

  /** On an incident opened from a host-down alert: the server that is down. */
  @Column(name = "host_down_server")
  public UUID hostDownServer;

  /** A self-service request's category ({@code new-environment}); null for other tickets. */
  @Column(name = "request_category")
  public String requestCategory;

  /**
   * The time a request is handled within (ISO-8601, {@code PT48H}), fixed when it was opened: its
   * resolution clock's target whatever the priority. Null for other tickets.
   */
  @Column(name = "request_within")
  public String requestWithin;

  @Column(nullable = false)
  public long version;

  /** The request's handling time, or null when this ticket is no self-service request. */
  public java.time.Duration requestWithinDuration() {
    return requestWithin == null ? null : java.time.Duration.parse(requestWithin);
  }

  public boolean isInternal() {
    return tenant == null;
  }

  public TicketRef ref() {
    return new TicketRef(id, reference, tenant, version);
  }
}
