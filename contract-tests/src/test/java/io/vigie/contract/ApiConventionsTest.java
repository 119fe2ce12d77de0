package io.vigie.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The conventions check itself, on deliberate lapses in inventory's committed document. */
class ApiConventionsTest {

  private final JsonNode committed =
      ServiceDocuments.read(ServiceContractTest.DOCUMENTS.committed("inventory-service"));

  @Test
  void theCommittedDocumentKeepsThem() {
    assertThat(ApiConventions.violations(committed)).isEmpty();
  }

  @Test
  void anOperationWithoutIdOrBodySchemaOrProblemIsReported() {
    ObjectNode changed = committed.deepCopy();
    ObjectNode get = (ObjectNode) changed.path("paths").path("/api/v1/servers/{id}").path("get");
    get.remove("operationId");
    ((ObjectNode) get.path("responses").path("200")).remove("content");
    ((ObjectNode) get.path("responses")).putObject("404").put("description", "Not Found");

    assertThat(ApiConventions.violations(changed))
        .containsExactlyInAnyOrder(
            "GET /api/v1/servers/{id}: no operationId (name it with a domain verb, e.g."
                + " listServers)",
            "GET /api/v1/servers/{id}: 200 does not name its body",
            "GET /api/v1/servers/{id}: 404 is not an application/problem+json Problem");
  }

  @Test
  void aDuplicateOperationIdAndAnUndescribedTagAreReported() {
    ObjectNode changed = committed.deepCopy();
    ((ObjectNode) changed.path("paths").path("/api/v1/racks/{id}").path("get"))
        .put("operationId", "getServer")
        .putArray("tags")
        .add("Hardware");

    assertThat(ApiConventions.violations(changed))
        .containsExactlyInAnyOrder(
            "GET /api/v1/racks/{id}: tag 'Hardware' has no description",
            "GET /api/v1/servers/{id}: operationId getServer is used twice");
  }

  @Test
  void aNumberedSchemaNameAndAnUnanchoredPatternAreReported() {
    ObjectNode changed = committed.deepCopy();
    ObjectNode schemas = (ObjectNode) changed.path("components").path("schemas");
    schemas.set("ServerRole1", schemas.path("ServerRole").deepCopy());
    ((ObjectNode) schemas.path("ServerRequest").path("properties").path("hostname"))
        .put("pattern", "[a-z0-9.-]+");

    assertThat(ApiConventions.violations(changed))
        .containsExactlyInAnyOrder(
            "schema ServerRole1: a name ending in a digit is SmallRye numbering two types of one"
                + " simple name; give one an explicit @Schema(name = ...)",
            "/components/schemas/ServerRequest/properties/hostname: pattern [a-z0-9.-]+ is not"
                + " anchored (^...$)");
  }
}
