package io.vigie.console.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.console.api.RecordSet;
import io.vigie.console.api.ZoneView;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DnsPointersTest {

  static ZoneView zone(String name, RecordSet... sets) {
    return new ZoneView(
        UUID.randomUUID(), name, "saint-roch", 1L, sets.length, List.of(), List.of(sets));
  }

  static RecordSet set(String name, String type, String... records) {
    return new RecordSet(name, type, 300, List.of(records), null);
  }

  @Test
  void addressRecordsOfTheServersAddressesAndNamesPointingToItsHostName() {
    ZoneView saintRoch =
        zone(
            "saint-roch-demo.fr.",
            set("www", "A", "203.0.113.10", "203.0.113.11"),
            set("@", "A", "203.0.113.99"),
            set("v6", "AAAA", "2001:DB8::10"),
            set("shop", "CNAME", "web1.par-dc2.example.net."),
            set("@", "MX", "10 web1.par-dc2.example.net."),
            set("mail", "MX", "10 mx.other.example."),
            set("@", "TXT", "\"v=spf1 ip4:203.0.113.10 -all\""));
    ZoneView lumiere = zone("lumiere-demo.com.", set("api", "A", "198.51.100.7"));
    ZoneView notRead = new ZoneView(UUID.randomUUID(), "empty.example.", null, 1L, 0, null, null);

    List<DnsPointers.Pointer> found =
        DnsPointers.to(
            List.of(saintRoch, lumiere, notRead),
            List.of("203.0.113.10", "2001:db8::10", "10.2.0.21"),
            "web1.par-dc2.example.net");

    assertThat(found)
        .extracting(p -> p.zone() + " " + p.recordSet().name() + " " + p.recordSet().type())
        .containsExactly(
            "saint-roch-demo.fr. www A",
            "saint-roch-demo.fr. v6 AAAA",
            "saint-roch-demo.fr. shop CNAME",
            "saint-roch-demo.fr. @ MX");
  }

  @Test
  void aServerWithoutAddressesOrNameHasNoPointer() {
    ZoneView zone = zone("example.fr.", set("www", "A", "192.0.2.1"));
    assertThat(DnsPointers.to(List.of(zone), java.util.Arrays.asList((String) null), null))
        .isEmpty();
  }
}
