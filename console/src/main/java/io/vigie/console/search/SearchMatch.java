package io.vigie.console.search;

import io.vigie.console.api.ClientView;
import io.vigie.console.api.ServerView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How one search box reads what a person typed: a ticket reference ({@code INC-2026-000123}), an
 * address (IPv4 or IPv6, whole or a prefix), or words of a name. Plain Java, tested alone.
 */
final class SearchMatch {

  private static final Pattern REFERENCE =
      Pattern.compile("(?i)^(INC|REQ|CHG|PRB)-\\d{4}-\\d{1,9}$");
  private static final Pattern ADDRESS = Pattern.compile("^(?=.*[.:])[0-9a-fA-F.:]+$");

  private SearchMatch() {}

  /** The query as ticket-service writes references (upper case), or null when it is not one. */
  static String reference(String query) {
    String q = query.strip();
    return REFERENCE.matcher(q).matches() ? q.toUpperCase(Locale.ROOT) : null;
  }

  static boolean looksLikeAddress(String query) {
    return ADDRESS.matcher(query.strip()).matches() && query.strip().length() >= 3;
  }

  /** The servers with an address starting with the query (management, public or private). */
  static List<ServerView> byAddress(List<ServerView> servers, String query) {
    String q = query.strip().toLowerCase(Locale.ROOT);
    return servers.stream()
        .filter(s -> addresses(s).stream().anyMatch(a -> a.startsWith(q)))
        .toList();
  }

  /** The clients whose code or name contains the query, accents and case aside. */
  static List<ClientView> clients(List<ClientView> clients, String query) {
    String q = fold(query.strip());
    return clients.stream()
        .filter(c -> fold(c.code()).contains(q) || fold(c.name()).contains(q))
        .toList();
  }

  static String fold(String text) {
    if (text == null) {
      return "";
    }
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }

  private static List<String> addresses(ServerView server) {
    List<String> all = new ArrayList<>();
    if (server.managementIp() != null) {
      all.add(server.managementIp().toLowerCase(Locale.ROOT));
    }
    if (server.publicIps() != null) {
      server.publicIps().forEach(a -> all.add(a.toLowerCase(Locale.ROOT)));
    }
    if (server.privateIps() != null) {
      server.privateIps().forEach(a -> all.add(a.toLowerCase(Locale.ROOT)));
    }
    return all;
  }
}
