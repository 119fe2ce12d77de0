package io.vigie.ticket.oncall.paging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ticket's page walking its policy: where it is, when it moves on, who acknowledged it. */
@Entity
@Table(name = "oncall_page")
public class Page extends PanacheEntityBase {

  /**
   * HELD until the contract's support hours open (a lower priority outside them; {@code nextStepAt}
   * is then when paging starts); OPEN while it escalates; ACKNOWLEDGED stops it; EXHAUSTED once
   * every round was sent.
   */
  @Schema(name = "PageStatus")
  public enum Status {
    HELD,
    OPEN,
    ACKNOWLEDGED,
    EXHAUSTED
  }

  @Id public UUID id;

  @Column(name = "ticket_id", nullable = false)
  public UUID ticketId;

  @Column(name = "ticket_reference", nullable = false)
  public String ticketReference;

  public String tenant;

  @Column(nullable = false)
  public String title;

  @Column(nullable = false)
  public String priority;

  @Column(nullable = false)
  public String reason;

  public Instant deadline;

  @Column(name = "policy_id", nullable = false)
  public UUID policyId;

  @Column(nullable = false)
  public int round;

  @Column(nullable = false)
  public int step;

  @Column(name = "next_step_at")
  public Instant nextStepAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Column(name = "opened_at", nullable = false)
  public Instant openedAt;

  @Column(name = "acknowledged_at")
  public Instant acknowledgedAt;

  @Column(name = "acknowledged_by")
  public String acknowledgedBy;

  /** Who resolved the ticket from the page, when, and through which channel (email link, API). */
  @Column(name = "resolved_at")
  public Instant resolvedAt;

  @Column(name = "resolved_by")
  public String resolvedBy;

  @Column(name = "resolved_through")
  public String resolvedThrough;

  @Column(nullable = false)
  public long version;
}
