package io.vigie.ticket.knowledge;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * An article's Markdown as HTML that cannot run anything: CommonMark renders it with raw HTML
 * escaped and unsafe link targets dropped, then the OWASP sanitiser keeps only formatting, blocks,
 * tables, links (http, https, mailto; {@code rel="nofollow noopener noreferrer"}) and images by
 * URL. Two layers, so a gap in one is not a script in a browser.
 */
public final class MarkdownRenderer {

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.TABLES)
          .and(Sanitizers.IMAGES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("a")
                  .allowAttributes("href", "title")
                  .onElements("a")
                  .allowStandardUrlProtocols()
                  .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                  .toFactory())
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("pre", "code", "hr", "br", "del")
                  .allowAttributes("class")
                  .matching(java.util.regex.Pattern.compile("language-[a-zA-Z0-9_+-]{1,40}"))
                  .onElements("code")
                  .toFactory());

  private MarkdownRenderer() {}

  /** The sanitised HTML of {@code markdown}. */
  public static String html(String markdown) {
    return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
  }
}
