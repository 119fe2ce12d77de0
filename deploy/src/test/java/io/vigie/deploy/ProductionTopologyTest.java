package io.vigie.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The production values: three Paris datacenters, each a zone, and the Prometheus Operator. */
class ProductionTopologyTest {

  static final List<String> DATACENTERS = List.of("paris-dc2", "paris-dc3", "paris-dc5");

  private final Chart.Rendered production = Chart.environment("production");

  @Test
  void everyServiceRunsAtLeastThreeReplicasSpreadOverTheThreeDatacenters() {
    for (String service : ChartTest.SERVICES) {
      Deployment deployment =
          (Deployment) StrictModel.read(production.named("Deployment", service));
      HorizontalPodAutoscaler autoscaler =
          (HorizontalPodAutoscaler)
              StrictModel.read(production.named("HorizontalPodAutoscaler", service));
      PodSpec pod = deployment.getSpec().getTemplate().getSpec();

      assertThat(autoscaler.getSpec().getMinReplicas()).as(service).isGreaterThanOrEqualTo(3);
      assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(service);
      // the autoscaler owns the replica count: Argo CD must not reset it at every sync
      assertThat(deployment.getSpec().getReplicas()).as(service).isNull();

      TopologySpreadConstraint zones =
          pod.getTopologySpreadConstraints().stream()
              .filter(c -> c.getTopologyKey().equals("topology.kubernetes.io/zone"))
              .findFirst()
              .orElseThrow();
      assertThat(zones.getWhenUnsatisfiable()).as(service).isEqualTo("DoNotSchedule");
      assertThat(zones.getMaxSkew()).isEqualTo(1);
      assertThat(zones.getLabelSelector().getMatchLabels())
          .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());

      NodeSelectorRequirement placement =
          pod.getAffinity()
              .getNodeAffinity()
              .getRequiredDuringSchedulingIgnoredDuringExecution()
              .getNodeSelectorTerms()
              .get(0)
              .getMatchExpressions()
              .get(0);
      assertThat(placement.getKey()).isEqualTo("topology.kubernetes.io/zone");
      assertThat(placement.getValues()).containsExactlyElementsOf(DATACENTERS);
    }
  }

  @Test
  void disruptionBudgetsLetOneNodeDrainButNeverTheLastTwoReplicas() {
    for (String service : ChartTest.SERVICES) {
      PodDisruptionBudget budget =
          (PodDisruptionBudget) StrictModel.read(production.named("PodDisruptionBudget", service));
      assertThat(budget.getSpec().getMinAvailable().getIntVal()).as(service).isEqualTo(2);
    }
  }

  @Test
  void prometheusOperatorObjectsComeOnlyWithTheFlag() {
    assertThat(production.ofKind("ServiceMonitor")).hasSize(ChartTest.SERVICES.size());
    for (String service : ChartTest.SERVICES) {
      ServiceMonitor monitor =
          (ServiceMonitor) StrictModel.read(production.named("ServiceMonitor", service));
      assertThat(monitor.getSpec().getEndpoints().get(0).getPath()).isEqualTo("/q/metrics");
      assertThat(monitor.getSpec().getEndpoints().get(0).getPort()).isEqualTo("http");
      assertThat(monitor.getMetadata().getLabels())
          .containsEntry("release", "kube-prometheus-stack");
    }
    PrometheusRule rules =
        (PrometheusRule) StrictModel.read(production.named("PrometheusRule", "vigie"));
    assertThat(rules.getSpec().getGroups()).isNotEmpty();

    Chart.Rendered dev = Chart.environment("dev");
    assertThat(dev.ofKind("ServiceMonitor")).isEmpty();
    assertThat(dev.ofKind("PrometheusRule")).isEmpty();
    assertThat(Chart.defaults().ofKind("ServiceMonitor")).isEmpty();
  }
}
