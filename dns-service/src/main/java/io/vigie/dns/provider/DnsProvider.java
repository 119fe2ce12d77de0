package io.vigie.dns.provider;

import io.vigie.dns.zone.Plan;
import io.vigie.dns.zone.RecordSet;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;

/**
 * An authoritative server Vigie drives. Calls block (network I/O): run them off the event loop.
 *
 * <p>{@link #apply} reads what the server serves, plans the difference with the desired record sets
 * and sends only that, with Vigie's SOA serial; applying the same zone twice sends nothing the
 * second time. A failure throws {@link ProviderException} and the caller keeps the zone out of sync
 * with that provider.
 */
public interface DnsProvider {

  /** The configuration key naming this server ({@code pdns-par}, {@code bind-hidden}). */
  String name();

  /** What the server serves for {@code zone} now; {@code null} when it does not know the zone. */
  ServedZone read(Name zone) throws ProviderException;

  /** Brings the server to {@code desired} with {@code soa}'s serial; returns what it changed. */
  Plan apply(Name zone, SOARecord soa, List<RecordSet> desired) throws ProviderException;

  /**
   * Stops serving {@code zone}'s records (the zone was deleted in Vigie): PowerDNS deletes the
   * zone; a server driven by RFC 2136 keeps only the apex SOA and NS, which an UPDATE cannot remove
   * (the zone is configured on the server; its operator unconfigures it). Removing a zone the
   * server does not serve changes nothing. Returns what it removed.
   */
  Plan remove(Name zone, SOARecord soa) throws ProviderException;

  /** A zone as one server serves it: its SOA serial and its record sets other than the SOA. */
  record ServedZone(long serial, List<RecordSet> recordSets) {}
}
