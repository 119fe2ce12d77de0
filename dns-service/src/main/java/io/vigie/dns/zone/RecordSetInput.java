package io.vigie.dns.zone;

import java.util.List;

/**
 * An RRset as a person writes it: the owner relative to the zone ({@code www}, {@code @} for the
 * apex) or absolute ({@code www.example.fr.}); the TTL may be left out for the zone's default; a
 * TXT record that is not quoted is one text, split into 255-byte strings.
 *
 * @param failoverGroup tags an A or AAAA record set as part of the client's DRP: a DNS switch
 *     points it at the recovery addresses and back ({@code web}, {@code mail}); null when not
 */
public record RecordSetInput(
    String name, String type, Long ttl, List<String> records, String failoverGroup) {

  public RecordSetInput(String name, String type, Long ttl, List<String> records) {
    this(name, type, ttl, records, null);
  }
}
