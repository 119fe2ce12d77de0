package io.vigie.kit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ApiContractTest {

  static final ApiContract.Settings SETTINGS =
      new ApiContract.Settings(
          "https://inventory.example.net",
          "Production",
          "https://sso.example.net/realms/vigie/",
          "Vigie",
          "https://vigie.io",
          null,
          "Apache 2.0",
          "https://www.apache.org/licenses/LICENSE-2.0.html");

  @Test
  void aCreateHonouringIdempotencyKeyAnswers201WithItsHeadersAndItsErrors() {
    OpenAPI doc = document();

    ApiContract.apply(doc, SETTINGS);

    Operation create = doc.getPaths().getPathItem("/api/v1/things").getPOST();
    Map<String, APIResponse> responses = create.getResponses().getAPIResponses();
    assertThat(responses.keySet()).containsExactly("201", "400", "401", "403", "409", "415", "422");
    assertThat(
            responses.get("201").getContent().getMediaType("application/json").getSchema().getRef())
        .isEqualTo("#/components/schemas/Thing");
    assertThat(responses.get("201").getHeaders().keySet())
        .containsExactlyInAnyOrder("Location", "ETag", "Idempotent-Replayed");
    assertThat(responses.get("422").getRef())
        .isEqualTo("#/components/responses/IdempotencyKeyReused");
    assertThat(
            doc.getComponents()
                .getResponses()
                .get("IdempotencyKeyReused")
                .getContent()
                .getMediaType("application/problem+json")
                .getSchema()
                .getRef())
        .isEqualTo("#/components/schemas/Problem");
  }

  @Test
  void anUpdateUnderIfMatchAnswers412And428AndItsReadsCarryTheETag() {
    OpenAPI doc = document();

    ApiContract.apply(doc, SETTINGS);

    var item = doc.getPaths().getPathItem("/api/v1/things/{id}");
    assertThat(item.getPUT().getResponses().getAPIResponses().keySet())
        .containsExactly("200", "400", "401", "403", "404", "409", "412", "415", "428");
    assertThat(item.getPUT().getResponses().getAPIResponse("200").getHeaders()).containsKey("ETag");
    assertThat(item.getGET().getResponses().getAPIResponses().keySet())
        .containsExactly("200", "400", "401", "403", "404");
    assertThat(item.getGET().getResponses().getAPIResponse("200").getHeaders()).containsKey("ETag");
    assertThat(
            doc.getPaths()
                .getPathItem("/api/v1/things")
                .getGET()
                .getResponses()
                .getAPIResponse("200")
                .getHeaders())
        .isNull();
  }

  @Test
  void everyOperationUsesTheRealmAndKeepsItsRolesInTheDescription() {
    OpenAPI doc = document();

    ApiContract.apply(doc, SETTINGS);

    var scheme = doc.getComponents().getSecuritySchemes();
    assertThat(scheme).containsOnlyKeys("keycloak");
    assertThat(scheme.get("keycloak").getFlows().getClientCredentials().getTokenUrl())
        .isEqualTo("https://sso.example.net/realms/vigie/protocol/openid-connect/token");
    assertThat(scheme.get("keycloak").getFlows().getAuthorizationCode().getAuthorizationUrl())
        .isEqualTo("https://sso.example.net/realms/vigie/protocol/openid-connect/auth");
    Operation create = doc.getPaths().getPathItem("/api/v1/things").getPOST();
    assertThat(create.getSecurity().get(0).getSchemes()).containsOnlyKeys("keycloak");
    assertThat(create.getDescription()).isEqualTo("Roles: vigie-engineer, vigie-admin.");
    assertThat(doc.getServers().get(0).getUrl()).isEqualTo("https://inventory.example.net");
    assertThat(doc.getInfo().getLicense().getName()).isEqualTo("Apache 2.0");
  }

  @Test
  void aDeclaredErrorGetsTheProblemBodyAndApplyingTwiceChangesNothing() {
    OpenAPI doc = document();
    doc.getPaths()
        .getPathItem("/api/v1/things")
        .getPOST()
        .getResponses()
        .addAPIResponse("429", OASFactory.createAPIResponse().description("Busy"));

    ApiContract.apply(doc, SETTINGS);
    ApiContract.apply(doc, SETTINGS);

    APIResponse busy =
        doc.getPaths().getPathItem("/api/v1/things").getPOST().getResponses().getAPIResponse("429");
    assertThat(busy.getContent().getMediaType("application/problem+json")).isNotNull();
    assertThat(doc.getPaths().getPathItem("/api/v1/things").getPOST().getDescription())
        .isEqualTo("Roles: vigie-engineer, vigie-admin.");
    assertThat(
            doc.getPaths().getPathItem("/api/v1/things").getPOST().getResponses().getAPIResponses())
        .hasSize(8);
  }

  /** What the scanner makes of a typical resource before the kit's filter runs. */
  static OpenAPI document() {
    var body =
        OASFactory.createRequestBody()
            .content(
                OASFactory.createContent()
                    .addMediaType(
                        "application/json",
                        OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref("Thing"))));
    var roles =
        OASFactory.createSecurityRequirement()
            .addScheme("SecurityScheme", List.of("vigie-engineer", "vigie-admin"));
    Operation list =
        OASFactory.createOperation()
            .operationId("listThings")
            .responses(OASFactory.createAPIResponses().addAPIResponse("200", ok()));
    Operation create =
        OASFactory.createOperation()
            .operationId("createThing")
            .addParameter(header("Idempotency-Key"))
            .requestBody(body)
            .responses(OASFactory.createAPIResponses().addAPIResponse("200", ok()))
            .addSecurityRequirement(roles);
    Operation get =
        OASFactory.createOperation()
            .operationId("getThing")
            .addParameter(path())
            .responses(OASFactory.createAPIResponses().addAPIResponse("200", ok()));
    Operation update =
        OASFactory.createOperation()
            .operationId("updateThing")
            .addParameter(path())
            .addParameter(header("If-Match"))
            .requestBody(body)
            .responses(OASFactory.createAPIResponses().addAPIResponse("200", ok()));
    return OASFactory.createOpenAPI()
        .info(OASFactory.createInfo().title("Things").version("1"))
        .paths(
            OASFactory.createPaths()
                .addPathItem("/api/v1/things", OASFactory.createPathItem().GET(list).POST(create))
                .addPathItem(
                    "/api/v1/things/{id}", OASFactory.createPathItem().GET(get).PUT(update)))
        .components(
            OASFactory.createComponents()
                .addSecurityScheme(
                    "SecurityScheme",
                    OASFactory.createSecurityScheme()
                        .type(
                            org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type
                                .HTTP)));
  }

  private static APIResponse ok() {
    return OASFactory.createAPIResponse()
        .description("OK")
        .content(
            OASFactory.createContent()
                .addMediaType(
                    "application/json",
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Thing"))));
  }

  private static Parameter header(String name) {
    return OASFactory.createParameter().name(name).in(Parameter.In.HEADER);
  }

  private static Parameter path() {
    return OASFactory.createParameter().name("id").in(Parameter.In.PATH).required(true);
  }
}
