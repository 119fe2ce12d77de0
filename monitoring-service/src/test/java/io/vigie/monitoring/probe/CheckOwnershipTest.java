package io.vigie.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CheckOwnershipTest {

  private static final List<String> THREE = List.of("monitoring-0", "monitoring-1", "monitoring-2");

  private static UUID id(int i) {
    return UUID.nameUUIDFromBytes(("check-" + i).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void withThreeReplicasEveryCheckHasExactlyOneOwnerAndTheyShareTheLoad() {
    Map<String, Integer> load = new HashMap<>();
    for (int i = 0; i < 3000; i++) {
      UUID check = id(i);
      long owners = THREE.stream().filter(r -> CheckOwnership.owns(r, check, THREE)).count();
      assertThat(owners).isEqualTo(1);
      load.merge(CheckOwnership.owner(check, THREE), 1, Integer::sum);
    }
    assertThat(load).hasSize(3);
    load.values().forEach(n -> assertThat(n).isBetween(850, 1150));
  }

  @Test
  void losingAReplicaMovesOnlyItsChecks() {
    List<String> two = List.of("monitoring-0", "monitoring-2");
    int moved = 0;
    for (int i = 0; i < 3000; i++) {
      UUID check = id(i);
      String before = CheckOwnership.owner(check, THREE);
      String after = CheckOwnership.owner(check, two);
      if (!before.equals("monitoring-1")) {
        assertThat(after).isEqualTo(before);
      } else {
        moved++;
        assertThat(after).isIn(two);
      }
    }
    assertThat(moved).isBetween(850, 1150);
  }

  @Test
  void aJoiningReplicaTakesChecksOnlyForItself() {
    List<String> four = List.of("monitoring-0", "monitoring-1", "monitoring-2", "monitoring-3");
    for (int i = 0; i < 3000; i++) {
      UUID check = id(i);
      String after = CheckOwnership.owner(check, four);
      if (!after.equals("monitoring-3")) {
        assertThat(after).isEqualTo(CheckOwnership.owner(check, THREE));
      }
    }
  }

  @Test
  void theOrderOfTheLiveListDoesNotMatterAndNoneLiveMeansNoOwner() {
    UUID check = id(42);
    assertThat(CheckOwnership.owner(check, List.of("b", "a", "c")))
        .isEqualTo(CheckOwnership.owner(check, List.of("c", "b", "a")));
    assertThat(CheckOwnership.owner(check, List.of())).isNull();
  }
}
