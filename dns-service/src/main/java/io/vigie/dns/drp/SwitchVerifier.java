package io.vigie.dns.drp;

import io.vigie.dns.DnsConfig;
import io.vigie.dns.provider.Providers;
import io.vigie.dns.zone.ZoneRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks every provider's server, over DNS as a resolver would, whether it answers a switch's new
 * addresses: the proof a DRP switch is done, never Vigie's own database. Blocking: run it off the
 * event loop.
 */
@ApplicationScoped
public class SwitchVerifier {

  private final Providers providers;
  private final Duration timeout;

  public SwitchVerifier(Providers providers, DnsConfig config) {
    this.providers = providers;
    this.timeout = config.drp().queryTimeout();
  }

  /** What the servers answered: the providers that answered every target, and what differs. */
  public record Verification(List<String> verifiedProviders, List<String> mismatches) {
    public boolean done() {
      return mismatches.isEmpty();
    }
  }

  public Verification verify(List<DnsSwitch.Target> targets) {
    Set<String> all = new LinkedHashSet<>();
    targets.forEach(t -> all.addAll(t.providers()));
    Set<String> failed = new LinkedHashSet<>();
    List<String> mismatches = new ArrayList<>();
    for (DnsSwitch.Target target : targets) {
      List<String> expected = target.records().stream().sorted().toList();
      for (String provider : target.providers()) {
        String what = provider + " for " + target.name() + " " + target.type();
        try {
          List<String> answer = ask(providers.dnsAddress(provider), target.name(), target.type());
          if (!answer.equals(expected)) {
            failed.add(provider);
            mismatches.add(what + " answers " + answer + ", not " + expected);
          }
        } catch (IOException | RuntimeException e) {
          failed.add(provider);
          mismatches.add(what + " did not answer: " + e.getMessage());
        }
      }
    }
    return new Verification(all.stream().filter(p -> !failed.contains(p)).toList(), mismatches);
  }

  private List<String> ask(InetSocketAddress server, String name, String type) throws IOException {
    SimpleResolver resolver =
        new SimpleResolver(new InetSocketAddress(server.getHostString(), server.getPort()));
    resolver.setTimeout(timeout);
    Message query;
    try {
      query =
          Message.newQuery(Record.newRecord(Name.fromString(name), Type.value(type), DClass.IN));
    } catch (TextParseException e) {
      throw new IOException("stored name " + name + " is not a name", e);
    }
    Message response = resolver.send(query);
    if (response.getRcode() != Rcode.NOERROR && response.getRcode() != Rcode.NXDOMAIN) {
      throw new IOException("answered " + Rcode.string(response.getRcode()));
    }
    return response.getSection(Section.ANSWER).stream()
        .filter(r -> r.getType() == Type.value(type))
        .map(ZoneRules::canonical)
        .sorted()
        .toList();
  }
}
