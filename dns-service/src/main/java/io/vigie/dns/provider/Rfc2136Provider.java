package io.vigie.dns.provider;

import io.vigie.dns.zone.Plan;
import io.vigie.dns.zone.RecordSet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/**
 * A server that takes RFC 2136 dynamic updates signed with TSIG (BIND 9, Knot). The zone must
 * already be configured on the server with {@code allow-update} and {@code allow-transfer} for the
 * key; Vigie reads it by AXFR and sends one UPDATE per batch of RRset changes, the SOA with Vigie's
 * serial in the last one. The server signs its answers; an unsigned or badly signed answer is
 * refused.
 */
public final class Rfc2136Provider implements DnsProvider {

  private static final int CHANGES_PER_UPDATE = 200;

  private final String name;
  private final InetSocketAddress server;
  private final TSIG key;
  private final Duration timeout;

  public Rfc2136Provider(String name, InetSocketAddress server, TSIG key, Duration timeout) {
    this.name = name;
    this.server = server;
    this.key = key;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return name;
  }

  /** Every record of {@code zone} by AXFR, the SOA first. */
  public List<Record> transfer(Name zone) throws ProviderException {
    ZoneTransferIn axfr = ZoneTransferIn.newAXFR(zone, server, key);
    axfr.setTimeout(timeout);
    try {
      axfr.run();
      return axfr.getAXFR();
    } catch (ZoneTransferException e) {
      throw new ProviderException(
          name + " refused the zone transfer of " + zone + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ProviderException(name + " cannot be reached for " + zone + ": " + e, e);
    }
  }

  @Override
  public ServedZone read(Name zone) throws ProviderException {
    List<Record> records = transfer(zone);
    long serial =
        records.stream()
            .filter(SOARecord.class::isInstance)
            .map(r -> ((SOARecord) r).getSerial())
            .findFirst()
            .orElseThrow(() -> new ProviderException(name + " sent " + zone + " without an SOA"));
    return new ServedZone(serial, RecordSets.of(records));
  }

  @Override
  public Plan apply(Name zone, SOARecord soa, List<RecordSet> desired) throws ProviderException {
    ServedZone served = read(zone);
    Plan plan = Plan.between(desired, served.recordSets());
    if (plan.isEmpty() && served.serial() == soa.getSerial()) {
      return plan;
    }
    List<Plan.Change> changes = plan.changes();
    int batches = Math.max(1, (changes.size() + CHANGES_PER_UPDATE - 1) / CHANGES_PER_UPDATE);
    for (int b = 0; b < batches; b++) {
      Update update = new Update(zone);
      List<Plan.Change> batch =
          changes.subList(
              b * CHANGES_PER_UPDATE, Math.min(changes.size(), (b + 1) * CHANGES_PER_UPDATE));
      for (Plan.Change change : batch) {
        Name owner = name(change.key().name());
        int type = Type.value(change.key().type());
        if (change.action() != Plan.Action.ADD) {
          update.delete(owner, type);
        }
        if (change.after() != null) {
          for (String data : change.after().records()) {
            update.add(record(owner, type, change.after().ttl(), data, zone));
          }
        }
      }
      if (b == batches - 1) {
        // an SOA add with a larger serial replaces the SOA (RFC 2136 3.4.2.2)
        update.add(soa);
      }
      send(update, zone);
    }
    return plan;
  }

  @Override
  public Plan remove(Name zone, SOARecord soa) throws ProviderException {
    ServedZone served = read(zone);
    List<RecordSet> apexNs =
        served.recordSets().stream()
            .filter(s -> s.type().equals("NS") && s.name().equals(zone.toString()))
            .toList();
    return apply(zone, soa, apexNs);
  }

  private void send(Update update, Name zone) throws ProviderException {
    SimpleResolver resolver = new SimpleResolver(server);
    resolver.setTCP(true);
    resolver.setTSIGKey(key);
    resolver.setTimeout(timeout);
    Message response;
    try {
      response = resolver.send(update);
    } catch (IOException e) {
      throw new ProviderException(name + " cannot be reached for " + zone + ": " + e, e);
    }
    if (!response.isVerified()) {
      throw new ProviderException(
          name + " answered the update of " + zone + " without a valid TSIG");
    }
    int rcode = response.getRcode();
    if (rcode != Rcode.NOERROR) {
      throw new ProviderException(
          name + " refused the update of " + zone + ": " + Rcode.string(rcode));
    }
  }

  private Name name(String text) throws ProviderException {
    try {
      return Name.fromString(text);
    } catch (IOException e) {
      throw new ProviderException("not a domain name: " + text, e);
    }
  }

  private Record record(Name owner, int type, long ttl, String data, Name zone)
      throws ProviderException {
    try {
      return Record.fromString(owner, type, DClass.IN, ttl, data, zone);
    } catch (IOException e) {
      throw new ProviderException("record data " + data + " cannot be sent: " + e.getMessage(), e);
    }
  }

  /** A key as {@code tsig-keygen} prints it: algorithm name, key name, base64 secret. */
  public static TSIG key(String algorithm, String keyName, String secret) {
    return new TSIG(TSIG.algorithmToName(algorithm), keyName, secret);
  }
}
