package io.vigie.dns.provider;

import io.vigie.dns.DnsConfig;
import io.vigie.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The configured authoritative servers, by name. */
@ApplicationScoped
public class Providers {

  private final Map<String, DnsProvider> byName = new TreeMap<>();
  private final Map<String, InetSocketAddress> dnsAddresses = new TreeMap<>();

  public Providers(DnsConfig config) {
    config
        .providers()
        .forEach(
            (name, p) -> {
              byName.put(name, build(name, p));
              dnsAddresses.put(name, dnsAddress(p));
            });
  }

  /**
   * Where the server answers DNS queries: {@code host}/{@code port}; for PowerDNS the host defaults
   * to the API's.
   */
  private static InetSocketAddress dnsAddress(DnsConfig.Provider p) {
    String host = p.host().orElseGet(() -> p.url().map(java.net.URI::getHost).orElse("127.0.0.1"));
    return InetSocketAddress.createUnresolved(host, p.port());
  }

  /** The address {@code name}'s server answers DNS queries on (what a DRP switch verifies). */
  public InetSocketAddress dnsAddress(String name) {
    InetSocketAddress address = dnsAddresses.get(name);
    if (address == null) {
      throw new IllegalStateException("No provider " + name + " is configured");
    }
    return address;
  }

  private static DnsProvider build(String name, DnsConfig.Provider p) {
    String where = "vigie.dns.providers." + name;
    return switch (p.kind()) {
      case "powerdns" ->
          new PowerDnsProvider(
              name,
              p.url().orElseThrow(() -> new IllegalStateException(where + ".url is required")),
              p.apiKey()
                  .orElseThrow(() -> new IllegalStateException(where + ".api-key is required")),
              p.timeout());
      case "rfc2136" ->
          new Rfc2136Provider(
              name,
              new InetSocketAddress(
                  p.host()
                      .orElseThrow(() -> new IllegalStateException(where + ".host is required")),
                  p.port()),
              Rfc2136Provider.key(
                  p.tsigAlgorithm(),
                  p.tsigKeyName()
                      .orElseThrow(
                          () -> new IllegalStateException(where + ".tsig-key-name is required")),
                  p.tsigSecret()
                      .orElseThrow(
                          () -> new IllegalStateException(where + ".tsig-secret is required"))),
              p.timeout());
      case "zonefile" ->
          new ZoneFileProvider(
              name,
              p.directory()
                  .orElseThrow(() -> new IllegalStateException(where + ".directory is required")),
              p.reloadCommand().map(c -> List.of(c.strip().split("\\s+"))).orElse(List.of()),
              p.host().map(h -> InetSocketAddress.createUnresolved(h, p.port())).orElse(null),
              p.timeout());
      default ->
          throw new IllegalStateException(
              where + ".kind must be powerdns, rfc2136 or zonefile, not " + p.kind());
    };
  }

  public DnsProvider get(String name) {
    DnsProvider provider = byName.get(name);
    if (provider == null) {
      throw new IllegalStateException("No provider " + name + " is configured");
    }
    return provider;
  }

  /** Checks names a request gives; unknown ones are refused naming {@code field}. */
  public List<String> known(String field, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      if (!byName.containsKey(names.get(i))) {
        throw ProblemException.invalidField(
            field + "[" + i + "]", "must be one of " + List.copyOf(byName.keySet()));
      }
    }
    return names.stream().distinct().sorted().toList();
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }
}
