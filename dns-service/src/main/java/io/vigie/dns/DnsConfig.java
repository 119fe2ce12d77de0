package io.vigie.dns;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** dns-service settings; production values (API keys, TSIG secrets) come from the environment. */
@ConfigMapping(prefix = "vigie.dns")
public interface DnsConfig {

  /** The authoritative servers Vigie drives, by name ({@code pdns-par}, {@code bind-hidden}). */
  Map<String, Provider> providers();

  /** Providers a new zone is bound to when its request names none. */
  Optional<List<String>> defaultProviders();

  /** The hoster's SOA names every zone shares. */
  Soa soa();

  Ttl ttl();

  /** The most RRsets a client keeps in one zone (staff are not bound). */
  @WithDefault("200")
  int recordQuota();

  /** How often zones left out of sync with a provider are applied again. */
  @WithDefault("30s")
  Duration retryInterval();

  /** What a new client domain starts with. */
  Template template();

  interface Provider {
    /** {@code powerdns} (HTTP API) or {@code rfc2136} (dynamic update with TSIG). */
    String kind();

    /** PowerDNS: the API base, {@code http://host:8081/api/v1/servers/localhost}. */
    Optional<URI> url();

    /** PowerDNS: the {@code X-API-Key}. */
    Optional<String> apiKey();

    /** RFC 2136: the server's address. */
    Optional<String> host();

    /** RFC 2136: the server's DNS port. */
    @WithDefault("53")
    int port();

    /** RFC 2136: the TSIG key's name, algorithm and base64 secret. */
    Optional<String> tsigKeyName();

    @WithDefault("hmac-sha256")
    String tsigAlgorithm();

    Optional<String> tsigSecret();

    @WithDefault("5s")
    Duration timeout();
  }

  interface Soa {
    String primary();

    String hostmaster();
  }

  interface Ttl {
    @WithDefault("60")
    long min();

    @WithDefault("604800")
    long max();

    @WithDefault("3600")
    long defaultTtl();
  }

  interface Template {
    /** NS of the apex, e.g. {@code ns1.hoster.net.,ns2.hoster.net.} */
    Optional<List<String>> nameServers();

    /** MX of the apex, e.g. {@code 10 mx1.hoster.net.} */
    Optional<List<String>> mailExchangers();

    /** The apex SPF text, e.g. {@code v=spf1 include:_spf.hoster.net ~all} */
    Optional<String> spf();
  }
}
