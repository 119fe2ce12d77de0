package io.vigie.dns.drp;

import io.vigie.dns.zone.RecordSet;
import io.vigie.events.backup.DrpDirection;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Address;

/**
 * What a DRP does to a client's failover record sets, as plain data: lower their TTL before the
 * switch, then point every A set at the IPv4 and every AAAA set at the IPv6 addresses given, and on
 * the return to production give them back the TTL they had. A switch that would leave a set with no
 * address of its family is refused as a whole: a person decides, nothing is half switched.
 */
public final class FailoverSwitch {

  private FailoverSwitch() {}

  /** A failover record set as stored: served data, its group and the TTL before a DRP. */
  public record FailoverSet(RecordSet set, String group, Long productionTtl) {}

  /** The switch cannot be made as asked; the reason names the record set or address. */
  public static final class Refused extends Exception {
    public Refused(String reason) {
      super(reason);
    }
  }

  /** {@code sets} with their TTL at most {@code ttl}; those already lower are kept. */
  public static List<RecordSet> lowered(List<FailoverSet> sets, long ttl) {
    return sets.stream()
        .map(f -> f.set())
        .map(s -> s.ttl() <= ttl ? s : new RecordSet(s.name(), s.type(), ttl, s.records()))
        .toList();
  }

  /**
   * The record sets pointing at {@code addresses}: A sets at the IPv4 ones, AAAA sets at the IPv6
   * ones; on the return to production each gets its production TTL back.
   *
   * @throws Refused when an address is not one, none is given, or a set's family has none
   */
  public static List<RecordSet> switched(
      List<FailoverSet> sets, List<String> addresses, DrpDirection direction) throws Refused {
    if (addresses == null || addresses.isEmpty()) {
      throw new Refused("the DNS switch step gives no address to switch to");
    }
    List<String> v4 = new ArrayList<>();
    List<String> v6 = new ArrayList<>();
    for (String address : addresses) {
      String text = address == null ? "" : address.strip();
      if (Address.isDottedQuad(text)) {
        v4.add(text);
      } else if (text.contains(":") && Address.toByteArray(text, Address.IPv6) != null) {
        v6.add(text);
      } else {
        throw new Refused("'" + address + "' is not an IPv4 or IPv6 address");
      }
    }
    List<RecordSet> out = new ArrayList<>();
    for (FailoverSet f : sets) {
      RecordSet s = f.set();
      List<String> family =
          switch (s.type()) {
            case "A" -> v4;
            case "AAAA" -> v6;
            default ->
                throw new Refused(
                    s.key() + " is tagged for failover but only A and AAAA sets are switched");
          };
      if (family.isEmpty()) {
        throw new Refused(
            s.key()
                + " needs an "
                + (s.type().equals("A") ? "IPv4" : "IPv6")
                + " address, and the switch gives only "
                + addresses);
      }
      long ttl =
          direction == DrpDirection.RETURN_TO_PRODUCTION && f.productionTtl() != null
              ? f.productionTtl()
              : s.ttl();
      out.add(new RecordSet(s.name(), s.type(), ttl, family));
    }
    return out;
  }
}
