package io.vigie.console.wall;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.console.api.AlertView;
import io.vigie.console.api.HostedServiceView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertsByClientTest {

  static final UUID SHARED_WEB = UUID.randomUUID();
  static final UUID LUMIERE_DB = UUID.randomUUID();
  static final UUID MONITORING_HOST = UUID.randomUUID();
  static final UUID SHOP = UUID.randomUUID();
  static final UUID PORTAL = UUID.randomUUID();
  static final UUID ORDERS = UUID.randomUUID();

  static final List<HostedServiceView> HOSTED =
      List.of(
          new HostedServiceView(
              SHOP, "lumiere", "Boutique", "WEBSITE", null, null, List.of(SHARED_WEB)),
          new HostedServiceView(
              PORTAL, "saint-roch", "Portail", "WEBSITE", null, null, List.of(SHARED_WEB)),
          new HostedServiceView(
              ORDERS, "lumiere", "Commandes", "DATABASE", null, null, List.of(LUMIERE_DB)));

  static AlertView alert(String summary, String severity, UUID server, UUID hostedService) {
    Instant at = Instant.parse("2026-11-30T02:14:00Z");
    return new AlertView(
        UUID.randomUUID(),
        summary,
        "FIRING",
        severity,
        summary,
        "t",
        server,
        hostedService,
        Map.of(),
        at,
        at,
        null,
        null);
  }

  @Test
  void aSharedServerHurtsEveryClientOnItAndAServiceAlertOnlyItsOwner() {
    AlertView webDown = alert("web down", "critical", SHARED_WEB, null);
    AlertView replication = alert("replication lag", "warning", LUMIERE_DB, null);
    AlertView portalSlow = alert("portal slow", "warning", SHARED_WEB, PORTAL);
    AlertView monitoringDisk = alert("disk", "warning", MONITORING_HOST, null);
    AlertView resolved =
        new AlertView(
            UUID.randomUUID(),
            "old",
            "RESOLVED",
            "critical",
            "old",
            "t",
            LUMIERE_DB,
            null,
            Map.of(),
            null,
            null,
            null,
            null);

    List<WallView.ClientAlerts> groups =
        AlertsByClient.group(
            List.of(webDown, replication, portalSlow, monitoringDisk, resolved), HOSTED);

    assertThat(groups)
        .extracting(WallView.ClientAlerts::tenant)
        .containsExactly("lumiere", "saint-roch", null);
    assertThat(groups.get(0).worst()).isEqualTo("critical");
    assertThat(groups.get(0).alerts()).containsExactly(webDown, replication);
    assertThat(groups.get(1).alerts()).containsExactly(webDown, portalSlow);
    assertThat(groups.get(2).alerts()).containsExactly(monitoringDisk);
    assertThat(groups.get(2).worst()).isEqualTo("warning");
  }

  @Test
  void theWorstFirstThenTheMostAlertsAndNothingFiringIsNoGroup() {
    UUID other = UUID.randomUUID();
    List<HostedServiceView> hosted =
        List.of(
            new HostedServiceView(
                SHOP, "lumiere", "Boutique", "WEBSITE", null, null, List.of(SHARED_WEB)),
            new HostedServiceView(
                PORTAL, "saint-roch", "Portail", "WEBSITE", null, null, List.of(other)));

    List<WallView.ClientAlerts> groups =
        AlertsByClient.group(
            List.of(
                alert("a", "warning", SHARED_WEB, null),
                alert("b", "warning", other, null),
                alert("c", "warning", other, null)),
            hosted);

    assertThat(groups)
        .extracting(WallView.ClientAlerts::tenant)
        .containsExactly("saint-roch", "lumiere");
    assertThat(AlertsByClient.group(List.of(), hosted)).isEmpty();
  }
}
