package io.vigie.dns.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.kit.problem.Problem.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

class ZoneRulesTest {

  private static final ZoneRules RULES = ZoneRules.standard();
  private static final Name ZONE = DnsNames.zone("name", "saint-roch-demo.fr");

  private static RecordSetInput set(String name, String type, Long ttl, String... records) {
    return new RecordSetInput(name, type, ttl, List.of(records));
  }

  private static List<FieldError> errors(RecordSetInput... sets) {
    try {
      RULES.check(ZONE, "recordSets", List.of(sets));
    } catch (InvalidZoneException e) {
      return e.toProblem(null).errors();
    }
    throw new AssertionError("expected the rules to refuse " + List.of(sets));
  }

  @Test
  void normalisesNamesDataAndOrder() {
    List<RecordSet> sets =
        RULES.check(
            ZONE,
            "recordSets",
            List.of(
                set("WWW", "a", null, "51.15.0.12", "51.15.0.11"),
                set("@", "MX", 3600L, "10 MX1.Hoster-Demo.NET.", "20 mx2"),
                set("_sip._tcp", "SRV", 600L, "10 5 5060 sip.saint-roch-demo.fr."),
                set("saint-roch-demo.fr.", "CAA", null, "0 issue \"letsencrypt.org\"")));
    assertThat(sets)
        .containsExactly(
            new RecordSet(
                "_sip._tcp.saint-roch-demo.fr.",
                "SRV",
                600,
                List.of("10 5 5060 sip.saint-roch-demo.fr.")),
            new RecordSet(
                "saint-roch-demo.fr.", "CAA", 3600, List.of("0 issue \"letsencrypt.org\"")),
            new RecordSet(
                "saint-roch-demo.fr.",
                "MX",
                3600,
                List.of("10 mx1.hoster-demo.net.", "20 mx2.saint-roch-demo.fr.")),
            new RecordSet(
                "www.saint-roch-demo.fr.", "A", 3600, List.of("51.15.0.11", "51.15.0.12")));
  }

  @Test
  void namesMustBeInsideTheZoneWithWellFormedLabels() {
    assertThat(errors(set("www.example.com.", "A", null, "192.0.2.1")))
        .extracting(FieldError::field, FieldError::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "recordSets[0].name", "must be inside the zone saint-roch-demo.fr."));
    assertThat(errors(set("-bad", "A", null, "192.0.2.1")).get(0).message())
        .contains("label '-bad'");
    assertThat(errors(set("a".repeat(64), "A", null, "192.0.2.1")).get(0).message())
        .contains("not a domain name");
    assertThat(errors(set("sp ace", "A", null, "192.0.2.1")).get(0).field())
        .isEqualTo("recordSets[0].name");
    // a wildcard is fine as the leftmost label only
    assertThat(RULES.check(ZONE, "r", List.of(set("*", "A", null, "192.0.2.1")))).hasSize(1);
    assertThat(errors(set("a.*", "A", null, "192.0.2.1")).get(0).message()).contains("label '*'");
  }

  @Test
  void zoneNamesAreTwoLabelsOrMoreOfLettersDigitsAndHyphens() {
    assertThat(DnsNames.zone("name", "Lumiere-Demo.COM").toString()).isEqualTo("lumiere-demo.com.");
    assertThatThrownBy(() -> DnsNames.zone("name", "fr"))
        .isInstanceOf(InvalidZoneException.class)
        .hasMessageContaining("name: must have at least two labels");
    assertThatThrownBy(() -> DnsNames.zone("name", "_dmarc.example.fr"))
        .hasMessageContaining("label '_dmarc'");
    assertThatThrownBy(() -> DnsNames.zone("name", " ")).hasMessageContaining("is required");
  }

  @Test
  void ttlWithinBounds() {
    assertThat(errors(set("www", "A", 59L, "192.0.2.1")))
        .containsExactly(new FieldError("recordSets[0].ttl", "must be between 60 and 604800 s"));
    assertThat(errors(set("www", "A", 604_801L, "192.0.2.1")).get(0).field())
        .isEqualTo("recordSets[0].ttl");
  }

  @Test
  void typesDataAndTheSoa() {
    assertThat(errors(set("www", "A", null, "192.0.2.300")))
        .singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("recordSets[0].records[0]"))
        .satisfies(e -> assertThat(e.message()).startsWith("is not valid A data"));
    assertThat(errors(set("@", "SOA", null, "ns1. host. 1 2 3 4 5")).get(0).message())
        .contains("kept by Vigie");
    assertThat(errors(set("@", "HINFO", null, "x y")).get(0).message())
        .startsWith("must be one of");
    assertThat(errors(set("www", "A", null)).get(0).message())
        .isEqualTo("must hold at least one record");
    assertThat(errors(set("www", "AAAA", null, "2001:db8::1\n2001:db8::2")).get(0).message())
        .isEqualTo("must be on one line");
  }

  @Test
  void cnameIsAloneAtItsNameNeverAtTheApexAndHasOneTarget() {
    assertThat(errors(set("@", "CNAME", null, "lb.hoster-demo.net.")))
        .extracting(FieldError::message)
        .containsExactly("a CNAME cannot be at the zone apex");
    assertThat(
            errors(
                set("www", "CNAME", null, "lb.hoster-demo.net."), set("www", "TXT", null, "hello")))
        .extracting(FieldError::field, FieldError::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "recordSets[0].name",
                "a CNAME cannot share its name with other records (www.saint-roch-demo.fr. TXT)"));
    assertThat(errors(set("www", "CNAME", null, "a.example.net.", "b.example.net.")))
        .extracting(FieldError::message)
        .containsExactly("a CNAME has exactly one target");
  }

  @Test
  void repeatedNameAndTypeIsRefused() {
    assertThat(errors(set("www", "A", null, "192.0.2.1"), set("WWW", "a", null, "192.0.2.2")))
        .extracting(FieldError::field)
        .containsExactly("recordSets[1]");
  }

  @Test
  void targetsAreHostNamesNotAddresses() {
    assertThat(errors(set("@", "MX", null, "10 192.0.2.25")).get(0).message())
        .isEqualTo("the MX target must be a host name, not an address");
    assertThat(errors(set("_sip._tcp", "SRV", null, "10 5 5060 192.0.2.30.")).get(0).message())
        .isEqualTo("the SRV target must be a host name, not an address");
    assertThat(errors(set("www", "CNAME", null, "192.0.2.1")).get(0).message())
        .contains("CNAME target must be a host name");
    // the null MX of RFC 7505 says the domain takes no mail
    assertThat(RULES.check(ZONE, "r", List.of(set("@", "MX", null, "0 .")))).hasSize(1);
  }

  @Test
  void caaNeedsAKnownTagAndAWellFormedValue() {
    assertThat(
            RULES.check(
                ZONE,
                "r",
                List.of(
                    set(
                        "@",
                        "CAA",
                        null,
                        "0 issue \"letsencrypt.org\"",
                        "0 issuewild \";\"",
                        "128 issue \"sectigo.com; validationmethods=dns-01\"",
                        "0 iodef \"mailto:security@saint-roch-demo.fr\""))))
        .singleElement()
        .satisfies(s -> assertThat(s.records()).hasSize(4));
    assertThat(errors(set("@", "CAA", null, "0 issue \"lets encrypt\"")).get(0).message())
        .contains("starts with the CA's domain");
    assertThat(errors(set("@", "CAA", null, "0 tbs \"letsencrypt.org\"")).get(0).message())
        .startsWith("CAA tag must be one of");
    assertThat(errors(set("@", "CAA", null, "5 issue \"letsencrypt.org\"")).get(0).message())
        .isEqualTo("CAA flags must be 0 or 128");
    assertThat(errors(set("@", "CAA", null, "0 iodef \"security@x.fr\"")).get(0).message())
        .contains("mailto:");
    assertThat(errors(set("@", "CAA", null, "0 issue \"ca.net; bad param\"")).get(0).message())
        .contains("is not key=value");
  }

  @Test
  void longTxtIsSplitIntoStringsOf255Bytes() {
    String dkim = "v=DKIM1; k=rsa; p=" + "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA".repeat(9);
    RecordSet set =
        RULES.check(ZONE, "r", List.of(set("mail._domainkey", "TXT", null, dkim))).get(0);
    String data = set.records().get(0);
    assertThat(data).startsWith("\"v=DKIM1; k=rsa; p=").contains("\" \"");
    List<String> strings = List.of(data.substring(1, data.length() - 1).split("\" \""));
    assertThat(strings).hasSize(2);
    assertThat(strings.get(0)).hasSize(255);
    assertThat(String.join("", strings)).isEqualTo(dkim);
    // quotes, backslashes and non-ASCII survive; presentation form is left as given
    assertThat(TxtStrings.quote("p", "say \"hi\" \\o/ é", 4000))
        .isEqualTo("\"say \\\"hi\\\" \\\\o/ \\195\\169\"");
    assertThat(errors(set("x", "TXT", null, "\"" + "a".repeat(256) + "\"")).get(0).message())
        .startsWith("is not valid TXT data");
    assertThat(errors(set("x", "TXT", null, "a".repeat(4001))).get(0).message())
        .isEqualTo("a TXT text is at most 4000 bytes");
  }

  @Test
  void splittingNeverCutsAUtf8Character() {
    String text = "a" + "é".repeat(200);
    String quoted = TxtStrings.quote("p", text, 4000);
    assertThat(quoted.split("\" \"")).hasSize(2);
    // first string: 'a' then 127 two-byte characters = 255 bytes, no half character
    assertThat(quoted.split("\" \"")[0]).endsWith("\\195\\169");
  }

  @Test
  void everyErrorIsReportedAtOnce() {
    assertThat(
            errors(
                set("www", "A", 10L, "192.0.2.1"),
                set("mail", "MX", null, "10 192.0.2.25"),
                set("@", "CNAME", null, "x.example.net.")))
        .extracting(FieldError::field)
        .containsExactly("recordSets[0].ttl", "recordSets[1].records[0]", "recordSets[2].name");
  }

  @Test
  void ipv6AddressesAreKeptInTheirShortForm() {
    assertThat(
            RULES
                .check(
                    ZONE,
                    "r",
                    List.of(
                        set(
                            "www",
                            "AAAA",
                            null,
                            "2001:0DB8:0000:0000:0000:0000:0000:0011",
                            "2001:db8:0:1:0:0:1:1",
                            "::",
                            "fe80::1:0:0:0")))
                .get(0)
                .records())
        .containsExactly("2001:db8:0:1::1:1", "2001:db8::11", "::", "fe80::1:0:0:0");
  }
}
