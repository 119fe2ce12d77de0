package io.vigie.console.status;

import io.vigie.console.api.ArticleView;
import io.vigie.console.api.PublicStatusView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The status page as an Atom 1.0 feed (RFC 4287): one entry per notice, its id the article's
 * ({@code urn:uuid:}), its content the sanitised HTML ticket-service rendered, escaped as Atom's
 * {@code type="html"} requires; one per incident and per planned intervention, its title in
 * brackets with its phase, its content the platforms concerned, the window and every public update
 * (text escaped, then escaped again as Atom's html content). An entry's {@code updated} moves with
 * each update, so a feed reader shows it again. Plain Java.
 */
final class AtomFeed {

  private AtomFeed() {}

  static String render(StatusPage page, String title, String pageUrl, String feedUrl) {
    StringBuilder xml = new StringBuilder(1024);
    xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
        .append("  <title>")
        .append(escape(title))
        .append("</title>\n")
        .append("  <id>")
        .append(escape(feedUrl))
        .append("</id>\n")
        .append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"")
        .append(escape(feedUrl))
        .append("\"/>\n")
        .append("  <link rel=\"alternate\" type=\"text/html\" href=\"")
        .append(escape(pageUrl))
        .append("\"/>\n")
        .append("  <updated>")
        .append(instant(page.updated()))
        .append("</updated>\n")
        .append("  <author><name>")
        .append(escape(title))
        .append("</name></author>\n");
    for (ArticleView notice : page.notices()) {
      xml.append("  <entry>\n")
          .append("    <id>urn:uuid:")
          .append(notice.id())
          .append("</id>\n")
          .append("    <title>")
          .append(escape(notice.title()))
          .append("</title>\n")
          .append("    <link rel=\"alternate\" type=\"text/html\" href=\"")
          .append(escape(pageUrl + "#notice-" + notice.id()))
          .append("\"/>\n")
          .append("    <updated>")
          .append(instant(StatusPage.lastChange(notice)))
          .append("</updated>\n");
      if (notice.publishedAt() != null) {
        xml.append("    <published>")
            .append(instant(notice.publishedAt()))
            .append("</published>\n");
      }
      xml.append("    <content type=\"html\">")
          .append(escape(notice.html() == null ? "" : notice.html()))
          .append("</content>\n")
          .append("  </entry>\n");
    }
    for (StatusPage.IncidentEntry entry : page.incidents()) {
      PublicStatusView.Incident i = entry.incident();
      entry(
          xml,
          i.id().toString(),
          "[" + phase(i.phase()) + "] " + i.title(),
          pageUrl + "#incident-" + i.id(),
          i.updatedAt() != null ? i.updatedAt() : i.startedAt(),
          i.startedAt(),
          updates(entry.platformNames(), null, null, entry.updates()));
    }
    for (StatusPage.MaintenanceEntry entry : page.maintenance()) {
      PublicStatusView.Maintenance m = entry.maintenance();
      entry(
          xml,
          m.id().toString(),
          "[" + (m.cancelled() ? "Cancelled" : phase(m.phase())) + "] " + m.title(),
          pageUrl + "#maintenance-" + m.id(),
          m.updatedAt() != null ? m.updatedAt() : m.startsAt(),
          null,
          updates(entry.platformNames(), m.startsAt(), m.endsAt(), entry.updates()));
    }
    return xml.append("</feed>\n").toString();
  }

  private static void entry(
      StringBuilder xml,
      String id,
      String title,
      String link,
      Instant updated,
      Instant published,
      String html) {
    xml.append("  <entry>\n")
        .append("    <id>urn:uuid:")
        .append(escape(id))
        .append("</id>\n")
        .append("    <title>")
        .append(escape(title))
        .append("</title>\n")
        .append("    <link rel=\"alternate\" type=\"text/html\" href=\"")
        .append(escape(link))
        .append("\"/>\n")
        .append("    <updated>")
        .append(instant(updated))
        .append("</updated>\n");
    if (published != null) {
      xml.append("    <published>").append(instant(published)).append("</published>\n");
    }
    xml.append("    <content type=\"html\">")
        .append(escape(html))
        .append("</content>\n")
        .append("  </entry>\n");
  }

  /** The public words of an incident or intervention as HTML, every piece of text escaped. */
  static String updates(
      List<String> platforms, Instant startsAt, Instant endsAt, List<PublicStatusView.Update> all) {
    StringBuilder html = new StringBuilder();
    if (!platforms.isEmpty()) {
      html.append("<p>").append(escape(String.join(", ", platforms))).append("</p>");
    }
    if (startsAt != null && endsAt != null) {
      html.append("<p>")
          .append(instant(startsAt))
          .append(" – ")
          .append(instant(endsAt))
          .append("</p>");
    }
    for (PublicStatusView.Update u : all) {
      html.append("<p><strong>")
          .append(escape(phase(u.phase())))
          .append("</strong> (")
          .append(u.at() == null ? "" : instant(u.at()))
          .append("): ")
          .append(escape(u.message()))
          .append("</p>");
    }
    return html.toString();
  }

  /** INVESTIGATING as "Investigating", IN_PROGRESS as "In progress". */
  static String phase(String phase) {
    if (phase == null || phase.isEmpty()) {
      return "";
    }
    String words = phase.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          // characters XML 1.0 cannot carry are dropped rather than breaking the feed
          if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static String instant(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
