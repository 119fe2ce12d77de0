package io.vigie.monitoring.rules;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A rule's runbook reference, in one of two forms: an absolute {@code https://} or {@code http://}
 * URL (a wiki page, say), or {@code kb:<slug or id>}, an article of ticket-service's knowledge base
 * by its slug ({@code kb:filesystem-full}) or its id. Anything else ({@code javascript:}, a
 * relative path, a URL with credentials in it) is refused, so a page or an incident never carries a
 * link that runs something or leaks a password.
 */
public final class Runbook {

  static final int MAX_LENGTH = 2000;

  /** A slug (lower-case letters, digits and dashes) or a UUID. */
  private static final Pattern ARTICLE =
      Pattern.compile("[a-z0-9][a-z0-9-]{0,99}|[0-9a-fA-F-]{36}");

  private Runbook() {}

  /**
   * The reference as kept and published (trimmed), null for none; else an {@link
   * CompiledRule.InvalidRule}.
   */
  public static String check(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String runbook = value.strip();
    if (runbook.length() > MAX_LENGTH) {
      throw invalid("at most " + MAX_LENGTH + " characters");
    }
    if (runbook.startsWith("kb:")) {
      if (!ARTICLE.matcher(runbook.substring(3)).matches()) {
        throw invalid(
            "kb: is followed by an article's slug (lower-case letters, digits, '-') or id");
      }
      return runbook;
    }
    URI uri;
    try {
      uri = new URI(runbook);
    } catch (URISyntaxException e) {
      throw invalid("not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw invalid("an absolute https:// or http:// URL, or kb:<article slug or id>");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw invalid("the URL names no host");
    }
    if (uri.getRawUserInfo() != null) {
      throw invalid("the URL must not carry credentials");
    }
    return runbook;
  }

  /** The reference, or null when it is not one {@link #check} accepts (from a foreign source). */
  public static String orNull(String value) {
    try {
      return check(value);
    } catch (CompiledRule.InvalidRule e) {
      return null;
    }
  }

  private static CompiledRule.InvalidRule invalid(String message) {
    return new CompiledRule.InvalidRule("runbook", message);
  }
}
