package io.vigie.console.server;

import io.vigie.console.api.RecordSet;
import io.vigie.console.api.ZoneView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The DNS records that point to a server: the A and AAAA records (of every zone read) whose address
 * is one of the server's, and the CNAME, MX, SRV... naming its host name. Plain Java, tested alone.
 */
public final class DnsPointers {

  /** A record set of a zone pointing to the server, with the zone's name. */
  public record Pointer(String zone, RecordSet recordSet) {}

  private DnsPointers() {}

  static List<Pointer> to(
      Collection<ZoneView> zones, Collection<String> addresses, String hostname) {
    Set<String> wanted =
        addresses.stream()
            .filter(a -> a != null && !a.isBlank())
            .map(a -> a.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    String host =
        hostname == null ? null : hostname.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
    List<Pointer> found = new ArrayList<>();
    for (ZoneView zone : zones) {
      if (zone.recordSets() == null) {
        continue;
      }
      for (RecordSet set : zone.recordSets()) {
        if (set.records() != null
            && set.records().stream().anyMatch(r -> points(r, set.type(), wanted, host))) {
          found.add(new Pointer(zone.name(), set));
        }
      }
    }
    return found;
  }

  private static boolean points(String record, String type, Set<String> addresses, String host) {
    String value = record.trim().toLowerCase(Locale.ROOT);
    if ("A".equalsIgnoreCase(type) || "AAAA".equalsIgnoreCase(type)) {
      return addresses.contains(value);
    }
    if (host == null) {
      return false;
    }
    // the last word of a CNAME, MX, SRV or NS record is the name it points to
    String[] words = value.split("\\s+");
    return words[words.length - 1].replaceAll("\\.$", "").equals(host);
  }
}
