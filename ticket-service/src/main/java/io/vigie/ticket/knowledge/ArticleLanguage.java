package io.vigie.ticket.knowledge;

/** The language an article is written in: it picks the stemming of its search index. */
public enum ArticleLanguage {
  FR,
  EN
}
