package io.vigie.dns.zone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vigie.dns.Zones;
import io.vigie.dns.servers.Dig;
import io.vigie.dns.servers.DnsServersResource;
import io.vigie.events.EventJson;
import io.vigie.events.dns.DnsEvents;
import io.vigie.events.dns.ZoneApplied;
import io.vigie.events.dns.ZoneDeleted;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deleting a zone: planned, removed from the real PowerDNS and BIND, audited, published. */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
@QuarkusTestResource(DnsServersResource.class)
class ZoneDeleteTest {

  @Test
  void aDeletedZoneIsNoLongerServedNorShownAndItsNameIsFreeAgain() throws Exception {
    String tenant = Zones.client("lumiere");
    String zone = "gone.lumiere-demo.com.";
    Response created =
        Zones.create(
            TestTokens.client(tenant),
            Zones.newZone(
                zone,
                null,
                "providers",
                List.of("pdns", "bind"),
                "recordSets",
                List.of(Zones.set("www", "A", 300, "51.15.0.50"))));
    String id = created.path("id");
    int pdns = DnsServersResource.pdns().dnsPort;
    int bind = DnsServersResource.bind().port;
    assertThat(Dig.answer(pdns, "www." + zone, "A")).containsExactly("51.15.0.50");

    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .post("/api/v1/zones/" + id + "/removal-plan")
        .then()
        .statusCode(200)
        .body("changes.action", everyItem(equalTo("REMOVE")))
        .body("changes.name", hasItem("www." + zone))
        .body("providers.name", contains("bind", "pdns"));
    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .delete("/api/v1/zones/" + id)
        .then()
        .statusCode(428);
    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .header("If-Match", "\"7\"")
        .delete("/api/v1/zones/" + id)
        .then()
        .statusCode(412);
    assertThat(Dig.answer(pdns, "www." + zone, "A")).containsExactly("51.15.0.50");

    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .header("If-Match", "\"0\"")
        .delete("/api/v1/zones/" + id + "?reason=domain not renewed")
        .then()
        .statusCode(204);

    // PowerDNS no longer knows the zone; BIND keeps only the apex SOA and NS it must keep
    assertThatThrownBy(() -> Dig.answer(pdns, "www." + zone, "A")).hasMessageContaining("REFUSED");
    assertThat(Dig.answer(bind, "www." + zone, "A")).isEmpty();
    assertThat(Dig.answer(bind, zone, "MX")).isEmpty();
    assertThat(Dig.answer(bind, zone, "NS")).isNotEmpty();

    for (String path : new String[] {"", "/history", "/record-sets/www/A"}) {
      var request = given().auth().oauth2(TestTokens.engineer());
      (path.startsWith("/record-sets")
              ? request.header("If-Match", "*").delete("/api/v1/zones/" + id + path)
              : request.get("/api/v1/zones/" + id + path))
          .then()
          .statusCode(404);
    }
    given()
        .auth()
        .oauth2(TestTokens.support())
        .get("/api/v1/zones?tenant=" + tenant)
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id)));

    var events =
        KafkaEvents.await(
            DnsEvents.TOPIC,
            KafkaEvents.withKey(id).and(KafkaEvents.ofType(DnsEvents.ZONE_DELETED)),
            1,
            Duration.ofSeconds(20));
    assertThat(events).hasSize(1);
    ZoneDeleted deleted = EventJson.newMapper().readValue(events.get(0).value(), ZoneDeleted.class);
    assertThat(deleted.reason()).isEqualTo("domain not renewed");
    assertThat(deleted.actor()).isEqualTo("client-of-" + tenant);
    assertThat(deleted.providers()).containsExactly("bind", "pdns");
    // created on both, then removed from both (the retry schedule may apply again: nothing to do)
    var applied =
        KafkaEvents.await(
                DnsEvents.TOPIC,
                KafkaEvents.withKey(id).and(KafkaEvents.ofType(DnsEvents.ZONE_APPLIED)),
                4,
                Duration.ofSeconds(30))
            .stream()
            .map(r -> read(r.value()))
            .toList();
    assertThat(applied)
        .filteredOn(a -> a.removed() > 0)
        .extracting(ZoneApplied::provider)
        .containsExactlyInAnyOrder("bind", "pdns");

    // the name is free: the client creates the zone again, served again
    Zones.create(
        TestTokens.client(tenant),
        Zones.newZone(
            zone,
            null,
            "providers",
            List.of("pdns", "bind"),
            "recordSets",
            List.of(Zones.set("www", "A", 300, "51.15.0.51"))));
    assertThat(Dig.answer(pdns, "www." + zone, "A")).containsExactly("51.15.0.51");
    assertThat(Dig.answer(bind, "www." + zone, "A")).containsExactly("51.15.0.51");
  }

  private static ZoneApplied read(String json) {
    try {
      return EventJson.newMapper().readValue(json, ZoneApplied.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anotherClientMeetsA404AndOnlyOperatorsOrTheOwnerDelete() {
    String lumiere = Zones.client("lumiere");
    String saintRoch = Zones.client("saint-roch");
    String id =
        Zones.create(TestTokens.engineer(), Zones.newZone(Zones.name("lumiere-demo.com."), lumiere))
            .path("id");
    // the deletion and its plan alike
    List<java.util.function.Function<io.restassured.specification.RequestSpecification, Response>>
        calls =
            List.of(
                r -> r.header("If-Match", "*").delete("/api/v1/zones/" + id),
                r -> r.post("/api/v1/zones/" + id + "/removal-plan"));
    for (var call : calls) {
      call.apply(given().auth().oauth2(TestTokens.client(saintRoch)))
          .then()
          .statusCode(404)
          .body("detail", equalTo("Zone " + id + " not found"));
      call.apply(given().auth().oauth2(TestTokens.support())).then().statusCode(403);
      call.apply(given().auth().oauth2(TestTokens.agent())).then().statusCode(403);
    }
    given().auth().oauth2(TestTokens.engineer()).get("/api/v1/zones/" + id).then().statusCode(200);
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .header("If-Match", "*")
        .delete("/api/v1/zones/" + id)
        .then()
        .statusCode(204);
  }
}
