package io.vigie.dns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneTemplateTest {

  static final ZoneTemplate HOSTER =
      new ZoneTemplate(
          "hoster-default",
          List.of(
              new RecordSetInput(
                  "@", "NS", 86400L, List.of("ns1.hoster-demo.net.", "ns2.hoster-demo.net.")),
              new RecordSetInput(
                  "@", "MX", null, List.of("10 mx1.hoster-demo.net.", "20 mx2.hoster-demo.net.")),
              new RecordSetInput(
                  "@", "TXT", null, List.of("v=spf1 include:_spf.hoster-demo.net ~all")),
              new RecordSetInput(
                  "_dmarc", "TXT", null, List.of("v=DMARC1; p=none; rua=mailto:dmarc@{zone}"))));

  @Test
  void aNewDomainGetsTheHostersNameServersMailAndSpf() {
    List<RecordSet> sets =
        ZoneRules.standard()
            .check(
                DnsNames.zone("name", "lumiere-demo.com"),
                "recordSets",
                HOSTER.instantiate("lumiere-demo.com."));
    assertThat(sets)
        .extracting(s -> s.name() + " " + s.type() + " " + s.records())
        .containsExactly(
            "_dmarc.lumiere-demo.com. TXT [\"v=DMARC1; p=none; rua=mailto:dmarc@lumiere-demo.com\"]",
            "lumiere-demo.com. MX [10 mx1.hoster-demo.net., 20 mx2.hoster-demo.net.]",
            "lumiere-demo.com. NS [ns1.hoster-demo.net., ns2.hoster-demo.net.]",
            "lumiere-demo.com. TXT [\"v=spf1 include:_spf.hoster-demo.net ~all\"]");
  }

  @Test
  void theClientsOwnRecordSetsWinOverTheTemplate() {
    List<RecordSetInput> own =
        List.of(new RecordSetInput("@", "mx", null, List.of("10 mail.lumiere-demo.com.")));
    List<RecordSetInput> merged = ZoneTemplate.merge(HOSTER.instantiate("lumiere-demo.com"), own);
    assertThat(merged).hasSize(4).contains(own.get(0));
    assertThat(merged).noneMatch(r -> r.records().contains("10 mx1.hoster-demo.net."));
  }
}
