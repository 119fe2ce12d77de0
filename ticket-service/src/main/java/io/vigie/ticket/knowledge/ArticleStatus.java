package io.vigie.ticket.knowledge;

/** A draft is staff's only; a published article reaches the readers its visibility names. */
public enum ArticleStatus {
  DRAFT,
  PUBLISHED
}
