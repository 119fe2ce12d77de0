package io.vigie.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * For every {@code *-service} module: its OpenAPI document as built is the one committed under
 * {@code docs/api}, keeps the conventions, and breaks no client unless acknowledged.
 *
 * <p>After an API change: {@code ./mvnw -pl <service>,contract-tests verify
 * -Dvigie.openapi.update=true} copies the built document over the committed one; commit it.
 */
class ServiceContractTest {

  static final Path REPOSITORY =
      Path.of(System.getProperty("vigie.repository", "..")).toAbsolutePath().normalize();
  static final ServiceDocuments DOCUMENTS = new ServiceDocuments(REPOSITORY);

  @Test
  void everyServiceModuleIsChecked() {
    assertThat(DOCUMENTS.services()).contains("inventory-service", "monitoring-service");
  }

  @TestFactory
  Stream<DynamicContainer> everyService() {
    return DOCUMENTS.services().stream()
        .map(
            service ->
                DynamicContainer.dynamicContainer(
                    service,
                    Stream.of(
                        DynamicTest.dynamicTest("built document is current", () -> built(service)),
                        DynamicTest.dynamicTest(
                            "no unacknowledged breaking change", () -> compatible(service)),
                        DynamicTest.dynamicTest(
                            "committed document is the built one", () -> committed(service)),
                        DynamicTest.dynamicTest("conventions", () -> conventions(service)))));
  }

  private static void built(String service) {
    Path built = DOCUMENTS.built(service);
    assertThat(built)
        .as("%s: build the service first (./mvnw -pl %s package)", built, service)
        .exists();
    assertThat(ServiceDocuments.modified(built))
        .as(
            "%s is older than %s's sources: build the service before contract-tests (keep"
                + " contract-tests after the services in the root pom's module list)",
            built, service)
        .isGreaterThanOrEqualTo(DOCUMENTS.newestSource(service));
  }

  private static void compatible(String service) throws IOException {
    Optional<JsonNode> baseline = DOCUMENTS.baseline(service);
    if (baseline.isEmpty()) {
      System.out.println(service + ": no baseline document (new service, or no git): not compared");
      return;
    }
    List<String> findings =
        OpenApiCompatibility.breakingChanges(
            baseline.get(), ServiceDocuments.read(DOCUMENTS.built(service)));
    Path acknowledgements = DOCUMENTS.acknowledgements(service);
    String acknowledged = Files.exists(acknowledgements) ? Files.readString(acknowledgements) : "";
    assertThat(OpenApiCompatibility.unacknowledged(findings, acknowledged))
        .as(
            "breaking changes for %s's clients; if intended, list each line in %s (and say what"
                + " clients must do)",
            service, REPOSITORY.relativize(acknowledgements))
        .isEmpty();
  }

  private static void committed(String service) throws IOException {
    Path built = DOCUMENTS.built(service);
    Path committed = DOCUMENTS.committed(service);
    if (Boolean.getBoolean("vigie.openapi.update")) {
      Files.createDirectories(committed.getParent());
      Files.copy(built, committed, StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(committed)
        .as("%s: no committed document; run with -Dvigie.openapi.update=true", service)
        .exists();
    assertThat(Files.readString(committed))
        .as(
            "%s differs from the built %s: run with -Dvigie.openapi.update=true and commit it",
            REPOSITORY.relativize(committed), REPOSITORY.relativize(built))
        .isEqualTo(Files.readString(built));
  }

  private static void conventions(String service) {
    assertThat(ApiConventions.violations(ServiceDocuments.read(DOCUMENTS.built(service))))
        .as("%s's OpenAPI document", service)
        .isEmpty();
  }
}
