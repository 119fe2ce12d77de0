package io.vigie.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The compatibility check itself, on deliberate changes to inventory's committed document. */
class OpenApiCompatibilityTest {

  private final JsonNode committed =
      ServiceDocuments.read(ServiceContractTest.DOCUMENTS.committed("inventory-service"));

  @Test
  void theSameDocumentBreaksNothing() {
    assertThat(OpenApiCompatibility.breakingChanges(committed, committed.deepCopy())).isEmpty();
  }

  @Test
  void aRemovedOperationIsBreaking() {
    ObjectNode changed = committed.deepCopy();
    ((ObjectNode) changed.path("paths").path("/api/v1/servers/{id}")).remove("get");

    assertThat(OpenApiCompatibility.breakingChanges(committed, changed))
        .containsExactly("removed operation GET /api/v1/servers/{id}");
  }

  @Test
  void aRemovedOrRetypedFieldIsBreaking() {
    ObjectNode changed = committed.deepCopy();
    ObjectNode properties =
        (ObjectNode)
            changed.path("components").path("schemas").path("ServerSnapshot").path("properties");
    properties.remove("hostname");
    properties.putObject("rackPosition").put("type", "string");

    assertThat(OpenApiCompatibility.breakingChanges(committed, changed))
        .containsExactlyInAnyOrder(
            "removed field ServerSnapshot.hostname",
            "changed type of field ServerSnapshot.rackPosition from integer to string");
  }

  @Test
  void aNewRequiredParameterOrFieldIsBreaking() {
    ObjectNode changed = committed.deepCopy();
    ((ArrayNode) changed.path("paths").path("/api/v1/servers/{id}").path("put").path("parameters"))
        .addObject()
        .put("name", "reason")
        .put("in", "query")
        .put("required", true);
    ((ArrayNode) changed.path("components").path("schemas").path("ServerRequest").path("required"))
        .add("vendor");

    assertThat(OpenApiCompatibility.breakingChanges(committed, changed))
        .containsExactlyInAnyOrder(
            "new required query parameter reason in PUT /api/v1/servers/{id}",
            "field became required ServerRequest.vendor");
  }

  @Test
  void aRemovedEnumValueIsBreaking() {
    ObjectNode changed = committed.deepCopy();
    ArrayNode values =
        (ArrayNode) changed.path("components").path("schemas").path("ServerStatus").path("enum");
    values.remove(values.size() - 1);

    assertThat(OpenApiCompatibility.breakingChanges(committed, changed))
        .singleElement()
        .asString()
        .startsWith("removed enum value ServerStatus.");
  }

  @Test
  void additionsAreNotBreaking() {
    ObjectNode changed = committed.deepCopy();
    ((ObjectNode)
            changed.path("components").path("schemas").path("ServerSnapshot").path("properties"))
        .putObject("nickname")
        .put("type", "string");
    ((ArrayNode) changed.path("paths").path("/api/v1/servers/{id}").path("put").path("parameters"))
        .addObject()
        .put("name", "dryRun")
        .put("in", "query");

    assertThat(OpenApiCompatibility.breakingChanges(committed, changed)).isEmpty();
  }

  @Test
  void anAcknowledgedChangePassesAndOnlyThatOne() {
    ObjectNode changed = committed.deepCopy();
    ((ObjectNode) changed.path("paths").path("/api/v1/servers/{id}")).remove("get");
    ((ObjectNode) changed.path("paths").path("/api/v1/racks/{id}")).remove("get");
    var findings = OpenApiCompatibility.breakingChanges(committed, changed);

    String acknowledged =
        """
        # inventory-service: breaking changes

        ## 2026-11-29: servers are read through /api/v2
        - `removed operation GET /api/v1/servers/{id}`
        """;

    assertThat(OpenApiCompatibility.unacknowledged(findings, acknowledged))
        .containsExactly("removed operation GET /api/v1/racks/{id}");
  }
}
