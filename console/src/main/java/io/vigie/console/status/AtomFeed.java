package io.vigie.console.status;

import io.vigie.console.api.ArticleView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The status page's notices as an Atom 1.0 feed (RFC 4287): one entry per notice, its id the
 * article's ({@code urn:uuid:}), its content the sanitised HTML ticket-service rendered, escaped as
 * Atom's {@code type="html"} requires. Plain Java.
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
    return xml.append("</feed>\n").toString();
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
