package io.vigie.ticket.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.ticket.intervention.AffectedClients.Guest;
import io.vigie.ticket.intervention.AffectedClients.Parts;
import io.vigie.ticket.intervention.AffectedClients.Service;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who is asked, and what each sees: hypervisor HV carries lumiere's container CT (its shop runs on
 * it) and saint-roch's database directly; server DB2 carries only saint-roch's database replica.
 */
class AffectedClientsTest {

  static final UUID HV = UUID.randomUUID();
  static final UUID DB2 = UUID.randomUUID();
  static final UUID OTHER = UUID.randomUUID();
  static final UUID CT = UUID.randomUUID();
  static final UUID SHOP = UUID.randomUUID();
  static final UUID BASE = UUID.randomUUID();
  static final UUID BLOG = UUID.randomUUID();

  static final List<Guest> GUESTS = List.of(new Guest(CT, HV, "lumiere"));
  static final List<Service> SERVICES =
      List.of(
          new Service(SHOP, "lumiere", Set.of(), Set.of(CT)),
          new Service(BASE, "saint-roch", Set.of(HV, DB2), Set.of()),
          new Service(BLOG, "quai", Set.of(OTHER), Set.of()));

  @Test
  void aHypervisorConcernsEveryClientWhoseGuestOrServiceRunsOnIt() {
    Map<String, Parts> affected =
        AffectedClients.of(Set.of(HV), Set.of(), Set.of(), GUESTS, SERVICES);
    assertThat(affected).containsOnlyKeys("lumiere", "saint-roch");
    assertThat(affected.get("lumiere").servers()).containsExactly(HV);
    assertThat(affected.get("lumiere").services()).containsExactly(SHOP);
    assertThat(affected.get("lumiere").guests()).isEmpty(); // not named, only its host
    assertThat(affected.get("saint-roch").servers()).containsExactly(HV);
    assertThat(affected.get("saint-roch").services()).containsExactly(BASE);
    // monitoring silences the server and what runs on it: no extra hosted service to name
    assertThat(AffectedClients.covered(Set.of(), Set.of(), SERVICES)).isEmpty();
  }

  @Test
  void aNamedVmConcernsItsClientAndCoversTheServicesOnIt() {
    Map<String, Parts> affected =
        AffectedClients.of(Set.of(), Set.of(CT), Set.of(), GUESTS, SERVICES);
    assertThat(affected).containsOnlyKeys("lumiere");
    assertThat(affected.get("lumiere").guests()).containsExactly(CT);
    assertThat(affected.get("lumiere").servers()).isEmpty();
    assertThat(affected.get("lumiere").services()).containsExactly(SHOP);
    assertThat(AffectedClients.covered(Set.of(CT), Set.of(), SERVICES)).containsExactly(SHOP);
  }

  @Test
  void aNamedServiceConcernsOnlyItsOwner() {
    Map<String, Parts> affected =
        AffectedClients.of(Set.of(DB2), Set.of(), Set.of(BLOG), GUESTS, SERVICES);
    assertThat(affected).containsOnlyKeys("quai", "saint-roch");
    assertThat(affected.get("quai").services()).containsExactly(BLOG);
    assertThat(affected.get("quai").servers()).isEmpty();
    assertThat(affected.get("saint-roch").servers()).containsExactly(DB2);
    assertThat(AffectedClients.covered(Set.of(), Set.of(BLOG), SERVICES)).containsExactly(BLOG);
  }

  @Test
  void aServerCarryingNoClientConcernsNobody() {
    assertThat(AffectedClients.of(Set.of(UUID.randomUUID()), Set.of(), Set.of(), GUESTS, SERVICES))
        .isEmpty();
  }
}
