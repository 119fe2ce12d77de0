package io.vigie.ticket.knowledge;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A knowledge base article as last saved; each save is also kept as an {@link ArticleRevision}. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

  @Id public UUID id;

  /** A stable name for references such as an alert rule's runbook ({@code kb:<slug>}); optional. */
  public String slug;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ArticleKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ArticleVisibility visibility;

  /** The client it is about; required when the visibility is CLIENT. */
  public String tenant;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ArticleStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ArticleLanguage language;

  @Column(nullable = false)
  public String title;

  /** Markdown. */
  @Column(nullable = false)
  public String body;

  /** {@link #body} rendered and sanitised. */
  @Column(name = "body_html", nullable = false)
  public String bodyHtml;

  @Column(name = "source_ticket_id")
  public UUID sourceTicketId;

  @Column(name = "created_by", nullable = false)
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_by", nullable = false)
  public String updatedBy;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "published_at")
  public Instant publishedAt;

  public long version;

  /** Whether {@code caller}'s tenant reads it: published, and public or its own. */
  boolean readableByClient(String clientTenant) {
    return status == ArticleStatus.PUBLISHED
        && (visibility == ArticleVisibility.PUBLIC
            || (visibility == ArticleVisibility.CLIENT
                && clientTenant != null
                && clientTenant.equals(tenant)));
  }
}
