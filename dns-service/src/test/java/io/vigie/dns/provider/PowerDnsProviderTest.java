package io.vigie.dns.provider;

import io.vigie.dns.servers.PowerDnsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The provider contract against a real PowerDNS Authoritative and its HTTP API. */
class PowerDnsProviderTest extends ProviderContract {

  private PowerDnsServer server;

  @BeforeAll
  void start() throws Exception {
    server = PowerDnsServer.start(Files.createTempDirectory(Path.of("target"), "pdns"));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Override
  DnsProvider provider() {
    return new PowerDnsProvider("pdns-par", server.apiUrl(), server.apiKey, Duration.ofSeconds(5));
  }

  @Override
  DnsProvider providerWithWrongCredentials() {
    return new PowerDnsProvider("pdns-par", server.apiUrl(), "not-the-key", Duration.ofSeconds(5));
  }

  @Override
  int dnsPort() {
    return server.dnsPort;
  }

  @Override
  void changeBehindVigiesBack(String zone, String address) throws Exception {
    server.pdnsutil("replace-rrset", zone, "www", "A", "300", address);
  }
}
