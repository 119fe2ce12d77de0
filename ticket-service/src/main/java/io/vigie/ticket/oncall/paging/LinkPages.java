package io.vigie.ticket.oncall.paging;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.problem.ProblemException;
import io.vigie.ticket.oncall.paging.PageMessage.Html;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The small HTML pages behind a page email's links (no bearer token: the link is the credential). A
 * browser (its {@code Accept} names {@code text/html}) reads a refusal as an HTML page with the
 * same status; any other client gets the RFC 9457 problem.
 */
final class LinkPages {

  private LinkPages() {}

  /**
   * The confirmation page of a link: the ticket, then a button per action the link can still do
   * (the page's own action first: resolve on the resolve link's page).
   */
  static String confirm(PagingService.LinkState link, String token, boolean resolveFirst) {
    // relative addresses: the service may be published under a path of the hoster's choosing
    String ackAction = resolveFirst ? "../ack/" + token : "";
    String resolveAction = resolveFirst ? "" : "../resolve/" + token;
    String ack =
        "<form method=\"post\" action=\""
            + Html.escape(ackAction)
            + "\"><button type=\"submit\">Acknowledge</button></form>";
    String resolve =
        "<form method=\"post\" action=\""
            + Html.escape(resolveAction)
            + "\"><button type=\"submit\">Resolve the incident</button></form>";
    StringBuilder body = new StringBuilder();
    body.append("<h1>")
        .append(Html.escape(link.priority() + " " + link.ticketReference()))
        .append("</h1><p>")
        .append(Html.escape(link.title()))
        .append("</p><p>As ")
        .append(Html.escape(link.subject()))
        .append("; this link works until ")
        .append(Html.escape(String.valueOf(link.expiresAt())))
        .append(".</p>");
    if (!link.canAcknowledge() && !link.canResolve()) {
      body.append("<p>Nothing left to do from this link: the page was acknowledged and the")
          .append(" incident resolved (or this link used for both).</p>");
    } else if (resolveFirst) {
      body.append(link.canResolve() ? resolve : "<p>The incident is resolved already.</p>");
      body.append(link.canAcknowledge() ? ack : "");
    } else {
      body.append(link.canAcknowledge() ? ack : "<p>The page was acknowledged already.</p>");
      body.append(link.canResolve() ? resolve : "");
    }
    return page(link.ticketReference(), body.toString());
  }

  /** What an action did. */
  static String done(String title, String message) {
    return page(title, "<p>" + Html.escape(message) + "</p>");
  }

  /** The answer of a link's action: the page, or its refusal as HTML for a browser. */
  static Uni<RestResponse<String>> answer(Uni<String> html, String accept) {
    return html.map(RestResponse::ok)
        .onFailure(ProblemException.class)
        .recoverWithUni(
            failure -> {
              if (!wantsHtml(accept)) {
                return Uni.createFrom().failure(failure);
              }
              ProblemException problem = (ProblemException) failure;
              return Uni.createFrom()
                  .item(
                      RestResponse.ResponseBuilder.<String>create(problem.status())
                          .type(MediaType.TEXT_HTML_TYPE)
                          .entity(refusal(problem))
                          .build());
            });
  }

  static boolean wantsHtml(String accept) {
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
  }

  static String refusal(ProblemException problem) {
    String title = problem.toProblem(null).title();
    return page(
        title,
        "<h1>"
            + Html.escape(title)
            + "</h1><p>"
            + Html.escape(problem.getMessage())
            + "</p><p>Nothing was changed.</p>");
  }

  private static String page(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + Html.escape(title)
        + " - Vigie on-call</title></head><body>"
        + body
        + "</body></html>";
  }
}
