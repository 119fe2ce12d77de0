package io.vigie.console.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.console.api.ClientView;
import io.vigie.console.api.ServerView;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SearchMatchTest {

  @Test
  void ticketReferencesAreRecognisedWhateverTheCase() {
    assertThat(SearchMatch.reference("inc-2026-000123")).isEqualTo("INC-2026-000123");
    assertThat(SearchMatch.reference(" REQ-2026-7 ")).isEqualTo("REQ-2026-7");
    assertThat(SearchMatch.reference("INC-26-1")).isNull();
    assertThat(SearchMatch.reference("web1")).isNull();
  }

  @Test
  void addressesAreToldFromNames() {
    assertThat(SearchMatch.looksLikeAddress("10.2.0.21")).isTrue();
    assertThat(SearchMatch.looksLikeAddress("10.2.")).isTrue();
    assertThat(SearchMatch.looksLikeAddress("2001:db8::")).isTrue();
    assertThat(SearchMatch.looksLikeAddress("web1.par-dc2")).isFalse();
    assertThat(SearchMatch.looksLikeAddress("cafe")).isFalse();
    assertThat(SearchMatch.looksLikeAddress("1.")).isFalse();
  }

  @Test
  void serversByAnyOfTheirAddressesPrefix() {
    ServerView web1 =
        new ServerView(
            UUID.randomUUID(),
            "web1",
            "PAR-DC2",
            List.of("WEB"),
            "ACTIVE",
            "10.2.0.21",
            List.of("203.0.113.10"),
            List.of("192.168.10.21"));
    ServerView web2 =
        new ServerView(
            UUID.randomUUID(),
            "web2",
            "PAR-DC2",
            List.of("WEB"),
            "ACTIVE",
            "10.2.0.22",
            null,
            null);

    assertThat(SearchMatch.byAddress(List.of(web1, web2), "10.2.0.2")).containsExactly(web1, web2);
    assertThat(SearchMatch.byAddress(List.of(web1, web2), "203.0.113.10")).containsExactly(web1);
    assertThat(SearchMatch.byAddress(List.of(web1, web2), "192.168.10.")).containsExactly(web1);
    assertThat(SearchMatch.byAddress(List.of(web1, web2), "0.2.0.21")).isEmpty();
  }

  @Test
  void clientsByCodeOrNameAccentsAndCaseAside() {
    ClientView lumiere = new ClientView(UUID.randomUUID(), "lumiere", "Lumière SAS");
    ClientView saintRoch = new ClientView(UUID.randomUUID(), "saint-roch", "Clinique Saint-Roch");

    assertThat(SearchMatch.clients(List.of(lumiere, saintRoch), "LUMIÈRE"))
        .containsExactly(lumiere);
    assertThat(SearchMatch.clients(List.of(lumiere, saintRoch), "clinique"))
        .containsExactly(saintRoch);
    assertThat(SearchMatch.clients(List.of(lumiere, saintRoch), "roch")).containsExactly(saintRoch);
    assertThat(SearchMatch.clients(List.of(lumiere, saintRoch), "zz")).isEmpty();
  }
}
