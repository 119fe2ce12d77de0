package io.vigie.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything a Vigie service test needs, with one annotation on any test class of the module:
 * {@code @QuarkusTestResource(VigieTestResources.class)}. Starts a real PostgreSQL and a real Kafka
 * broker once per JVM and points quarkus-oidc at {@link TestTokens}' key.
 */
public class VigieTestResources implements QuarkusTestResourceLifecycleManager {

  private final PostgresResource postgres = new PostgresResource();
  private final KafkaResource kafka = new KafkaResource();

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>();
    config.putAll(postgres.start());
    config.putAll(kafka.start());
    // a local public key replaces discovery: no OIDC server is contacted
    config.put("quarkus.oidc.auth-server-url", "");
    config.put("quarkus.oidc.public-key", TestTokens.publicKeyBase64());
    config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
    return config;
  }

  @Override
  public void stop() {
    postgres.stop();
    kafka.stop();
  }
}
