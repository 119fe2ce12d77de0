package io.vigie.dns.provider;

import io.vigie.dns.servers.BindServer;
import io.vigie.dns.servers.KnotServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The provider contract against a real Knot DNS taking TSIG-signed RFC 2136 updates (the same
 * provider as BIND 9).
 */
class KnotRfc2136ProviderTest extends ProviderContract {

  private KnotServer server;

  @BeforeAll
  void start() throws Exception {
    Map<String, String> zones = new LinkedHashMap<>();
    for (String zone : ZONES) {
      zones.put(zone, BindServer.emptyZone(zone));
    }
    server = KnotServer.start(Files.createTempDirectory(Path.of("target"), "knot"), zones);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Override
  DnsProvider provider() {
    return new Rfc2136Provider(
        "knot",
        new InetSocketAddress("127.0.0.1", server.port),
        Rfc2136Provider.key(KnotServer.ALGORITHM, KnotServer.KEY_NAME, server.secret),
        Duration.ofSeconds(5));
  }

  @Override
  DnsProvider providerWithWrongCredentials() {
    byte[] other = new byte[32];
    return new Rfc2136Provider(
        "knot",
        new InetSocketAddress("127.0.0.1", server.port),
        Rfc2136Provider.key(
            KnotServer.ALGORITHM, KnotServer.KEY_NAME, Base64.getEncoder().encodeToString(other)),
        Duration.ofSeconds(5));
  }

  @Override
  int dnsPort() {
    return server.port;
  }

  @Override
  void changeBehindVigiesBack(String zone, String address) throws Exception {
    // knotc: a zone transaction on Knot's control socket, as an operator would
    server.knotc(
        zone,
        List.of(
            List.of("zone-unset", "www", "A"), List.of("zone-set", "www", "300", "A", address)));
  }
}
