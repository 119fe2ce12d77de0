package io.vigie.ticket.knowledge;

/** Who reads an article: staff only, one client's users (and staff), or everyone signed in. */
public enum ArticleVisibility {
  INTERNAL,
  CLIENT,
  PUBLIC
}
