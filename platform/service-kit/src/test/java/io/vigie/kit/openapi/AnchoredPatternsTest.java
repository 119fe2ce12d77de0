package io.vigie.kit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

class AnchoredPatternsTest {

  /** What an OpenAPI validator does with a pattern: ECMA-262 search, anywhere in the value. */
  private static boolean accepts(String pattern, String value) {
    return Pattern.compile(pattern).matcher(value).find();
  }

  @Test
  void aWholeValuePatternIsAnchoredSoTheDocumentRefusesWhatTheServiceRefuses() {
    String status = AnchoredPatterns.anchored("firing|resolved");

    assertThat(accepts("firing|resolved", "misfiring")).isTrue(); // the document's lie, before
    assertThat(status).isEqualTo("^(?:firing|resolved)$");
    assertThat(accepts(status, "misfiring")).isFalse();
    assertThat(accepts(status, "firing")).isTrue();
    assertThat(accepts(status, "resolved")).isTrue();
  }

  @Test
  void anchoredPatternsAndNotBlankKeepTheirMeaning() {
    assertThat(AnchoredPatterns.anchored("^[A-Z]{2}$")).isEqualTo("^[A-Z]{2}$");
    assertThat(AnchoredPatterns.anchored("\\S")).isEqualTo("\\S");
    assertThat(AnchoredPatterns.anchored(null)).isNull();
    // an escaped dollar is a character, not the end
    assertThat(AnchoredPatterns.anchored("^price\\$")).isEqualTo("^(?:^price\\$)$");
    // a pattern starting with '/' no longer reads as Perl's /pattern/flags to generators
    assertThat(AnchoredPatterns.anchored("/.*")).isEqualTo("^(?:/.*)$");
  }

  @Test
  void everyPatternOfTheDocumentIsAnchoredOnceWhereverItSits() {
    Schema tags =
        OASFactory.createSchema()
            .addType(Schema.SchemaType.ARRAY)
            .items(OASFactory.createSchema().pattern("[a-z]+"));
    Schema thing =
        OASFactory.createSchema()
            .addProperty("name", OASFactory.createSchema().pattern("\\S"))
            .addProperty("tags", tags)
            .addProperty(
                "limits",
                OASFactory.createSchema()
                    .additionalPropertiesSchema(OASFactory.createSchema().pattern("[0-9]+")));
    Parameter state =
        OASFactory.createParameter()
            .name("state")
            .in(Parameter.In.QUERY)
            .schema(OASFactory.createSchema().pattern("open|closed"));
    OpenAPI doc =
        OASFactory.createOpenAPI()
            .components(OASFactory.createComponents().addSchema("Thing", thing))
            .paths(
                OASFactory.createPaths()
                    .addPathItem(
                        "/api/v1/things",
                        OASFactory.createPathItem()
                            .GET(
                                OASFactory.createOperation()
                                    .operationId("listThings")
                                    .addParameter(state)
                                    .responses(OASFactory.createAPIResponses()))));

    ApiContract.apply(doc, ApiContractTest.SETTINGS);
    ApiContract.apply(doc, ApiContractTest.SETTINGS);

    assertThat(thing.getProperties().get("name").getPattern()).isEqualTo("\\S");
    assertThat(tags.getItems().getPattern()).isEqualTo("^(?:[a-z]+)$");
    assertThat(thing.getProperties().get("limits").getAdditionalPropertiesSchema().getPattern())
        .isEqualTo("^(?:[0-9]+)$");
    assertThat(state.getSchema().getPattern()).isEqualTo("^(?:open|closed)$");
  }
}
