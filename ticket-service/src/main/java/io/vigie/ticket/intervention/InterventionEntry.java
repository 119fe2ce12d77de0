package io.vigie.ticket.intervention;

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

/**
 * One line of an intervention's history. With a tenant it is that client's own (its answer): staff
 * and that client read it; without, staff and every client concerned do.
 */
@Entity
@Table(name = "intervention_entry")
public class InterventionEntry extends PanacheEntityBase {

  /** What happened. */
  @Schema(name = "InterventionEntryKind")
  public enum Kind {
    PROPOSED,
    ANSWERED,
    RESCHEDULED,
    SCHEDULED,
    STARTED,
    ENDED,
    CANCELLED,
    /** Published on, updated on or taken down from the public status page. */
    STATUS_PAGE
  }

  @Id public UUID id;

  @Column(insertable = false, updatable = false)
  public Long seq;

  @Column(name = "intervention_id", nullable = false)
  public UUID interventionId;

  @Column(nullable = false)
  public Instant at;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Kind kind;

  public String tenant;

  @Column(nullable = false)
  public String author;

  @Column(nullable = false)
  public String body;

  public static InterventionEntry of(
      UUID interventionId, Instant at, Kind kind, String tenant, String author, String body) {
    InterventionEntry e = new InterventionEntry();
    e.id = Uuids.timeOrdered();
    e.interventionId = interventionId;
    e.at = at;
    e.kind = kind;
    e.tenant = tenant;
    e.author = author;
    e.body = body;
    return e;
  }
}
