package io.vigie.kit.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Applies {@link ApiContract} to every service's document: at build time (the document stored under
 * {@code target/openapi} and committed under {@code docs/api}) and again at startup, so {@code
 * /q/openapi} of a deployed service names its own server and realm ({@code
 * vigie.openapi.server-url}, {@code vigie.openapi.realm-url}).
 */
@OpenApiFilter(stages = {OpenApiFilter.RunStage.BUILD, OpenApiFilter.RunStage.RUNTIME_STARTUP})
public class VigieOpenApiFilter implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    ApiContract.apply(openAPI, settings(ConfigProvider.getConfig()));
  }

  static ApiContract.Settings settings(Config config) {
    return new ApiContract.Settings(
        value(config, "vigie.openapi.server-url", "http://127.0.0.1:8080"),
        value(config, "vigie.openapi.server-description", "This service"),
        value(config, "vigie.openapi.realm-url", "http://127.0.0.1:18080/realms/vigie"),
        value(config, "vigie.openapi.contact-name", "Vigie"),
        value(config, "vigie.openapi.contact-url", "https://vigie.io"),
        config.getOptionalValue("vigie.openapi.contact-email", String.class).orElse(null),
        value(config, "vigie.openapi.license-name", "Apache 2.0"),
        value(
            config,
            "vigie.openapi.license-url",
            "https://www.apache.org/licenses/LICENSE-2.0.html"));
  }

  private static String value(Config config, String name, String fallback) {
    return config.getOptionalValue(name, String.class).orElse(fallback);
  }
}
