package io.vigie.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each service reaches only what it must, and only the ingress controller and Prometheus reach it.
 */
class NetworkPolicyTest {

  private final Chart.Rendered production = Chart.environment("production");

  private NetworkPolicy policy(String service) {
    return (NetworkPolicy) StrictModel.read(production.named("NetworkPolicy", service));
  }

  @Test
  void everyPolicySelectsItsOwnPodsAndRestrictsBothDirections() {
    for (String service : ChartTest.SERVICES) {
      NetworkPolicy policy = policy(service);
      assertThat(policy.getSpec().getPodSelector().getMatchLabels())
          .isEqualTo(
              Map.of("app.kubernetes.io/name", service, "app.kubernetes.io/instance", "vigie"));
      assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    }
  }

  @Test
  void onlyTheHttpPortIsOpenAndOnlyToTheIngressControllerAndPrometheus() {
    for (String service : ChartTest.SERVICES) {
      List<NetworkPolicyIngressRule> ingress = policy(service).getSpec().getIngress();
      assertThat(ingress).hasSize(1);
      assertThat(ingress.get(0).getPorts())
          .extracting(port -> port.getPort().getStrVal())
          .containsExactly("http");
      assertThat(ingress.get(0).getFrom())
          .as(service)
          .allSatisfy(
              peer -> {
                assertThat(peer.getIpBlock()).isNull();
                assertThat(peer.getNamespaceSelector().getMatchLabels().values())
                    .containsAnyOf("ingress-nginx", "monitoring");
              });
    }
  }

  @Test
  void egressGoesToDnsPostgresqlKafkaKeycloakAndTheTraceCollectorOnTheirPortsOnly() {
    for (String service : List.of("inventory-service", "ticket-service", "backup-service")) {
      List<NetworkPolicyEgressRule> egress = policy(service).getSpec().getEgress();
      assertThat(egress).as(service).hasSize(5);
      assertThat(egress)
          .flatExtracting(NetworkPolicyEgressRule::getTo)
          .extracting(NetworkPolicyPeer::getIpBlock)
          .as(service + ": no address block")
          .containsOnlyNulls();
      assertThat(ports(egress.get(0))).containsExactlyInAnyOrder(53);
      assertThat(peer(egress.get(0))).containsEntry("k8s-app", "kube-dns");
      assertThat(ports(egress.get(1))).containsExactly(5432);
      assertThat(peer(egress.get(1))).containsEntry("cnpg.io/podRole", "instance");
      assertThat(ports(egress.get(2))).containsExactlyInAnyOrder(9092, 9093);
      assertThat(peer(egress.get(2))).containsEntry("strimzi.io/kind", "Kafka");
      assertThat(ports(egress.get(3))).containsExactlyInAnyOrder(8080, 8443);
      assertThat(peer(egress.get(3))).containsEntry("app", "keycloak");
      assertThat(ports(egress.get(4))).containsExactly(4318);
      assertThat(peer(egress.get(4)))
          .containsEntry("app.kubernetes.io/name", "opentelemetry-collector");
    }
  }

  @Test
  void onlyTheServicesThatLeaveTheClusterGetAnAddressBlockAndDnsServiceOnlyItsPorts() {
    assertThat(policy("monitoring-service").getSpec().getEgress()).hasSize(6);
    List<NetworkPolicyEgressRule> dns = policy("dns-service").getSpec().getEgress();
    assertThat(dns).hasSize(6);
    assertThat(ports(dns.get(5))).containsExactlyInAnyOrder(53, 8081);
  }

  private static Set<Integer> ports(NetworkPolicyEgressRule rule) {
    return rule.getPorts().stream()
        .map(NetworkPolicyPort::getPort)
        .map(port -> port.getIntVal())
        .collect(Collectors.toSet());
  }

  private static Map<String, String> peer(NetworkPolicyEgressRule rule) {
    return rule.getTo().get(0).getPodSelector().getMatchLabels();
  }
}
