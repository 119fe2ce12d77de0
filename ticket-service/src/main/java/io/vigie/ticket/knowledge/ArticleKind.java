package io.vigie.ticket.knowledge;

/** What an article is for. */
public enum ArticleKind {
  /** How to handle an alert or a task. */
  RUNBOOK,
  /** A client's architecture, installation, specifications. */
  PLATFORM_DOCUMENTATION,
  /** A problem and its fix, often drawn from an incident. */
  SOLUTION,
  /** News for clients: a change of service, a planned migration. */
  ANNOUNCEMENT
}
