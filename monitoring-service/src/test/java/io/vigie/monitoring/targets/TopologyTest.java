package io.vigie.monitoring.targets;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.events.inventory.GuestKind;
import io.vigie.events.inventory.HostedServiceKind;
import io.vigie.events.inventory.ServerStatus;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TopologyTest {

  private final TargetServer hypervisor = server(ServerStatus.ACTIVE);
  private final TargetGuest lumiereVm = guest(hypervisor.id, "lumiere");
  private final TargetGuest saintRochCt = guest(hypervisor.id, "saint-roch");
  private final TargetGuest elsewhere = guest(UUID.randomUUID(), "other");

  @Test
  void aHostAffectsItsGuestsAndTheServicesOnThemOrOnItself() {
    TargetService shop = service("lumiere", "", lumiereVm.id.toString());
    TargetService portal = service("saint-roch", hypervisor.id.toString(), "");
    TargetService unrelated =
        service("other", UUID.randomUUID().toString(), elsewhere.id.toString());

    Topology all =
        Topology.of(
            hypervisor,
            List.of(lumiereVm, saintRochCt, elsewhere),
            List.of(shop, portal, unrelated),
            null);
    assertThat(all.guests()).hasSize(2);
    assertThat(all.services())
        .extracting(Topology.ServiceView::id)
        .containsExactly(shop.id, portal.id);
    assertThat(all.tenants()).containsExactly("lumiere", "saint-roch");

    Topology lumiere =
        Topology.of(hypervisor, List.of(lumiereVm, saintRochCt), List.of(shop, portal), "lumiere");
    assertThat(lumiere.tenants()).containsExactly("lumiere");
    assertThat(lumiere.guests()).extracting(Topology.GuestView::tenant).containsExactly("lumiere");
  }

  @Test
  void lifecycleStatusDecidesWatchingAndPaging() {
    assertThat(Topology.TargetView.of(server(ServerStatus.PLANNED)).monitored()).isFalse();
    assertThat(Topology.TargetView.of(server(ServerStatus.ACTIVE)).monitored()).isTrue();
    assertThat(Topology.TargetView.of(server(ServerStatus.MAINTENANCE)).silenced()).isTrue();
    assertThat(Topology.TargetView.of(server(ServerStatus.MAINTENANCE)).monitored()).isTrue();
    assertThat(Topology.TargetView.of(server(ServerStatus.DECOMMISSIONED)).monitored()).isFalse();
  }

  private static TargetServer server(ServerStatus status) {
    TargetServer s = new TargetServer();
    s.id = UUID.randomUUID();
    s.hostname = "hv1.par-dc2.example.net";
    s.datacenterCode = "PAR-DC2";
    s.address = "10.2.0.31";
    s.roles = "HYPERVISOR";
    s.status = status;
    return s;
  }

  private static TargetGuest guest(UUID host, String tenant) {
    TargetGuest g = new TargetGuest();
    g.id = UUID.randomUUID();
    g.name = "vm-" + tenant;
    g.kind = GuestKind.VM;
    g.hostServerId = host;
    g.clientId = UUID.randomUUID();
    g.tenant = tenant;
    return g;
  }

  private static TargetService service(String tenant, String serverIds, String vmIds) {
    TargetService h = new TargetService();
    h.id = UUID.randomUUID();
    h.name = "svc-" + tenant;
    h.kind = HostedServiceKind.WEBSITE;
    h.tenant = tenant;
    h.clientId = UUID.randomUUID();
    h.serverIds = serverIds;
    h.virtualMachineIds = vmIds;
    return h;
  }
}
