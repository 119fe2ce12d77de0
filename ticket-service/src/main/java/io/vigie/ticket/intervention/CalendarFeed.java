package io.vigie.ticket.intervention;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A client's iCalendar feed: the SHA-256 of its current token, never the token itself. */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends PanacheEntityBase {

  @Id public String tenant;

  @Column(name = "token_hash", nullable = false)
  public String tokenHash;

  @Column(name = "rotated_at", nullable = false)
  public Instant rotatedAt;

  @Column(name = "rotated_by", nullable = false)
  public String rotatedBy;
}
