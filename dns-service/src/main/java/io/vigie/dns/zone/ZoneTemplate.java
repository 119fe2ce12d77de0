package io.vigie.dns.zone;

import java.util.List;
import java.util.Locale;

/**
 * The record sets a new client domain starts with: the hoster's name servers, mail exchangers and
 * SPF. Names and data may say {@code {zone}} for the new zone's name without the trailing dot (e.g.
 * {@code "v=spf1 include:_spf.{zone} ~all"}).
 */
public record ZoneTemplate(String name, List<RecordSetInput> recordSets) {

  public ZoneTemplate {
    recordSets = List.copyOf(recordSets);
  }

  /** The template's record sets for {@code zone} (absolute, with its trailing dot). */
  public List<RecordSetInput> instantiate(String zone) {
    String bare = zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone;
    String lower = bare.toLowerCase(Locale.ROOT);
    return recordSets.stream()
        .map(
            r ->
                new RecordSetInput(
                    r.name().replace("{zone}", lower),
                    r.type(),
                    r.ttl(),
                    r.records().stream().map(d -> d.replace("{zone}", lower)).toList()))
        .toList();
  }

  /**
   * Merges {@code own} over the template: a record set the client gives replaces the template's one
   * with the same name and type.
   */
  public static List<RecordSetInput> merge(
      List<RecordSetInput> template, List<RecordSetInput> own) {
    List<RecordSetInput> out = new java.util.ArrayList<>(own);
    for (RecordSetInput t : template) {
      boolean overridden =
          own.stream()
              .anyMatch(
                  o ->
                      o != null
                          && o.name() != null
                          && o.type() != null
                          && o.name().equalsIgnoreCase(t.name())
                          && o.type().equalsIgnoreCase(t.type()));
      if (!overridden) {
        out.add(t);
      }
    }
    return out;
  }
}
