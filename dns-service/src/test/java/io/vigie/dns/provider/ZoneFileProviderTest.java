package io.vigie.dns.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigie.dns.servers.Dig;
import io.vigie.dns.servers.NsdServer;
import io.vigie.dns.zone.RecordSetInput;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** The provider contract against a real NSD loading the zone files Vigie writes. */
class ZoneFileProviderTest extends ProviderContract {

  private NsdServer server;

  @BeforeAll
  void start() throws Exception {
    server =
        NsdServer.start(
            Files.createTempDirectory(Path.of("target"), "nsd"), List.of(ProviderContract.ZONES));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Override
  DnsProvider provider() {
    return new ZoneFileProvider(
        "nsd",
        server.zonesDir,
        server.reloadCommand(),
        new InetSocketAddress("127.0.0.1", server.port),
        Duration.ofSeconds(5));
  }

  @Override
  DnsProvider providerWithWrongCredentials() {
    // the control socket of a server that is not there: the reload is refused
    return new ZoneFileProvider(
        "nsd",
        server.zonesDir,
        List.of(
            "nsd-control", "-s", server.dir.resolve("no-such.sock").toString(), "reload", "{zone}"),
        new InetSocketAddress("127.0.0.1", server.port),
        Duration.ofSeconds(5));
  }

  @Override
  int dnsPort() {
    return server.port;
  }

  @Override
  void changeBehindVigiesBack(String zone, String address) throws Exception {
    Path file = server.zonesDir.resolve(zone + "zone");
    String text = Files.readString(file);
    String changed =
        text.lines()
            .map(
                line ->
                    line.startsWith("www." + zone + "\t") && line.contains("\tIN\tA\t")
                        ? line.substring(0, line.lastIndexOf('\t') + 1) + address
                        : line)
            .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    assertThat(changed).isNotEqualTo(text);
    Files.writeString(file, changed);
    server.control("reload", zone);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Dig.answer(server.port, "www." + zone, "A").equals(List.of(address)));
  }

  @Test
  void theFileIsAZoneFileTheServerLoadsWithVigiesSerialAndNoTemporaryLeftBehind() throws Exception {
    String zone = ZONES[1];
    Name origin = Name.fromString(zone);
    provider()
        .apply(
            origin,
            SOA.record(origin, 2026113005L),
            sets(zone, new RecordSetInput("www", "A", 300L, List.of("51.15.0.70"))));
    String text = Files.readString(server.zonesDir.resolve(zone + "zone"));
    assertThat(text).contains("2026113005").contains("51.15.0.70");
    assertThat(Dig.serial(server.port, zone)).isEqualTo(2026113005L);
    try (var files = Files.list(server.zonesDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .allMatch(n -> n.endsWith(".zone"), "only zone files");
    }
  }
}
