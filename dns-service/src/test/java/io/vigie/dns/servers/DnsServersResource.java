package io.vigie.dns.servers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authoritative servers dns-service drives in its Quarkus tests: a real PowerDNS ({@code pdns},
 * the default provider), a real BIND 9 ({@code bind}, serving {@link #BIND_ZONES}), a real Knot DNS
 * ({@code knot}, {@link #KNOT_ZONES}), a real NSD ({@code nsd}, {@link #NSD_ZONES}), plus a
 * provider {@code down} whose server is not running.
 */
public class DnsServersResource implements QuarkusTestResourceLifecycleManager {

  /** Zones BIND is configured to serve (RFC 2136 cannot create zones). */
  public static final String[] BIND_ZONES = {
    "saint-roch-demo.fr.",
    "both.lumiere-demo.com.",
    "drift.lumiere-demo.com.",
    "partial.lumiere-demo.com.",
    "drp.lumiere-demo.com.",
    "rrset.lumiere-demo.com.",
    "gone.lumiere-demo.com."
  };

  /** Zones Knot DNS is configured to serve (RFC 2136 and TSIG, as BIND). */
  public static final String[] KNOT_ZONES = {"drp.lumiere-demo.com.", "knot.lumiere-demo.com."};

  /** Zones NSD is configured to load from the files the zone-file provider {@code nsd} writes. */
  public static final String[] NSD_ZONES = {"files.lumiere-demo.com."};

  private static PowerDnsServer pdns;
  private static BindServer bind;
  private static NsdServer nsd;
  private static KnotServer knot;

  public static KnotServer knot() {
    return knot;
  }

  public static NsdServer nsd() {
    return nsd;
  }

  public static PowerDnsServer pdns() {
    return pdns;
  }

  public static BindServer bind() {
    return bind;
  }

  @Override
  public Map<String, String> start() {
    try {
      Path target = Path.of("target").toAbsolutePath();
      pdns = PowerDnsServer.start(Files.createTempDirectory(target, "pdns"));
      Map<String, String> zones = new LinkedHashMap<>();
      for (String zone : BIND_ZONES) {
        zones.put(zone, BindServer.emptyZone(zone));
      }
      bind = BindServer.start(Files.createTempDirectory(target, "bind"), zones);
      Map<String, String> knotZones = new LinkedHashMap<>();
      for (String zone : KNOT_ZONES) {
        knotZones.put(zone, BindServer.emptyZone(zone));
      }
      knot = KnotServer.start(Files.createTempDirectory(target, "knot"), knotZones);
      nsd = NsdServer.start(Files.createTempDirectory(target, "nsd"), List.of(NSD_ZONES));
      int closed = LocalProcess.freePort();
      Map<String, String> config = new LinkedHashMap<>();
      config.put("vigie.dns.providers.pdns.kind", "powerdns");
      config.put("vigie.dns.providers.pdns.url", pdns.apiUrl().toString());
      config.put("vigie.dns.providers.pdns.api-key", pdns.apiKey);
      config.put("vigie.dns.providers.pdns.port", Integer.toString(pdns.dnsPort));
      config.put("vigie.dns.providers.bind.kind", "rfc2136");
      config.put("vigie.dns.providers.bind.host", "127.0.0.1");
      config.put("vigie.dns.providers.bind.port", Integer.toString(bind.port));
      config.put("vigie.dns.providers.bind.tsig-key-name", BindServer.KEY_NAME);
      config.put("vigie.dns.providers.bind.tsig-algorithm", BindServer.ALGORITHM);
      config.put("vigie.dns.providers.bind.tsig-secret", bind.secret);
      config.put("vigie.dns.providers.knot.kind", "rfc2136");
      config.put("vigie.dns.providers.knot.host", "127.0.0.1");
      config.put("vigie.dns.providers.knot.port", Integer.toString(knot.port));
      config.put("vigie.dns.providers.knot.tsig-key-name", KnotServer.KEY_NAME);
      config.put("vigie.dns.providers.knot.tsig-algorithm", KnotServer.ALGORITHM);
      config.put("vigie.dns.providers.knot.tsig-secret", knot.secret);
      config.put("vigie.dns.providers.nsd.kind", "zonefile");
      config.put("vigie.dns.providers.nsd.directory", nsd.zonesDir.toString());
      config.put("vigie.dns.providers.nsd.reload-command", String.join(" ", nsd.reloadCommand()));
      config.put("vigie.dns.providers.nsd.host", "127.0.0.1");
      config.put("vigie.dns.providers.nsd.port", Integer.toString(nsd.port));
      config.put("vigie.dns.providers.down.kind", "powerdns");
      config.put(
          "vigie.dns.providers.down.url",
          "http://127.0.0.1:" + closed + "/api/v1/servers/localhost");
      config.put("vigie.dns.providers.down.api-key", "unused");
      config.put("vigie.dns.providers.down.port", Integer.toString(closed));
      config.put("vigie.dns.providers.down.timeout", "1s");
      config.put("vigie.dns.default-providers", "pdns");
      return config;
    } catch (Exception e) {
      throw new IllegalStateException(
          "Could not start PowerDNS, BIND, Knot and NSD for the tests", e);
    }
  }

  @Override
  public void stop() {
    if (pdns != null) {
      pdns.close();
    }
    if (bind != null) {
      bind.close();
    }
    if (nsd != null) {
      nsd.close();
    }
    if (knot != null) {
      knot.close();
    }
  }
}
