package io.vigie.dns.servers;

import io.vigie.dns.zone.ZoneRules;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** Asks a server over DNS, as a resolver would: what the world sees, not Vigie's database. */
public final class Dig {

  private Dig() {}

  /** The sorted record data {@code server} answers for {@code name}/{@code type}; empty if none. */
  public static List<String> answer(int port, String name, String type) throws IOException {
    SimpleResolver resolver = new SimpleResolver("127.0.0.1");
    resolver.setPort(port);
    resolver.setTimeout(Duration.ofSeconds(3));
    resolver.setTCP(true);
    Message query =
        Message.newQuery(Record.newRecord(Name.fromString(name), Type.value(type), DClass.IN));
    Message response = send(resolver, query);
    if (response.getRcode() != Rcode.NOERROR && response.getRcode() != Rcode.NXDOMAIN) {
      throw new IOException("server answered " + Rcode.string(response.getRcode()));
    }
    return response.getSection(Section.ANSWER).stream()
        .filter(r -> r.getType() == Type.value(type))
        .map(ZoneRules::canonical)
        .sorted()
        .toList();
  }

  /** The TTL of the answer, for checks that a TTL was applied. */
  public static long ttl(int port, String name, String type) throws IOException {
    SimpleResolver resolver = new SimpleResolver("127.0.0.1");
    resolver.setPort(port);
    resolver.setTCP(true);
    Message response =
        send(
            resolver,
            Message.newQuery(Record.newRecord(Name.fromString(name), Type.value(type), DClass.IN)));
    return response.getSection(Section.ANSWER).stream().mapToLong(Record::getTTL).min().orElse(-1);
  }

  /**
   * Sends over TCP, asking again (up to three times) when the server reset the connection dnsjava
   * kept open (NSD replaces its server processes on every reload).
   */
  private static Message send(SimpleResolver resolver, Message query) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return resolver.send(query);
      } catch (java.net.SocketException | java.nio.channels.ClosedChannelException reset) {
        if (attempt == 3) {
          throw reset;
        }
      }
    }
  }

  /** The SOA serial the server answers for {@code zone}. */
  public static long serial(int port, String zone) throws IOException {
    String soa = answer(port, zone, "SOA").get(0);
    return Long.parseLong(Arrays.asList(soa.split(" ")).get(2));
  }
}
