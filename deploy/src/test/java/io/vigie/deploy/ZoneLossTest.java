package io.vigie.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The loss of one datacenter, computed from the rendered production objects: for every replica
 * count the autoscaler may reach, the pods the scheduler may place (the zone spread's maxSkew over
 * the zones the pods are pinned to) minus the most one zone can hold must still meet the
 * PodDisruptionBudget's minimum; and Kafka and PostgreSQL keep a quorum, computed from the rendered
 * Strimzi and CloudNativePG objects.
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

  /**
   * Kafka after losing any one zone, from the rendered Strimzi objects: the KRaft controllers left
   * (node pools pinned to the other zones) are still a majority of all controllers, and every
   * topic's partitions keep at least min.insync.replicas replicas, so producers with acks=all go on
   * and every acknowledged write still has a copy. Rack awareness places a partition's replicas
   * over the zones that hold brokers round-robin, so one zone holds at most ceil(RF / zones).
   */
  @Test
  void losingAnyOneDatacenterLeavesKafkaAQuorumAndEveryTopicWritable() {
    Chart.Rendered production = Chart.environment("production");
    ObjectNode kafka = production.ofKind("Kafka").get(0);
    assertThat(kafka.at("/spec/kafka/rack/topologyKey").asText())
        .isEqualTo("topology.kubernetes.io/zone");
    JsonNode config = kafka.at("/spec/kafka/config");
    assertThat(config.path("unclean.leader.election.enable").asBoolean(false)).isFalse();
    Map<String, Integer> controllers = new TreeMap<>();
    Map<String, Integer> brokers = new TreeMap<>();
    for (ObjectNode pool : production.ofKind("KafkaNodePool")) {
      List<String> zones = new ArrayList<>();
      pool.at(
              "/spec/template/pod/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/0/values")
          .forEach(zone -> zones.add(zone.asText()));
      assertThat(zones).as("%s is pinned to one zone", pool.at("/metadata/name")).hasSize(1);
      int replicas = pool.at("/spec/replicas").asInt();
      for (JsonNode role : pool.at("/spec/roles")) {
        (role.asText().equals("controller") ? controllers : brokers)
            .merge(zones.get(0), replicas, Integer::sum);
      }
    }
    assertThat(brokers.keySet()).containsExactly("paris-dc2", "paris-dc3", "paris-dc5");
    int allControllers = controllers.values().stream().mapToInt(Integer::intValue).sum();

    for (String lost : brokers.keySet()) {
      int controllersLeft = allControllers - controllers.getOrDefault(lost, 0);
      assertThat(controllersLeft)
          .as("KRaft controllers left after losing %s, of %d", lost, allControllers)
          .isGreaterThan(allControllers / 2);
      for (ObjectNode topic : production.ofKind("KafkaTopic")) {
        int replicationFactor = topic.at("/spec/replicas").asInt();
        int minInSync =
            topic
                .at("/spec/config/min.insync.replicas")
                .asInt(config.path("min.insync.replicas").asInt(1));
        int mostInOneZone = ceilDiv(replicationFactor, brokers.size());
        String name = topic.at("/spec/topicName").asText();
        assertThat(replicationFactor - mostInOneZone)
            .as(
                "%s: in-sync replicas left after losing %s (min.insync.replicas %d)",
                name, lost, minInSync)
            .isGreaterThanOrEqualTo(minInSync);
        assertThat(minInSync)
            .as("%s: an acknowledged write is on more replicas than one zone holds", name)
            .isGreaterThan(mostInOneZone);
      }
    }
    for (String internal :
        List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor")) {
      assertThat(config.path(internal).asInt()).as(internal).isEqualTo(3);
    }
  }

  /**
   * PostgreSQL after losing any one zone, from the rendered CloudNativePG Cluster: with one
   * instance per zone (required anti-affinity on the zone), the instances left can still form a
   * primary and the synchronous standbys a commit waits for, and every acknowledged commit (on the
   * primary and `number` standbys) survives on an instance left.
   */
  @Test
  void losingAnyOneDatacenterLeavesPostgresqlASynchronousQuorum() {
    Chart.Rendered production = Chart.environment("production");
    ObjectNode cluster = production.ofKind("Cluster").get(0);
    JsonNode affinity = cluster.at("/spec/affinity");
    assertThat(affinity.path("enablePodAntiAffinity").asBoolean()).isTrue();
    assertThat(affinity.path("podAntiAffinityType").asText()).isEqualTo("required");
    assertThat(affinity.path("topologyKey").asText()).isEqualTo("topology.kubernetes.io/zone");
    List<String> zones = new ArrayList<>();
    affinity
        .at(
            "/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/0/values")
        .forEach(zone -> zones.add(zone.asText()));
    int instances = cluster.at("/spec/instances").asInt();
    assertThat(instances).isLessThanOrEqualTo(zones.size());
    JsonNode synchronous = cluster.at("/spec/postgresql/synchronous");
    assertThat(synchronous.path("method").asText()).isEqualTo("any");
    assertThat(synchronous.path("dataDurability").asText()).isEqualTo("required");
    assertThat(synchronous.path("failoverQuorum").asBoolean()).isTrue();
    int syncStandbys = synchronous.path("number").asInt();
    int mostInOneZone = 1; // required anti-affinity on the zone key

    for (String lost : zones) {
      int left = instances - mostInOneZone;
      assertThat(left)
          .as(
              "instances left after losing %s: a primary and %d synchronous standbys",
              lost, syncStandbys)
          .isGreaterThanOrEqualTo(1 + syncStandbys);
      assertThat(1 + syncStandbys)
          .as("copies of an acknowledged commit, more than one zone holds")
          .isGreaterThan(mostInOneZone);
    }
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
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
