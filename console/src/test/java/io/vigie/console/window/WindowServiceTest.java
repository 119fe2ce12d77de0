package io.vigie.console.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.console.api.AlertView;
import io.vigie.console.api.ConsentView;
import io.vigie.console.api.InterventionView;
import io.vigie.console.api.ServerView;
import io.vigie.console.api.VirtualMachineView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WindowServiceTest {

  private static InterventionView intervention(String status, ConsentView... consents) {
    Instant at = Instant.parse("2026-12-01T22:00:00Z");
    return new InterventionView(
        UUID.randomUUID(),
        "CHG-000001",
        "Kernel update",
        "One restart",
        at,
        at.plusSeconds(1800),
        status,
        List.of(),
        List.of(consents),
        1);
  }

  private static ConsentView consent(String tenant, String answer) {
    return new ConsentView(tenant, answer, null, null, null, null, null);
  }

  @Test
  void anInterventionWaitsForTheConsentOfTheClientsThatHaveNotAnswered() {
    InterventionView both =
        intervention("PROPOSED", consent("lumiere", "PENDING"), consent("saint-roch", "ACCEPTED"));
    assertThat(WindowService.awaitsConsentOf(both, "lumiere")).isTrue();
    assertThat(WindowService.awaitsConsentOf(both, "saint-roch")).isFalse();
    assertThat(WindowService.awaitsConsentOf(both, "other")).isFalse();
    assertThat(
            WindowService.awaitsConsentOf(
                intervention("CANCELLED", consent("lumiere", "PENDING")), "lumiere"))
        .isFalse();
  }

  @Test
  void aServerShowsItsWorstFiringAlert() {
    UUID web1 = UUID.randomUUID();
    UUID db1 = UUID.randomUUID();
    List<AlertView> alerts =
        List.of(
            alert(web1, "warning", "FIRING"),
            alert(web1, "critical", "FIRING"),
            alert(db1, "info", "FIRING"),
            alert(db1, "critical", "RESOLVED"));
    Map<String, String> worst = WindowService.worstPerServer(alerts);
    assertThat(worst)
        .containsEntry(web1.toString(), "critical")
        .containsEntry(db1.toString(), "info");
  }

  private static AlertView alert(UUID server, String severity, String state) {
    Instant at = Instant.parse("2026-11-30T02:14:00Z");
    return new AlertView(
        UUID.randomUUID(),
        "f",
        state,
        severity,
        "s",
        "t",
        server,
        null,
        Map.of(),
        at,
        at,
        null,
        null);
  }

  @Test
  void theWindowDrawsTheClientsVmsFirstThenTheirServers() {
    UUID web1 = UUID.randomUUID();
    UUID vm1 = UUID.randomUUID();
    UUID vm2 = UUID.randomUUID();
    List<WindowService.Machine> machines =
        WindowService.usageMachines(
            List.of(vm(vm1), vm(vm2)),
            List.of(
                new ServerView(
                    web1, "web1", "PAR-DC2", List.of(), "ACTIVE", null, List.of(), List.of())));
    assertThat(machines)
        .containsExactly(
            new WindowService.Machine(vm1, true),
            new WindowService.Machine(vm2, true),
            new WindowService.Machine(web1, false));
  }

  private static VirtualMachineView vm(UUID id) {
    return new VirtualMachineView(id, "vm", "VM", UUID.randomUUID(), "lumiere", 2, 4, 40, "Debian");
  }
}
