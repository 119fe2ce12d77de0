package io.vigie.dns.drp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.dns.drp.FailoverSwitch.FailoverSet;
import io.vigie.dns.zone.RecordSet;
import io.vigie.events.backup.DrpDirection;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverSwitchTest {

  private static final FailoverSet WWW_A =
      new FailoverSet(
          new RecordSet("www.cognix-demo.fr.", "A", 3600, List.of("51.15.0.11", "51.15.0.12")),
          "web",
          null);
  private static final FailoverSet WWW_AAAA =
      new FailoverSet(
          new RecordSet("www.cognix-demo.fr.", "AAAA", 30, List.of("2001:db8:10::11")),
          "web",
          null);

  @Test
  void activationLowersOnlyTheTtlsAboveThePolicy() {
    assertThat(FailoverSwitch.lowered(List.of(WWW_A, WWW_AAAA), 60))
        .containsExactly(
            new RecordSet("www.cognix-demo.fr.", "A", 60, List.of("51.15.0.11", "51.15.0.12")),
            WWW_AAAA.set());
  }

  @Test
  void eachFamilyIsPointedAtItsAddressesKeepingTheLoweredTtl() throws Exception {
    assertThat(
            FailoverSwitch.switched(
                List.of(WWW_A, WWW_AAAA),
                List.of("163.172.20.11", "2001:db8:20::11", "163.172.20.12"),
                DrpDirection.FAILOVER))
        .containsExactly(
            new RecordSet(
                "www.cognix-demo.fr.", "A", 3600, List.of("163.172.20.11", "163.172.20.12")),
            new RecordSet("www.cognix-demo.fr.", "AAAA", 30, List.of("2001:db8:20::11")));
  }

  @Test
  void theReturnGivesBackTheProductionTtl() throws Exception {
    FailoverSet lowered =
        new FailoverSet(
            new RecordSet("www.cognix-demo.fr.", "A", 60, List.of("163.172.20.11")), "web", 3600L);
    assertThat(
            FailoverSwitch.switched(
                List.of(lowered), List.of("51.15.0.11"), DrpDirection.RETURN_TO_PRODUCTION))
        .containsExactly(new RecordSet("www.cognix-demo.fr.", "A", 3600, List.of("51.15.0.11")));
    assertThat(
            FailoverSwitch.switched(
                List.of(lowered), List.of("163.172.20.11"), DrpDirection.FAILOVER))
        .extracting(RecordSet::ttl)
        .containsExactly(60L);
  }

  @Test
  void aSwitchThatWouldLeaveAFamilyWithoutAddressIsRefusedAsAWhole() {
    assertThatThrownBy(
            () ->
                FailoverSwitch.switched(
                    List.of(WWW_A, WWW_AAAA), List.of("163.172.20.11"), DrpDirection.FAILOVER))
        .isInstanceOf(FailoverSwitch.Refused.class)
        .hasMessageContaining("www.cognix-demo.fr. AAAA")
        .hasMessageContaining("IPv6");
    assertThatThrownBy(
            () ->
                FailoverSwitch.switched(
                    List.of(WWW_A), List.of("2001:db8:20::11"), DrpDirection.FAILOVER))
        .hasMessageContaining("www.cognix-demo.fr. A ")
        .hasMessageContaining("IPv4");
  }

  @Test
  void noAddressOrSomethingElseThanAnAddressIsRefused() {
    assertThatThrownBy(
            () -> FailoverSwitch.switched(List.of(WWW_A), List.of(), DrpDirection.FAILOVER))
        .hasMessageContaining("no address");
    for (String bad : new String[] {"recovery.cognix-demo.fr", "300.1.2.3", "", "::g"}) {
      assertThatThrownBy(
              () -> FailoverSwitch.switched(List.of(WWW_A), List.of(bad), DrpDirection.FAILOVER))
          .isInstanceOf(FailoverSwitch.Refused.class)
          .hasMessageContaining("is not an IPv4 or IPv6 address");
    }
  }
}
