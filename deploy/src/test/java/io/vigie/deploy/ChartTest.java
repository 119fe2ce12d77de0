package io.vigie.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rendering of the chart (its defaults, each environment) and the policy it must keep. */
class ChartTest {

  static final Set<String> SERVICES =
      Set.of(
          "inventory-service",
          "monitoring-service",
          "ticket-service",
          "backup-service",
          "dns-service");

  private static final Pattern SECRET_LOOKING =
      Pattern.compile("(?i)(password|secret|token|credential|private.?key)");

  static Stream<Chart.Rendered> renderings() {
    return Stream.concat(
        Stream.of(Chart.defaults()), Chart.ENVIRONMENTS.stream().map(Chart::environment));
  }

  @Test
  void lintsStrictlyWithoutAWarning() {
    LintResult lint = new Helm(Repository.chart()).lint().strict().call();

    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    assertThat(lint.getMessages())
        .noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void everyObjectReadsStrictlyAsItsKubernetesType(Chart.Rendered rendered) {
    rendered.write();

    assertThat(rendered.objects()).isNotEmpty();
    for (ObjectNode object : rendered.objects()) {
      // operator kinds fabric8 has no model for are checked against their CRD
      // (OperatorResourcesTest); the Prometheus Operator's are checked both ways
      if (!CrdSchemas.covers(object)
          || object.path("apiVersion").asText().startsWith("monitoring.coreos.com/")) {
        StrictModel.read(object);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void everyServiceHasItsWholeSetOfObjects(Chart.Rendered rendered) {
    assertThat(rendered.deploymentNames()).containsExactlyInAnyOrderElementsOf(SERVICES);
    for (String service : SERVICES) {
      for (String kind :
          List.of(
              "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget", "NetworkPolicy")) {
        assertThat(rendered.named(kind, service)).as(kind + " " + service).isNotNull();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void podsRunLockedDownWithProbesAndResources(Chart.Rendered rendered) {
    for (ObjectNode object : rendered.ofKind("Deployment")) {
      Deployment deployment = (Deployment) StrictModel.read(object);
      String name = deployment.getMetadata().getName();
      PodSpec pod = deployment.getSpec().getTemplate().getSpec();

      assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
      assertThat(pod.getSecurityContext().getSeccompProfile().getType())
          .as(name)
          .isEqualTo("RuntimeDefault");
      assertThat(pod.getAutomountServiceAccountToken()).as(name).isFalse();
      assertThat(pod.getServiceAccountName()).isEqualTo(name);
      assertThat(pod.getContainers()).hasSize(1);
      Container container = pod.getContainers().get(0);
      assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
      assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
      assertThat(container.getSecurityContext().getCapabilities().getDrop())
          .as(name)
          .containsExactly("ALL");
      assertThat(container.getSecurityContext().getCapabilities().getAdd()).as(name).isEmpty();

      assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
      assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
      assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");

      assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
      assertThat(container.getResources().getLimits()).as(name).containsKeys("cpu", "memory");

      assertThat(container.getImage())
          .as(name)
          .doesNotEndWith(":latest")
          .doesNotContain("SNAPSHOT")
          .matches(".+/" + name + "(@sha256:[0-9a-f]{64}|:[A-Za-z0-9._-]+)");

      for (EnvVar env : container.getEnv()) {
        if (SECRET_LOOKING.matcher(env.getName()).find()) {
          assertThat(env.getValue()).as(name + " " + env.getName() + " inline").isNull();
          assertThat(env.getValueFrom().getSecretKeyRef())
              .as(name + " " + env.getName())
              .isNotNull();
        }
      }
      assertThat(container.getEnv())
          .extracting(EnvVar::getName)
          .contains("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void noSecretIsWrittenIntoTheManifests(Chart.Rendered rendered) {
    assertThat(rendered.ofKind("Secret")).isEmpty();
    for (ObjectNode object : rendered.ofKind("ConfigMap")) {
      ConfigMap config = (ConfigMap) StrictModel.read(object);
      assertThat(config.getData().keySet())
          .as(config.getMetadata().getName())
          .noneMatch(key -> SECRET_LOOKING.matcher(key).find());
      assertThat(config.getData().values())
          .as(config.getMetadata().getName() + ": a URL with credentials in it")
          .noneMatch(value -> value.matches(".*://[^/@]+:[^/@]+@.*"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void servicesReadTheConfigurationKeysTheyAlreadyRead(Chart.Rendered rendered) {
    for (String service : SERVICES) {
      JsonNode data = rendered.named("ConfigMap", service).path("data");
      assertThat(data.path("QUARKUS_DATASOURCE_REACTIVE_URL").asText())
          .startsWith("postgresql://")
          .endsWith("/" + service.replace("-service", ""));
      assertThat(data.path("QUARKUS_DATASOURCE_JDBC_URL").asText())
          .startsWith("jdbc:postgresql://");
      assertThat(data.path("KAFKA_BOOTSTRAP_SERVERS").asText()).isNotBlank();
      assertThat(data.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText()).contains("/realms/vigie");
      assertThat(data.path("QUARKUS_HTTP_PORT").asText()).isEqualTo("8080");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void tracesAreExportedOnlyWhereACollectorIsConfigured(Chart.Rendered rendered) {
    boolean traced = rendered.name().equals("production");
    for (String service : SERVICES) {
      JsonNode data = rendered.named("ConfigMap", service).path("data");
      String egress = rendered.named("NetworkPolicy", service).at("/spec/egress").toString();
      if (traced) {
        assertThat(data.path("QUARKUS_OTEL_SDK_DISABLED").asText()).isEqualTo("false");
        assertThat(data.path("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT").asText())
            .startsWith("http");
        assertThat(data.path("QUARKUS_OTEL_TRACES_SAMPLER").asText())
            .isEqualTo("parentbased_traceidratio");
        assertThat(egress).contains("\"port\":4318");
      } else {
        // the kit's default (quarkus.otel.sdk.disabled=true) holds: no exporter, no egress
        assertThat(data.has("QUARKUS_OTEL_SDK_DISABLED")).as(service).isFalse();
        assertThat(egress).doesNotContain("4318");
      }
    }
  }
}
