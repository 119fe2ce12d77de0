package io.vigie.ticket.oncall.paging;

import io.vigie.ticket.oncall.Notification;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a page says, in every form (email subject, plain text, HTML, webhook JSON): the client, the
 * ticket and its priority, why a person is needed, the GTI deadline, the servers, VMs and hosted
 * services affected, and the links to act. Plain Java; every piece of text is escaped in the HTML.
 */
final class PageMessage {

  private PageMessage() {}

  /** A server, VM or hosted service the ticket is linked to, with its inventory name. */
  record Affected(String kind, String id, String label) {

    /** {@code hosted service Boutique Lumière}. */
    String describe() {
      return kind.toLowerCase(Locale.ROOT).replace('_', ' ') + " " + (label == null ? id : label);
    }
  }

  /**
   * The links of an email (none in a webhook): each acknowledges once and resolves once, as the
   * person the email went to, until {@code expiresAt}.
   */
  record Links(String acknowledge, String resolve, Instant expiresAt) {}

  /**
   * The runbook the incident's alert rule names.
   *
   * @param title what to call it (the article's title, or the address)
   * @param url where staff open it; null for a {@code kb:} reference naming no article
   */
  record Runbook(String title, String url) {

    String describe() {
      return url == null || url.equals(title) ? title : title + " " + url;
    }
  }

  /**
   * @param links the email's single-use links, or null (a webhook: it acknowledges through the API)
   * @param runbook the incident's runbook, or null (no line then)
   */
  static Notification of(
      Page p,
      String clientName,
      String baseUrl,
      Links links,
      List<Affected> affected,
      Runbook runbook) {
    String affects =
        affected.isEmpty()
            ? "none named"
            : affected.stream().map(Affected::describe).collect(Collectors.joining(", "));
    String ticketUrl = baseUrl + "/api/v1/tickets/" + p.ticketId;
    String ackApi = baseUrl + "/api/v1/on-call/pages/" + p.id + "/acknowledgement";
    String deadline = p.deadline == null ? "none" : p.deadline.toString();
    String client =
        p.tenant == null
            ? "internal incident (every client affected)"
            : clientName == null ? p.tenant : clientName + " (" + p.tenant + ")";
    String subject =
        "[Vigie] " + p.priority + " " + p.ticketReference + " " + p.title + " - " + client;
    StringBuilder text = new StringBuilder();
    text.append(p.priority).append(' ').append(p.ticketReference).append(": ").append(p.title);
    text.append("\r\nClient: ").append(client);
    text.append("\r\nWhy: ").append(p.reason);
    text.append("\r\nGTI deadline: ").append(deadline);
    text.append("\r\nAffected: ").append(affects);
    text.append("\r\nEscalation: round ").append(p.round + 1).append(", step ").append(p.step + 1);
    if (runbook != null) {
      text.append("\r\nRunbook: ").append(runbook.describe());
    }
    text.append("\r\n");
    if (links != null) {
      text.append("\r\nAcknowledge: ").append(links.acknowledge());
      text.append("\r\nResolve: ").append(links.resolve());
      text.append("\r\n(each link works once, as you, until ")
          .append(links.expiresAt())
          .append(')');
    }
    text.append("\r\nTicket: ").append(ticketUrl).append("\r\n");
    String html =
        "<p><b>"
            + Html.escape(p.priority + " " + p.ticketReference)
            + "</b>: "
            + Html.escape(p.title)
            + "</p><ul><li>Client: "
            + Html.escape(client)
            + "</li><li>Why: "
            + Html.escape(p.reason)
            + "</li><li>GTI deadline: "
            + Html.escape(deadline)
            + "</li><li>Affected: "
            + Html.escape(affects)
            + "</li>"
            + (runbook == null
                ? ""
                : "<li>Runbook: "
                    + (runbook.url() == null
                        ? Html.escape(runbook.title())
                        : "<a href=\""
                            + Html.escape(runbook.url())
                            + "\">"
                            + Html.escape(runbook.title())
                            + "</a>")
                    + "</li>")
            + "</ul>"
            + (links == null
                ? ""
                : "<p><a href=\""
                    + Html.escape(links.acknowledge())
                    + "\">Acknowledge</a> &middot; <a href=\""
                    + Html.escape(links.resolve())
                    + "\">Resolve</a> (each link works once, as you, until "
                    + Html.escape(String.valueOf(links.expiresAt()))
                    + ")</p>")
            + "<p><a href=\""
            + Html.escape(ticketUrl)
            + "\">Ticket</a></p>";
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", "page");
    payload.put("page", p.id.toString());
    Map<String, Object> ticket = new LinkedHashMap<>();
    ticket.put("id", p.ticketId.toString());
    ticket.put("reference", p.ticketReference);
    ticket.put("title", p.title);
    ticket.put("tenant", p.tenant);
    ticket.put("client", clientName);
    ticket.put("priority", p.priority);
    payload.put("ticket", ticket);
    payload.put("reason", p.reason);
    payload.put("deadline", p.deadline == null ? null : p.deadline.toString());
    payload.put(
        "affected",
        affected.stream()
            .map(
                a -> {
                  Map<String, Object> one = new LinkedHashMap<>();
                  one.put("kind", a.kind());
                  one.put("id", a.id());
                  one.put("label", a.label());
                  return one;
                })
            .toList());
    payload.put("round", p.round + 1);
    payload.put("step", p.step + 1);
    payload.put(
        "runbook", runbook == null ? null : mapOf("title", runbook.title(), "url", runbook.url()));
    payload.put("acknowledge", Map.of("method", "POST", "url", ackApi));
    payload.put(
        "resolve",
        Map.of("method", "POST", "url", baseUrl + "/api/v1/on-call/pages/" + p.id + "/resolution"));
    return new Notification(subject, text.toString(), html, payload);
  }

  private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }

  /** Escapes text for HTML. */
  static final class Html {
    private Html() {}

    static String escape(String text) {
      if (text == null) {
        return "";
      }
      return text.replace("&", "&amp;")
          .replace("<", "&lt;")
          .replace(">", "&gt;")
          .replace("\"", "&quot;")
          .replace("'", "&#39;");
    }
  }
}
