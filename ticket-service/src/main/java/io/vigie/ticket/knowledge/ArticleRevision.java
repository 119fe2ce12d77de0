package io.vigie.ticket.knowledge;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One saved state of an article: who, when, why (the note) and what changed (the diff). */
@Entity
@Table(name = "article_revision")
@IdClass(ArticleRevision.Key.class)
public class ArticleRevision extends PanacheEntityBase {

  @Id
  @Column(name = "article_id")
  public UUID articleId;

  @Id public long revision;

  @Column(nullable = false)
  public Instant at;

  @Column(nullable = false)
  public String author;

  public String note;

  @Column(nullable = false)
  public String title;

  @Column(nullable = false)
  public String body;

  /** Line diff from the previous revision; null for the first. */
  public String diff;

  /** The composite key. */
  public static class Key implements Serializable {
    public UUID articleId;
    public long revision;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(articleId, k.articleId) && revision == k.revision;
    }

    @Override
    public int hashCode() {
      return Objects.hash(articleId, revision);
    }
  }
}
