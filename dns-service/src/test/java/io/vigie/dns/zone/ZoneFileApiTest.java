package io.vigie.dns.zone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vigie.dns.Zones;
import io.vigie.dns.servers.Dig;
import io.vigie.dns.servers.DnsServersResource;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A zone bound to the zone-file provider: NSD, reloaded by its command, answers what Vigie holds.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
@QuarkusTestResource(DnsServersResource.class)
class ZoneFileApiTest {

  @Test
  void nsdAnswersTheZoneAndEachChangeWithVigiesSerial() throws Exception {
    String tenant = Zones.client("lumiere");
    String zone = DnsServersResource.NSD_ZONES[0];
    int port = DnsServersResource.nsd().port;
    Response created =
        Zones.create(
            TestTokens.client(tenant),
            Zones.newZone(
                zone,
                null,
                "providers",
                List.of("nsd"),
                "recordSets",
                List.of(Zones.set("www", "A", 300, "51.15.0.80"))));
    String id = created.path("id");
    long serial = ((Number) created.path("serial")).longValue();
    assertThat(Dig.answer(port, "www." + zone, "A")).containsExactly("51.15.0.80");
    assertThat(Dig.answer(port, zone, "MX")).hasSize(2);
    assertThat(Dig.serial(port, zone)).isEqualTo(serial);

    Response changed =
        given()
            .auth()
            .oauth2(TestTokens.client(tenant))
            .contentType(ContentType.JSON)
            .header("If-Match", created.header("ETag"))
            .body(Map.of("ttl", 300, "records", List.of("51.159.5.80")))
            .put("/api/v1/zones/" + id + "/record-sets/www/A");
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.<String>path("providers[0].state")).isEqualTo("IN_SYNC");
    assertThat(Dig.answer(port, "www." + zone, "A")).containsExactly("51.159.5.80");
    assertThat(Dig.serial(port, zone)).isEqualTo(serial + 1);
    String file = Files.readString(DnsServersResource.nsd().zonesDir.resolve(zone + "zone"));
    assertThat(file).contains(Long.toString(serial + 1)).contains("51.159.5.80");
  }
}
