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

  /** Scheduled drift detection. */
  Drift drift();

  interface Drift {
    /**
     * How often each zone's providers are read back and compared; a zone is due this long after its
     * last check (or its creation).
     */
    @WithDefault("1h")
    Duration interval();

    /** How often the schedule looks for due zones (each checked one after the other). */
    @WithDefault("30s")
    Duration tick();

    /** The most zones checked per tick. */
    @WithDefault("100")
    int batch();
  }

  /** DRP switch-over (io.vigie.dns.drp). */
  Drp drp();

  interface Drp {
    /** The TTL a client's failover record sets are lowered to when its DRP is activated. */
    @WithDefault("60")
    long switchTtl();

    /** How long every provider's server has to answer the new addresses before the switch fails. */
    @WithDefault("5m")
    Duration verifyTimeout();

    /** How often switches not yet verified are checked again (queries to every server). */
    @WithDefault("5s")
    Duration checkInterval();

    /** Each verification query's timeout. */
    @WithDefault("2s")
    Duration queryTimeout();
  }

  interface Provider {
    /**
     * {@code powerdns} (HTTP API), {@code rfc2136} (dynamic update with TSIG) or {@code zonefile}
     * (RFC 1035 files and a reload command, for NSD or a hidden primary).
     */
    String kind();

    /** PowerDNS: the API base, {@code http://host:8081/api/v1/servers/localhost}. */
    Optional<URI> url();

    /** PowerDNS: the {@code X-API-Key}. */
    Optional<String> apiKey();

    /**
     * The server's DNS address: RFC 2136 updates go there; every kind is queried there to verify a
     * DRP switch (PowerDNS: defaults to the API's host).
     */
    Optional<String> host();

    /** The server's DNS port. */
    @WithDefault("53")
    int port();

    /** RFC 2136: the TSIG key's name, algorithm and base64 secret. */
    Optional<String> tsigKeyName();

    @WithDefault("hmac-sha256")
    String tsigAlgorithm();

    Optional<String> tsigSecret();

    @WithDefault("5s")
    Duration timeout();

    /** Zone files: the directory the server loads them from. */
    Optional<java.nio.file.Path> directory();

    /**
     * Zone files: the command that has the server load a zone, split on spaces, {@code {zone}} and
     * {@code {file}} replaced ({@code nsd-control -c /etc/nsd/nsd.conf reload {zone}}); none to
     * only write the files.
     */
    Optional<String> reloadCommand();
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
