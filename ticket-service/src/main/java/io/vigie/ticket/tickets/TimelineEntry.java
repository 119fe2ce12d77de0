package io.vigie.ticket.tickets;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.kit.id.Uuids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a ticket's timeline: a change, a comment or an event from another service. */
@Entity
@Table(name = "ticket_entry")
public class TimelineEntry extends PanacheEntityBase {

  /** What happened. */
  @Schema(name = "TimelineEntryKind")
  public enum Kind {
    OPENED,
    STATUS_CHANGED,
    PRIORITY_CHANGED,
    ESCALATED,
    ASSIGNED,
    UPDATED,
    COMMENT,
    ALERT_FIRED,
    ALERT_FIRED_AGAIN,
    ALERT_RESOLVED,
    /** Grouped under a host-down incident, or another incident grouped under this one. */
    GROUPED,
    CLOCK_WARNING,
    CLOCK_BREACHED,
    // from backup.events (backup/)
    BACKUP_FAILED,
    BACKUP_OVERDUE,
    BACKUP_SUCCEEDED,
    RPO_BREACHED,
    RPO_RESTORED,
    DRP_ACTIVATED,
    DRP_STEP_COMPLETED,
    DRP_STEP_FAILED,
    DRP_ABORTED,
    DRP_COMPLETED,
    /** Published on, updated on or taken down from the public status page (staff only). */
    STATUS_PAGE
  }

  /** Who may read it: a client never reads an INTERNAL entry. */
  public enum Visibility {
    PUBLIC,
    INTERNAL
  }

  @Id public UUID id;

  @Column(insertable = false, updatable = false)
  public Long seq;

  @Column(name = "ticket_id", nullable = false)
  public UUID ticketId;

  @Column(nullable = false)
  public Instant at;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Visibility visibility;

  @Column(nullable = false)
  public String author;

  @Column(nullable = false)
  public String body;

  public static TimelineEntry of(
      UUID ticketId, Instant at, Kind kind, Visibility visibility, String author, String body) {
    TimelineEntry entry = new TimelineEntry();
    entry.id = Uuids.timeOrdered();
    entry.ticketId = ticketId;
    entry.at = at;
    entry.kind = kind;
    entry.visibility = visibility;
    entry.author = author;
    entry.body = body;
    return entry;
  }
}
