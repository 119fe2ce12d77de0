package io.vigie.ticket.knowledge;

import java.util.List;

/**
 * A solution article prefilled from a resolved ticket or its post-incident report: the problem (the
 * ticket's title and description), the cause, the solution and the follow-up actions as the
 * engineer wrote them in the report, and where it came from. Empty parts say what to write, so the
 * engineer edits a draft rather than a blank page.
 */
public final class SolutionDraft {

  static final String TO_WRITE = "_To be written._";

  private SolutionDraft() {}

  /** The draft's title: the ticket's, prefixed, within the article title's limit. */
  static String title(String ticketTitle) {
    String title = "Solution: " + ticketTitle.strip();
    return title.length() <= ArticleViews.MAX_TITLE
        ? title
        : title.substring(0, ArticleViews.MAX_TITLE - 1) + "…";
  }

  /** The draft's Markdown body. */
  static String body(
      String reference, String description, String cause, String solution, List<String> followUps) {
    StringBuilder md = new StringBuilder();
    md.append("## Problem\n\n").append(orToWrite(description)).append("\n\n");
    md.append("## Cause\n\n").append(orToWrite(cause)).append("\n\n");
    md.append("## Solution\n\n").append(orToWrite(solution)).append("\n\n");
    md.append("## Follow-up\n\n");
    List<String> actions =
        followUps == null ? List.of() : followUps.stream().filter(s -> !s.isBlank()).toList();
    if (actions.isEmpty()) {
      md.append(TO_WRITE).append("\n\n");
    } else {
      actions.forEach(a -> md.append("- ").append(a.strip()).append('\n'));
      md.append('\n');
    }
    md.append("_Drawn from ").append(reference).append("._\n");
    String text = md.toString();
    return text.length() <= ArticleViews.MAX_BODY ? text : text.substring(0, ArticleViews.MAX_BODY);
  }

  /** What an article drawn from a ticket is about, from one of the ticket's links. */
  static ArticleViews.ArticleLinkRequest about(io.vigie.ticket.tickets.TicketLink link) {
    ArticleLink.Kind kind =
        switch (link.kind) {
          case SERVER -> ArticleLink.Kind.SERVER;
          case VIRTUAL_MACHINE -> ArticleLink.Kind.VIRTUAL_MACHINE;
          case HOSTED_SERVICE -> ArticleLink.Kind.HOSTED_SERVICE;
          case ALERT -> ArticleLink.Kind.ALERT_FINGERPRINT;
          case INCIDENT -> null;
        };
    return kind == null ? null : new ArticleViews.ArticleLinkRequest(kind, link.target);
  }

  private static String orToWrite(String text) {
    return text == null || text.isBlank() ? TO_WRITE : text.strip();
  }
}
