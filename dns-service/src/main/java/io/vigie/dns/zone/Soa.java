package io.vigie.dns.zone;

import java.time.Duration;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TextParseException;

/**
 * The hoster's SOA settings every zone shares; only the serial differs per zone.
 *
 * @param primary the primary name server ({@code ns1.hoster.net.})
 * @param hostmaster the responsible mailbox as a name ({@code hostmaster.hoster.net.})
 */
public record Soa(
    String primary,
    String hostmaster,
    long ttl,
    Duration refresh,
    Duration retry,
    Duration expire,
    Duration negativeTtl) {

  public SOARecord record(Name zone, long serial) {
    try {
      return new SOARecord(
          zone,
          DClass.IN,
          ttl,
          Name.fromString(primary, Name.root),
          Name.fromString(hostmaster, Name.root),
          serial,
          refresh.toSeconds(),
          retry.toSeconds(),
          expire.toSeconds(),
          negativeTtl.toSeconds());
    } catch (TextParseException e) {
      throw new IllegalArgumentException("SOA names are not domain names: " + e.getMessage(), e);
    }
  }

  /** The hoster defaults for tests and a fresh installation. */
  public static Soa of(String primary, String hostmaster) {
    return new Soa(
        primary,
        hostmaster,
        3600,
        Duration.ofHours(1),
        Duration.ofMinutes(10),
        Duration.ofDays(14),
        Duration.ofMinutes(5));
  }
}
