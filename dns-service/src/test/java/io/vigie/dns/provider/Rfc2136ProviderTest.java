package io.vigie.dns.provider;

import io.vigie.dns.servers.BindServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The provider contract against a real BIND 9 taking TSIG-signed RFC 2136 updates. */
class Rfc2136ProviderTest extends ProviderContract {

  private BindServer server;

  @BeforeAll
  void start() throws Exception {
    Map<String, String> zones = new LinkedHashMap<>();
    for (String zone : ZONES) {
      zones.put(zone, BindServer.emptyZone(zone));
    }
    server = BindServer.start(Files.createTempDirectory(Path.of("target"), "bind"), zones);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Override
  DnsProvider provider() {
    return new Rfc2136Provider(
        "bind-hidden",
        new InetSocketAddress("127.0.0.1", server.port),
        Rfc2136Provider.key(BindServer.ALGORITHM, BindServer.KEY_NAME, server.secret),
        Duration.ofSeconds(5));
  }

  @Override
  DnsProvider providerWithWrongCredentials() {
    byte[] other = new byte[32];
    return new Rfc2136Provider(
        "bind-hidden",
        new InetSocketAddress("127.0.0.1", server.port),
        Rfc2136Provider.key(
            BindServer.ALGORITHM, BindServer.KEY_NAME, Base64.getEncoder().encodeToString(other)),
        Duration.ofSeconds(5));
  }

  @Override
  int dnsPort() {
    return server.port;
  }

  @Override
  void changeBehindVigiesBack(String zone, String address) throws Exception {
    server.nsupdate(
        zone, "update delete www." + zone + " A", "update add www." + zone + " 300 A " + address);
  }
}
