package io.vigie.inventory.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.events.inventory.ServerStatus;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {

  @Test
  void aServerGoesLiveThroughMaintenanceAndIsRetiredForGood() {
    assertThat(ServerLifecycle.allows(ServerStatus.PLANNED, ServerStatus.ACTIVE)).isTrue();
    assertThat(ServerLifecycle.allows(ServerStatus.ACTIVE, ServerStatus.MAINTENANCE)).isTrue();
    assertThat(ServerLifecycle.allows(ServerStatus.MAINTENANCE, ServerStatus.ACTIVE)).isTrue();
    assertThat(ServerLifecycle.allows(ServerStatus.MAINTENANCE, ServerStatus.DECOMMISSIONED))
        .isTrue();
    assertThat(ServerLifecycle.allows(ServerStatus.PLANNED, ServerStatus.DECOMMISSIONED)).isTrue();
  }

  @Test
  void forbiddenMoves() {
    assertThat(ServerLifecycle.allows(ServerStatus.PLANNED, ServerStatus.MAINTENANCE)).isFalse();
    assertThat(ServerLifecycle.allows(ServerStatus.ACTIVE, ServerStatus.PLANNED)).isFalse();
    assertThat(ServerLifecycle.allows(ServerStatus.ACTIVE, ServerStatus.ACTIVE)).isFalse();
    for (ServerStatus to : ServerStatus.values()) {
      assertThat(ServerLifecycle.allows(ServerStatus.DECOMMISSIONED, to)).isFalse();
    }
    assertThat(ServerLifecycle.next(ServerStatus.DECOMMISSIONED)).isEmpty();
  }

  @Test
  void onlyPlannedAndActiveHostsTakeNewGuests() {
    assertThat(ServerLifecycle.canHostNewGuests(ServerStatus.PLANNED)).isTrue();
    assertThat(ServerLifecycle.canHostNewGuests(ServerStatus.ACTIVE)).isTrue();
    assertThat(ServerLifecycle.canHostNewGuests(ServerStatus.MAINTENANCE)).isFalse();
    assertThat(ServerLifecycle.canHostNewGuests(ServerStatus.DECOMMISSIONED)).isFalse();
  }
}
