package io.vigie.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A value the services cannot run without, removed or wrong, stops the rendering and says why. */
class RequiredValuesTest {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "image.registry|''|image.registry is required",
        "kafka.bootstrapServers|''|kafka.bootstrapServers is required",
        "postgresql.host|''|postgresql.host is required",
        "keycloak.authServerUrl|''|keycloak.authServerUrl is required",
        "services.ticket-service.database.credentialsSecret|''|services.ticket-service.database.credentialsSecret is required",
        "services.dns-service.database.name|''|services.dns-service.database.name is required",
        "image.tag|latest|image.tag must be immutable",
        "image.tag|0.2.0-SNAPSHOT|image.tag must be immutable",
        "services.backup-service.image.digest|sha256:abc|services.backup-service.image.digest must be sha256:<64 hex digits>",
        "services.inventory-service.config.VIGIE_DB_PASSWORD|hunter2|looks like a secret",
        "services.inventory-service.config.vigie_lower|x|keys are environment variables",
        "topology.zones|null|topology.zones must list at least two zones",
        "services.monitoring-service.podDisruptionBudget.minAvailable|3|must be below its replicas",
        "serviceDefaults.autoscaling.maxReplicas|2|is below its replicas",
        "kafka.strimzi.minInsyncReplicas|1|kafka.strimzi.minInsyncReplicas must be at least 2",
        "kafka.strimzi.minInsyncReplicas|3|kafka.strimzi.minInsyncReplicas must be at least 2 and below replicationFactor",
        "kafka.strimzi.replicationFactor|4|kafka.strimzi.replicationFactor 4 exceeds the brokers",
        "postgresql.cloudnativepg.instances|4|postgresql.cloudnativepg.instances (4) must not exceed the zones",
        "postgresql.cloudnativepg.synchronous.number|3|postgresql.cloudnativepg.synchronous.number must be at least 1 and below instances",
        "postgresql.cloudnativepg.backup.destinationPath|''|postgresql.cloudnativepg.backup.destinationPath is required",
        "postgresql.cloudnativepg.backup.credentialsSecret|''|postgresql.cloudnativepg.backup.credentialsSecret is required",
        "keycloak.operator.host|''|keycloak.operator.host is required",
        "keycloak.operator.clientSecrets.vigie-agent|null|keycloak.operator.clientSecrets.vigie-agent is required",
        "postgresql.cloudnativepg.enabled|false|keycloak.operator needs postgresql.cloudnativepg",
        "ingress.domain|''|ingress.domain is required",
        "ingress.tls.acme.email|''|ingress.tls.acme.email is required",
      })
  void aMissingOrWrongValueFailsTheRenderingWithItsName(String key, String value, String message) {
    Object setting = value.equals("null") ? null : value;
    assertThatThrownBy(() -> Chart.production(java.util.Collections.singletonMap(key, setting)))
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"services.backup-service.image.digest"})
  void aDigestPinsTheImage(String key) {
    String digest = "sha256:" + "ab".repeat(32);
    var rendered = Chart.production(Map.of(key, digest));
    org.assertj.core.api.Assertions.assertThat(
            rendered
                .named("Deployment", "backup-service")
                .at("/spec/template/spec/containers/0/image")
                .asText())
        .endsWith("/backup-service@" + digest);
  }
}
