package io.vigie.inventory;

import static io.vigie.inventory.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.kit.security.TokenCache;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A token trusted again from the kit's token cache is still exactly the token that was verified.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class TokenCacheTest {

  @Inject TokenCache cache;
  @Inject MeterRegistry meters;

  private double answeredFromCache() {
    Counter hits = meters.find("vigie.security.token.cache").tag("result", "hit").counter();
    return hits == null ? 0 : hits.count();
  }

  @Test
  void aTamperedCopyOfAVerifiedTokenIsRefused() {
    String token = TestTokens.engineer();
    assertThat(cache.remembers(token)).isFalse();
    as(token).get("/api/v1/servers").then().statusCode(200);
    assertThat(cache.remembers(token)).as("verified once, then trusted again").isTrue();
    double before = answeredFromCache();
    as(token).get("/api/v1/servers").then().statusCode(200);
    // asked before quarkus-oidc, the cache answered: no second signature verification
    assertThat(answeredFromCache()).isEqualTo(before + 1);

    // a character in the middle of the signature (the last one may only carry padding bits)
    int at = token.length() - 20;
    String tampered =
        token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    as(tampered).get("/api/v1/servers").then().statusCode(401);
    String otherPayload = token.replaceFirst("\\.[^.]+\\.", ".e30.");
    as(otherPayload).get("/api/v1/servers").then().statusCode(401);
  }

  @Test
  void aCachedClientTokenKeepsItsTenantWall() {
    String tenant = Fixtures.unique("cache");
    Fixtures.createClient(tenant);
    String client = TestTokens.client(tenant);
    for (int i = 0; i < 2; i++) {
      as(client)
          .queryParam("total", true)
          .get("/api/v1/clients")
          .then()
          .statusCode(200)
          .body("total", equalTo(1))
          .body("items[0].code", equalTo(tenant));
      as(client).get("/api/v1/datacenters").then().statusCode(403);
    }
  }
}
