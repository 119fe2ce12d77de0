package io.vigie.ticket.knowledge;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an article is about: an inventory item, a client, an alert or a check. */
@Entity
@Table(name = "article_link")
@IdClass(ArticleLink.Key.class)
public class ArticleLink extends PanacheEntityBase {

  /** The kinds of things an article is about. */
  @Schema(name = "ArticleLinkKind")
  public enum Kind {
    /** A server, by inventory id. */
    SERVER,
    /** A VM or container, by inventory id. */
    VIRTUAL_MACHINE,
    /** A hosted service, by inventory id. */
    HOSTED_SERVICE,
    /** A client, by code. */
    CLIENT,
    /** An alert rule, by name (as monitoring's rule pack names it). */
    ALERT_RULE,
    /** One alert, by fingerprint. */
    ALERT_FINGERPRINT,
    /** A check, by name (e.g. {@code disk-root}): matches that check's alerts on any server. */
    CHECK
  }

  @Id
  @Column(name = "article_id")
  public UUID articleId;

  @Id
  @Enumerated(EnumType.STRING)
  public Kind kind;

  @Id public String target;

  /** A name to show: host name, VM, service or client name. */
  public String label;

  static ArticleLink of(UUID articleId, Kind kind, String target, String label) {
    ArticleLink link = new ArticleLink();
    link.articleId = articleId;
    link.kind = kind;
    link.target = target;
    link.label = label;
    return link;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    public UUID articleId;
    public Kind kind;
    public String target;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(articleId, k.articleId)
          && kind == k.kind
          && Objects.equals(target, k.target);
    }

    @Override
    public int hashCode() {
      return Objects.hash(articleId, kind, target);
    }
  }
}
