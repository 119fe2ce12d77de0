package io.vigie.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loss of one datacenter, computed from the rendered production objects: for every replica
 * count the autoscaler may reach, the pods the scheduler may place (the zone spread's maxSkew over
 * the zones the pods are pinned to) minus the most one zone can hold must still meet the
 * PodDisruptionBudget's minimum.
 */
class ZoneLossTest {

  @Test
  void losingAnyOneDatacenterLeavesEveryServiceItsDisruptionBudgetsMinimum() {
    Chart.Rendered production = Chart.environment("production");
    for (String service : ChartTest.SERVICES) {
      Deployment deployment =
          (Deployment) StrictModel.read(production.named("Deployment", service));
      HorizontalPodAutoscaler autoscaler =
          (HorizontalPodAutoscaler)
              StrictModel.read(production.named("HorizontalPodAutoscaler", service));
      PodDisruptionBudget budget =
          (PodDisruptionBudget) StrictModel.read(production.named("PodDisruptionBudget", service));
      PodSpec pod = deployment.getSpec().getTemplate().getSpec();
      List<String> zones =
          pod.getAffinity()
              .getNodeAffinity()
              .getRequiredDuringSchedulingIgnoredDuringExecution()
              .getNodeSelectorTerms()
              .get(0)
              .getMatchExpressions()
              .get(0)
              .getValues();
      TopologySpreadConstraint spread =
          pod.getTopologySpreadConstraints().stream()
              .filter(c -> c.getTopologyKey().equals("topology.kubernetes.io/zone"))
              .findFirst()
              .orElseThrow();
      assertThat(spread.getWhenUnsatisfiable()).isEqualTo("DoNotSchedule");
      int minAvailable = budget.getSpec().getMinAvailable().getIntVal();

      for (int replicas = autoscaler.getSpec().getMinReplicas();
          replicas <= autoscaler.getSpec().getMaxReplicas();
          replicas++) {
        for (String lost : zones) {
          int[] placed = worstPlacement(replicas, zones.size(), spread.getMaxSkew());
          int survivors = replicas - placed[zones.indexOf(lost)];
          assertThat(survivors)
              .as("%s at %d replicas after losing %s", service, replicas, lost)
              .isGreaterThanOrEqualTo(minAvailable)
              .isGreaterThanOrEqualTo(1);
        }
      }
    }
  }

  @Test
  void theWorstPlacementIsTheMostPodsTheSpreadAllowsInOneZone() {
    assertThat(worstPlacement(3, 3, 1)).containsExactly(1, 1, 1);
    assertThat(worstPlacement(4, 3, 1)).containsExactly(2, 1, 1);
    assertThat(worstPlacement(7, 3, 1)).containsExactly(3, 2, 2);
    assertThat(worstPlacement(3, 3, 2)).containsExactly(2, 1, 0);
  }

  /**
   * Pods placed one at a time, each into the fullest zone the spread still allows (the skew, the
   * fullest zone minus the emptiest, stays within maxSkew): what a scheduler could do at worst.
   */
  static int[] worstPlacement(int replicas, int zones, int maxSkew) {
    int[] placed = new int[zones];
    for (int pod = 0; pod < replicas; pod++) {
      int chosen = -1;
      for (int zone = 0; zone < zones; zone++) {
        placed[zone]++;
        int max = java.util.Arrays.stream(placed).max().orElseThrow();
        int min = java.util.Arrays.stream(placed).min().orElseThrow();
        placed[zone]--;
        if (max - min <= maxSkew && (chosen < 0 || placed[zone] > placed[chosen])) {
          chosen = zone;
        }
      }
      placed[chosen]++;
    }
    return placed;
  }
}
