package io.vigie.ticket.status;

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
 * An incident or a planned intervention as published on the status page: a public title, the
 * platforms it concerns, its phase; its wording is its updates ({@link StatusNoticeUpdate}).
 */
@Entity
@Table(name = "status_notice")
public class StatusNotice extends PanacheEntityBase {

  @Id public UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public NoticeKind kind;

  @Column(name = "ticket_id")
  public UUID ticketId;

  @Column(name = "intervention_id")
  public UUID interventionId;

  @Column(nullable = false)
  public String title;

  @Column(name = "platform_ids", nullable = false)
  public UUID[] platformIds = new UUID[0];

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public NoticePhase phase;

  @Column(name = "published_by", nullable = false)
  public String publishedBy;

  @Column(name = "published_at", nullable = false)
  public Instant publishedAt;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  @Column(name = "withdrawn_by")
  public String withdrawnBy;

  @Column(name = "withdrawn_at")
  public Instant withdrawnAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(nullable = false)
  public long version;

  /** Whether the page shows it: published and not taken down. */
  public boolean live() {
    return withdrawnAt == null;
  }
}
