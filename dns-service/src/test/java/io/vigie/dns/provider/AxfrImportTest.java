package io.vigie.dns.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.dns.servers.BindServer;
import io.vigie.dns.zone.DnsNames;
import io.vigie.dns.zone.Soa;
import io.vigie.dns.zone.ZoneFiles;
import io.vigie.dns.zone.ZoneRules;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** How a hoster moves in: the zone BIND serves today, taken by AXFR, exported and read again. */
class AxfrImportTest {

  private static final String ZONE = "saint-roch-demo.fr.";
  private static final String SERVED =
      """
      $ORIGIN saint-roch-demo.fr.
      $TTL 3600
      @   IN SOA ns1.old-hoster.net. hostmaster.old-hoster.net. 2025060101 3600 600 1209600 300
          IN NS  ns1.old-hoster.net.
          IN NS  ns2.old-hoster.net.
          IN A   51.15.0.11
      www 300 IN A 51.15.0.11
      www 300 IN A 51.15.0.12
      www 300 IN AAAA 2001:db8::11
      @   IN MX 10 mx1.old-hoster.net.
      @   IN TXT "v=spf1 include:_spf.old-hoster.net ~all"
      @   IN CAA 0 issue "letsencrypt.org"
      shop IN CNAME www
      _sip._tcp 600 IN SRV 10 5 5060 sip
      mail._domainkey IN TXT ( "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxyz"
                               "IDAQAB" )
      """;

  @Test
  void aZoneTakenByAxfrExportsAndImportsToTheSameRecordSets() throws Exception {
    try (BindServer bind =
        BindServer.start(
            Files.createTempDirectory(Path.of("target"), "axfr"), Map.of(ZONE, SERVED))) {
      Rfc2136Provider provider =
          new Rfc2136Provider(
              "old-primary",
              new InetSocketAddress("127.0.0.1", bind.port),
              Rfc2136Provider.key(BindServer.ALGORITHM, BindServer.KEY_NAME, bind.secret),
              Duration.ofSeconds(5));
      Name zone = DnsNames.zone("name", ZONE);
      ZoneRules rules = ZoneRules.standard();

      ZoneFiles.Imported imported =
          ZoneFiles.fromRecords(zone, "axfr", provider.transfer(zone), rules);
      assertThat(imported.serial()).isEqualTo(2025060101L);
      assertThat(imported.recordSets()).hasSize(10);
      // what BIND serves is what its own zone file says, read by the same rules
      assertThat(imported.recordSets())
          .isEqualTo(ZoneFiles.read(zone, "zoneFile", SERVED, rules).recordSets());

      String exported =
          ZoneFiles.write(
              zone,
              Soa.of("ns1.hoster-demo.net.", "hostmaster.hoster-demo.net.")
                  .record(zone, 2026112900L),
              imported.recordSets());
      assertThat(ZoneFiles.read(zone, "zoneFile", exported, rules).recordSets())
          .isEqualTo(imported.recordSets());
    }
  }

  @Test
  void aTransferWithoutTheKeyIsRefused() throws Exception {
    try (BindServer bind =
        BindServer.start(
            Files.createTempDirectory(Path.of("target"), "axfr"), Map.of(ZONE, SERVED))) {
      Rfc2136Provider stranger =
          new Rfc2136Provider(
              "old-primary",
              new InetSocketAddress("127.0.0.1", bind.port),
              null,
              Duration.ofSeconds(5));
      assertThatThrownBy(() -> stranger.transfer(Name.fromString(ZONE)))
          .isInstanceOf(ProviderException.class)
          .hasMessageContaining("old-primary refused the zone transfer");
    }
  }
}
