package io.vigie.dns.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

class ZoneFilesTest {

  private static final ZoneRules RULES = ZoneRules.standard();
  private static final Name ZONE = DnsNames.zone("name", "saint-roch-demo.fr");

  static final String SAINT_ROCH =
      """
      $ORIGIN saint-roch-demo.fr.
      $TTL 3600
      @   IN SOA ns1.hoster-demo.net. hostmaster.hoster-demo.net. (
              2026112003 3600 600 1209600 300 )
          IN NS  ns1.hoster-demo.net.
          IN NS  ns2.hoster-demo.net.
          IN A   51.15.0.11
          IN A   51.15.0.12
      www 300 IN A 51.15.0.11
      www 300 IN A 51.15.0.12
      @   IN MX 10 mx1.hoster-demo.net.
      @   IN TXT "v=spf1 include:_spf.hoster-demo.net ~all"
      @   IN CAA 0 issue "letsencrypt.org"
      shop IN CNAME www
      _sip._tcp 600 IN SRV 10 5 5060 sip
      ; a long DKIM key in two strings
      mail._domainkey IN TXT ( "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxyz"
                               "IDAQAB" )
      """;

  @Test
  void importsRecordSetsAndTheSerial() {
    ZoneFiles.Imported imported = ZoneFiles.read(ZONE, "zoneFile", SAINT_ROCH, RULES);
    assertThat(imported.serial()).isEqualTo(2026112003L);
    assertThat(imported.recordSets())
        .extracting(s -> s.name() + " " + s.type() + " " + s.ttl())
        .containsExactly(
            "_sip._tcp.saint-roch-demo.fr. SRV 600",
            "mail._domainkey.saint-roch-demo.fr. TXT 3600",
            "saint-roch-demo.fr. A 3600",
            "saint-roch-demo.fr. CAA 3600",
            "saint-roch-demo.fr. MX 3600",
            "saint-roch-demo.fr. NS 3600",
            "saint-roch-demo.fr. TXT 3600",
            "shop.saint-roch-demo.fr. CNAME 3600",
            "www.saint-roch-demo.fr. A 300");
  }

  @Test
  void exportThenImportGivesTheSameRecordSets() {
    ZoneFiles.Imported first = ZoneFiles.read(ZONE, "zoneFile", SAINT_ROCH, RULES);
    String exported =
        ZoneFiles.write(
            ZONE,
            Soa.of("ns1.hoster-demo.net.", "hostmaster.hoster-demo.net.").record(ZONE, 2026112004L),
            first.recordSets());
    ZoneFiles.Imported again = ZoneFiles.read(ZONE, "zoneFile", exported, RULES);
    assertThat(again.recordSets()).isEqualTo(first.recordSets());
    assertThat(again.serial()).isEqualTo(2026112004L);
  }

  @Test
  void refusesWhatTheRulesRefuseWithTheRecordNamed() {
    assertThatThrownBy(
            () ->
                ZoneFiles.read(
                    ZONE,
                    "zoneFile",
                    "$ORIGIN saint-roch-demo.fr.\n@ 3600 IN CNAME x.net.\n",
                    RULES))
        .isInstanceOf(InvalidZoneException.class)
        .hasMessageContaining("a CNAME cannot be at the zone apex");
    assertThatThrownBy(
            () -> ZoneFiles.read(ZONE, "zoneFile", "www 3600 IN HINFO \"pc\" \"linux\"\n", RULES))
        .hasMessageContaining("type HINFO is not managed");
    assertThatThrownBy(() -> ZoneFiles.read(ZONE, "zoneFile", "www 3600 IN A 1.2.3\n", RULES))
        .hasMessageStartingWith("zoneFile: is not a valid zone file");
    assertThatThrownBy(
            () -> ZoneFiles.read(ZONE, "zoneFile", "www.other.org. 3600 IN A 192.0.2.1\n", RULES))
        .hasMessageContaining("must be inside the zone");
  }

  @Test
  void neverReadsLocalFilesNorExpandsGenerate(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.zone");
    Files.writeString(secret, "leak 3600 IN TXT \"secret\"\n");
    assertThatThrownBy(
            () ->
                ZoneFiles.read(
                    ZONE, "zoneFile", "$INCLUDE " + secret + "\nwww 3600 IN A 192.0.2.1\n", RULES))
        .isInstanceOf(InvalidZoneException.class)
        .hasMessageNotContaining("secret\"");
    assertThatThrownBy(
            () -> ZoneFiles.read(ZONE, "zoneFile", "$GENERATE 1-100000 host$ A 192.0.2.$\n", RULES))
        .isInstanceOf(InvalidZoneException.class);
  }
}
