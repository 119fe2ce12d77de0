package io.vigie.dns.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.dns.servers.Dig;
import io.vigie.dns.zone.DnsNames;
import io.vigie.dns.zone.Plan;
import io.vigie.dns.zone.RecordSet;
import io.vigie.dns.zone.RecordSetInput;
import io.vigie.dns.zone.Soa;
import io.vigie.dns.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xbill.DNS.Name;

/**
 * What every provider must do against its real server, checked by asking the server over DNS:
 * create, change and delete RRsets with Vigie's serial; apply twice sends nothing the second time;
 * a change behind Vigie's back is read as drift and reconciled; a refused change throws.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProviderContract {

  static final ZoneRules RULES = ZoneRules.standard();
  static final Soa SOA = Soa.of("ns1.hoster-demo.net.", "hostmaster.hoster-demo.net.");
  static final String[] ZONES = {
    "apply.lumiere-demo.com.",
    "again.lumiere-demo.com.",
    "drift.lumiere-demo.com.",
    "refused.lumiere-demo.com.",
    "removed.lumiere-demo.com."
  };

  abstract DnsProvider provider();

  /** The same server driven with a wrong secret. */
  abstract DnsProvider providerWithWrongCredentials();

  abstract int dnsPort();

  /** Changes {@code www} A to {@code address} with the server's own tool. */
  abstract void changeBehindVigiesBack(String zone, String address) throws Exception;

  static List<RecordSet> sets(String zone, RecordSetInput... inputs) {
    List<RecordSetInput> all = new ArrayList<>(List.of(inputs));
    all.add(
        new RecordSetInput(
            "@", "NS", 86400L, List.of("ns1.hoster-demo.net.", "ns2.hoster-demo.net.")));
    return RULES.check(DnsNames.zone("zone", zone), "recordSets", all);
  }

  static RecordSetInput set(String name, String type, long ttl, String... data) {
    return new RecordSetInput(name, type, ttl, List.of(data));
  }

  @Test
  void aRemovedZoneIsNoLongerAnsweredAndRemovingItAgainChangesNothing() throws Exception {
    String zone = ZONES[4];
    Name origin = Name.fromString(zone);
    provider()
        .apply(
            origin,
            SOA.record(origin, 2026112900L),
            sets(
                zone,
                set("www", "A", 300, "51.15.0.11"),
                set("@", "MX", 3600, "10 mx1.hoster-demo.net.")));
    assertThat(Dig.answer(dnsPort(), "www." + zone, "A")).containsExactly("51.15.0.11");

    Plan removed = provider().remove(origin, SOA.record(origin, 2026112901L));
    assertThat(removed.changes())
        .extracting(c -> c.action().name() + " " + c.key())
        .contains("REMOVE www." + zone + " A", "REMOVE " + zone + " MX");
    assertThat(served("www." + zone, "A")).isEmpty();
    assertThat(served(zone, "MX")).isEmpty();
    DnsProvider.ServedZone left = provider().read(origin);
    if (left != null) { // RFC 2136 cannot remove the apex SOA and NS: the zone stays configured
      assertThat(left.recordSets()).extracting(RecordSet::type).containsOnly("NS");
    }
    assertThat(provider().remove(origin, SOA.record(origin, 2026112901L)).isEmpty()).isTrue();
  }

  /** What the server answers; nothing when it refuses (a zone it does not serve). */
  private List<String> served(String name, String type) throws Exception {
    try {
      return Dig.answer(dnsPort(), name, type);
    } catch (java.io.IOException e) {
      assertThat(e).hasMessageContaining("REFUSED");
      return List.of();
    }
  }

  @Test
  void createsChangesAndDeletesRecordSetsAsQueriesShow() throws Exception {
    String zone = ZONES[0];
    Name origin = Name.fromString(zone);
    String dkim = "v=DKIM1; k=rsa; p=" + "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA".repeat(8);
    List<RecordSet> first =
        sets(
            zone,
            set("www", "A", 300, "51.15.0.11", "51.15.0.12"),
            set("www", "AAAA", 300, "2001:db8::11"),
            set("@", "MX", 3600, "10 mx1.hoster-demo.net.", "20 mx2.hoster-demo.net."),
            set("@", "CAA", 3600, "0 issue \"letsencrypt.org\""),
            set("mail._domainkey", "TXT", 3600, dkim),
            set("_sip._tcp", "SRV", 600, "10 5 5060 sip.lumiere-demo.com."),
            set("shop", "CNAME", 300, "www"));
    Plan plan = provider().apply(origin, SOA.record(origin, 2026112900L), first);
    assertThat(plan.count(Plan.Action.ADD)).isGreaterThanOrEqualTo(7);

    int port = dnsPort();
    assertThat(Dig.answer(port, "www." + zone, "A")).containsExactly("51.15.0.11", "51.15.0.12");
    assertThat(Dig.ttl(port, "www." + zone, "A")).isEqualTo(300);
    assertThat(Dig.answer(port, "www." + zone, "AAAA")).containsExactly("2001:db8::11");
    assertThat(Dig.answer(port, zone, "MX"))
        .containsExactly("10 mx1.hoster-demo.net.", "20 mx2.hoster-demo.net.");
    assertThat(Dig.answer(port, zone, "CAA")).containsExactly("0 issue \"letsencrypt.org\"");
    assertThat(Dig.answer(port, "_sip._tcp." + zone, "SRV"))
        .containsExactly("10 5 5060 sip.lumiere-demo.com.");
    assertThat(Dig.answer(port, "shop." + zone, "CNAME")).containsExactly("www." + zone);
    String txt = Dig.answer(port, "mail._domainkey." + zone, "TXT").get(0);
    assertThat(txt.replace("\" \"", "").replace("\"", "")).isEqualToIgnoringCase(dkim);
    assertThat(Dig.serial(port, zone)).isEqualTo(2026112900L);

    // the DRP address for www, the DKIM key gone, a new record
    List<RecordSet> second =
        sets(
            zone,
            set("www", "A", 60, "51.159.5.20"),
            set("www", "AAAA", 300, "2001:db8::11"),
            set("@", "MX", 3600, "10 mx1.hoster-demo.net.", "20 mx2.hoster-demo.net."),
            set("@", "CAA", 3600, "0 issue \"letsencrypt.org\""),
            set("_sip._tcp", "SRV", 600, "10 5 5060 sip.lumiere-demo.com."),
            set("shop", "CNAME", 300, "www"),
            set("api", "A", 300, "51.15.0.13"));
    Plan changes = provider().apply(origin, SOA.record(origin, 2026112901L), second);
    assertThat(changes.changes())
        .extracting(c -> c.action() + " " + c.key())
        .containsExactly(
            "ADD api." + zone + " A",
            "REMOVE mail._domainkey." + zone + " TXT",
            "CHANGE www." + zone + " A");
    assertThat(Dig.answer(port, "www." + zone, "A")).containsExactly("51.159.5.20");
    assertThat(Dig.ttl(port, "www." + zone, "A")).isEqualTo(60);
    assertThat(Dig.answer(port, "api." + zone, "A")).containsExactly("51.15.0.13");
    assertThat(Dig.answer(port, "mail._domainkey." + zone, "TXT")).isEmpty();
    assertThat(Dig.serial(port, zone)).isEqualTo(2026112901L);
  }

  @Test
  void applyingTheSameZoneTwiceSendsNothingTheSecondTime() throws Exception {
    String zone = ZONES[1];
    Name origin = Name.fromString(zone);
    List<RecordSet> desired = sets(zone, set("www", "A", 300, "51.15.0.11"));
    assertThat(provider().apply(origin, SOA.record(origin, 2026112903L), desired).isEmpty())
        .isFalse();
    assertThat(provider().apply(origin, SOA.record(origin, 2026112903L), desired).isEmpty())
        .isTrue();
    assertThat(provider().read(origin).recordSets()).containsExactlyInAnyOrderElementsOf(desired);
    assertThat(provider().read(origin).serial()).isEqualTo(2026112903L);
  }

  @Test
  void aChangeBehindVigiesBackIsFoundAndReconciled() throws Exception {
    String zone = ZONES[2];
    Name origin = Name.fromString(zone);
    List<RecordSet> desired = sets(zone, set("www", "A", 300, "51.15.0.11"));
    provider().apply(origin, SOA.record(origin, 2026112900L), desired);

    changeBehindVigiesBack(zone, "203.0.113.66");
    assertThat(Dig.answer(dnsPort(), "www." + zone, "A")).containsExactly("203.0.113.66");

    Plan drift = Plan.between(desired, provider().read(origin).recordSets());
    assertThat(drift.changes())
        .singleElement()
        .satisfies(c -> assertThat(c.action()).isEqualTo(Plan.Action.CHANGE))
        .satisfies(c -> assertThat(c.before().records()).containsExactly("203.0.113.66"));

    provider().apply(origin, SOA.record(origin, 2026112901L), desired);
    assertThat(Dig.answer(dnsPort(), "www." + zone, "A")).containsExactly("51.15.0.11");
    assertThat(Plan.between(desired, provider().read(origin).recordSets()).isEmpty()).isTrue();
  }

  @Test
  void aRefusedChangeThrowsAndChangesNothing() throws Exception {
    String zone = ZONES[3];
    Name origin = Name.fromString(zone);
    List<RecordSet> desired = sets(zone, set("www", "A", 300, "51.15.0.11"));
    provider().apply(origin, SOA.record(origin, 2026112900L), desired);

    List<RecordSet> moved = sets(zone, set("www", "A", 300, "51.159.5.20"));
    assertThatThrownBy(
            () ->
                providerWithWrongCredentials()
                    .apply(origin, SOA.record(origin, 2026112901L), moved))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining(provider().name());
    assertThat(Dig.answer(dnsPort(), "www." + zone, "A")).containsExactly("51.15.0.11");
    assertThat(Dig.serial(dnsPort(), zone)).isEqualTo(2026112900L);
  }
}
