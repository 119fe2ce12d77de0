package io.vigie.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operator resources (Strimzi, CloudNativePG, the Keycloak operator, cert-manager, Argo CD, the
 * Prometheus Operator) validated against each operator's own CRD schema, vendored with its version
 * under deploy/crds, and what they must say: every topic the suite uses, the realm without its
 * development people and secrets, TLS on every ingress host.
 */
class OperatorResourcesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Chart.Rendered> renderings() {
    return ChartTest.renderings();
  }

  @Test
  void theSixOperatorsCrdsAreVendoredWithTheirVersion() {
    assertThat(CrdSchemas.operators())
        .hasSize(6)
        .allMatch(operator -> operator.matches("[a-z-]+-\\d+\\.\\d+\\.\\d+"))
        .anyMatch(o -> o.startsWith("strimzi-"))
        .anyMatch(o -> o.startsWith("cloudnative-pg-"))
        .anyMatch(o -> o.startsWith("keycloak-"))
        .anyMatch(o -> o.startsWith("cert-manager-"))
        .anyMatch(o -> o.startsWith("argo-cd-"))
        .anyMatch(o -> o.startsWith("prometheus-operator-"));
    assertThat(CrdSchemas.definitions())
        .containsKeys(
            "kafka.strimzi.io/v1 Kafka",
            "kafka.strimzi.io/v1 KafkaNodePool",
            "kafka.strimzi.io/v1 KafkaTopic",
            "postgresql.cnpg.io/v1 Cluster",
            "postgresql.cnpg.io/v1 ScheduledBackup",
            "postgresql.cnpg.io/v1 Database",
            "k8s.keycloak.org/v2alpha1 Keycloak",
            "k8s.keycloak.org/v2alpha1 KeycloakRealmImport",
            "cert-manager.io/v1 Certificate",
            "cert-manager.io/v1 Issuer",
            "argoproj.io/v1alpha1 ApplicationSet",
            "argoproj.io/v1alpha1 AppProject",
            "monitoring.coreos.com/v1 ServiceMonitor",
            "monitoring.coreos.com/v1 PrometheusRule");
  }

  @Test
  void theSchemasRefuseWhatTheOperatorsWouldRefuse() {
    Chart.Rendered production = Chart.environment("production");

    ObjectNode kafka = production.ofKind("Kafka").get(0).deepCopy();
    kafka.withObjectProperty("spec").withObjectProperty("kafka").put("replicas", 3);
    assertThat(CrdSchemas.errors(kafka)).anyMatch(e -> e.contains("replicas"));

    ObjectNode topic = production.ofKind("KafkaTopic").get(0).deepCopy();
    topic.withObjectProperty("spec").put("partitions", "twelve");
    assertThat(CrdSchemas.errors(topic)).anyMatch(e -> e.contains("partitions"));

    ObjectNode cluster = production.ofKind("Cluster").get(0).deepCopy();
    cluster
        .withObjectProperty("spec")
        .withObjectProperty("postgresql")
        .withObjectProperty("synchronous")
        .put("method", "all");
    assertThat(CrdSchemas.errors(cluster)).anyMatch(e -> e.contains("method"));

    ObjectNode certificate = production.ofKind("Certificate").get(0).deepCopy();
    certificate.withObjectProperty("spec").remove("issuerRef");
    assertThat(CrdSchemas.errors(certificate)).anyMatch(e -> e.contains("issuerRef"));

    ObjectNode realm = production.ofKind("KeycloakRealmImport").get(0).deepCopy();
    realm
        .withObjectProperty("spec")
        .withObjectProperty("realm")
        .put("accessTokenLifespan", "half an hour");
    assertThat(CrdSchemas.errors(realm)).anyMatch(e -> e.contains("accessTokenLifespan"));

    ObjectNode monitor = production.ofKind("ServiceMonitor").get(0).deepCopy();
    monitor.withObjectProperty("spec").put("scrapeEvery", "30s");
    assertThatThrownBy(() -> CrdSchemas.validate(monitor))
        .hasMessageContaining("scrapeEvery")
        .hasMessageContaining("prometheus-operator-");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void everyOperatorObjectValidatesAgainstItsOperatorsSchema(Chart.Rendered rendered) {
    int validated = 0;
    for (ObjectNode object : rendered.objects()) {
      String group = object.path("apiVersion").asText().split("/")[0];
      boolean kubernetes = !group.contains(".") || group.endsWith(".k8s.io");
      if (!kubernetes) {
        assertThat(CrdSchemas.covers(object))
            .as("%s: no vendored CRD for %s", rendered, CrdSchemas.key(object))
            .isTrue();
        CrdSchemas.validate(object);
        validated++;
      }
    }
    if (rendered.name().equals("recette") || rendered.name().equals("production")) {
      assertThat(validated).as(rendered + ": operator objects").isGreaterThan(20);
    }
  }

  @Test
  void theGitOpsObjectsValidateAgainstArgoCdsSchema() throws IOException {
    Path gitops = Repository.root().resolve("deploy/gitops");
    List<JsonNode> objects = new ArrayList<>();
    for (String file : List.of("applicationset.yaml", "project.yaml")) {
      try (var parser = new YAMLFactory().createParser(gitops.resolve(file).toFile())) {
        objects.addAll(YAML.readValues(parser, JsonNode.class).readAll());
      }
    }
    assertThat(objects)
        .extracting(o -> o.path("kind").asText())
        .contains("ApplicationSet", "AppProject");
    objects.forEach(CrdSchemas::validate);
  }

  @Test
  void everyTopicTheSuiteUsesIsAKafkaTopicWithThreeReplicasAndTwoInSync() throws IOException {
    Chart.Rendered production = Chart.environment("production");
    Set<String> rendered = new TreeSet<>();
    for (ObjectNode topic : production.ofKind("KafkaTopic")) {
      rendered.add(topic.at("/spec/topicName").asText());
      assertThat(topic.at("/spec/replicas").asInt()).as(topic.toString()).isEqualTo(3);
      assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
      assertThat(topic.at("/spec/partitions").asInt()).isPositive();
      assertThat(topic.at("/spec/config/retention.ms").asLong()).isPositive();
      assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText())
          .isEqualTo(production.ofKind("Kafka").get(0).at("/metadata/name").asText());
    }
    assertThat(rendered).containsAll(topicsTheSuiteUses());
    // a consumer group can spread over as many pods as the autoscaler may run
    int maxReplicas =
        production.ofKind("HorizontalPodAutoscaler").stream()
            .mapToInt(h -> h.at("/spec/maxReplicas").asInt())
            .max()
            .orElseThrow();
    for (ObjectNode topic : production.ofKind("KafkaTopic")) {
      if (topic.at("/spec/topicName").asText().endsWith(".events")) {
        assertThat(topic.at("/spec/partitions").asInt()).isGreaterThanOrEqualTo(maxReplicas);
      }
    }
  }

  /** platform/events' TOPIC constants and every topic the services' configuration names. */
  static Set<String> topicsTheSuiteUses() throws IOException {
    Set<String> topics = new TreeSet<>();
    Pattern constant = Pattern.compile("String TOPIC = \"([^\"]+)\"");
    try (Stream<Path> sources = Files.walk(Repository.root().resolve("platform/events/src/main"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher matcher = constant.matcher(Files.readString(source));
        while (matcher.find()) {
          topics.add(matcher.group(1));
        }
      }
    }
    Pattern configured =
        Pattern.compile("(?m)^mp\\.messaging\\.(?:incoming|outgoing)\\.[^=]*topic=(.+)$");
    for (String service : ChartTest.SERVICES) {
      Path properties =
          Repository.root().resolve(service).resolve("src/main/resources/application.properties");
      Matcher matcher = configured.matcher(Files.readString(properties));
      while (matcher.find()) {
        topics.add(matcher.group(1).trim());
      }
    }
    assertThat(topics).hasSizeGreaterThan(5);
    return topics;
  }

  @Test
  void theRealmIsImportedWithoutTheDevelopmentPeopleOrAnyClientSecret() throws IOException {
    Path realmFile = Repository.root().resolve("deploy/keycloak/vigie-realm.json");
    assertThat(Repository.chart().resolve("files/vigie-realm.json"))
        .as("the chart's copy of deploy/keycloak/vigie-realm.json")
        .hasSameTextualContentAs(realmFile);
    JsonNode source = JSON.readTree(realmFile.toFile());
    ObjectNode production = Chart.environment("production").ofKind("KeycloakRealmImport").get(0);
    JsonNode realm = production.at("/spec/realm");

    assertThat(realm.path("realm").asText()).isEqualTo(source.path("realm").asText());
    assertThat(realm.path("roles")).isEqualTo(source.path("roles"));
    assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
    assertThat(realm.path("users"))
        .isNotEmpty()
        .allSatisfy(user -> assertThat(user.has("serviceAccountClientId")).isTrue())
        .allSatisfy(user -> assertThat(user.path("credentials")).isEmpty());
    assertThat(realm.path("clients")).hasSameSizeAs(source.path("clients"));
    for (JsonNode client : realm.path("clients")) {
      if (client.has("secret")) {
        String placeholder = client.path("secret").asText();
        assertThat(placeholder).matches("\\$\\{CLIENT_SECRET_[A-Z_]+}");
        String name = placeholder.substring(2, placeholder.length() - 1);
        assertThat(production.at("/spec/placeholders/" + name + "/secret/name").asText())
            .isNotBlank();
      }
    }
    assertThat(production.toString()).doesNotContain("dev-secret");
  }

  @Test
  void everyIngressHostIsServedWithACertificateFromAnIssuerInItsNamespace() {
    Chart.Rendered production = Chart.environment("production");
    List<ObjectNode> ingresses = production.ofKind("Ingress");
    assertThat(ingresses).hasSize(2);
    Set<String> hosts = new TreeSet<>();
    for (ObjectNode ingress : ingresses) {
      String namespace = ingress.at("/metadata/namespace").asText();
      JsonNode tls = ingress.at("/spec/tls/0");
      ObjectNode certificate =
          production.ofKind("Certificate").stream()
              .filter(c -> c.at("/metadata/namespace").asText().equals(namespace))
              .filter(c -> c.at("/spec/secretName").equals(tls.path("secretName")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no Certificate for " + ingress));
      assertThat(
              production.ofKind("Issuer").stream()
                  .anyMatch(
                      i ->
                          i.at("/metadata/namespace").asText().equals(namespace)
                              && i.at("/metadata/name")
                                  .equals(certificate.at("/spec/issuerRef/name"))))
          .as("Issuer for " + certificate.at("/metadata/name"))
          .isTrue();
      for (JsonNode rule : ingress.at("/spec/rules")) {
        String host = rule.path("host").asText();
        hosts.add(host);
        assertThat(tls.path("hosts").toString()).contains('"' + host + '"');
        assertThat(certificate.at("/spec/dnsNames").toString()).contains('"' + host + '"');
      }
    }
    assertThat(hosts)
        .contains(
            "inventory.vigie.hoster-demo.net",
            "monitoring.vigie.hoster-demo.net",
            "ticket.vigie.hoster-demo.net",
            "backup.vigie.hoster-demo.net",
            "dns.vigie.hoster-demo.net",
            "login.hoster-demo.net");
  }

  @Test
  void theServicesReachKeycloakInsideTheClusterAndTokensNameThePublicIssuer() {
    Chart.Rendered production = Chart.environment("production");
    ObjectNode keycloak = production.ofKind("Keycloak").get(0);
    String internal =
        "http://"
            + keycloak.at("/metadata/name").asText()
            + "-service."
            + keycloak.at("/metadata/namespace").asText()
            + ":8080/realms/vigie";
    for (String service : ChartTest.SERVICES) {
      assertThat(
              production
                  .named("ConfigMap", service)
                  .at("/data/QUARKUS_OIDC_AUTH_SERVER_URL")
                  .asText())
          .as(service)
          .isEqualTo(internal);
    }
    assertThat(keycloak.at("/spec/hostname/hostname").asText())
        .isEqualTo("https://login.hoster-demo.net");
    assertThat(keycloak.at("/spec/hostname/backchannelDynamic").asBoolean()).isTrue();
  }

  @Test
  void infrastructureSyncsBeforeTheServices() {
    Chart.Rendered production = Chart.environment("production");
    List<String> infrastructure =
        List.of(
            "Kafka",
            "KafkaNodePool",
            "KafkaTopic",
            "Cluster",
            "ScheduledBackup",
            "Database",
            "Keycloak",
            "KeycloakRealmImport");
    for (String kind : infrastructure) {
      assertThat(production.ofKind(kind)).as(kind).isNotEmpty();
      for (ObjectNode object : production.ofKind(kind)) {
        assertThat(object.at("/metadata/namespace").asText()).as(kind).isEqualTo("vigie-infra");
      }
    }
    for (String kind :
        Stream.concat(infrastructure.stream(), Stream.of("Issuer", "Certificate")).toList()) {
      for (ObjectNode object : production.ofKind(kind)) {
        assertThat(object.at("/metadata/annotations/argocd.argoproj.io~1sync-wave").asInt())
            .as(kind)
            .isNegative();
      }
    }
    for (ObjectNode deployment : production.ofKind("Deployment")) {
      assertThat(deployment.at("/metadata/annotations/argocd.argoproj.io~1sync-wave").asInt(0))
          .isZero();
    }
  }
}
