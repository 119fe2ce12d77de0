package io.vigie.dns.zone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vigie.dns.Zones;
import io.vigie.dns.servers.Dig;
import io.vigie.dns.servers.DnsServersResource;
import io.vigie.events.dns.DnsEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Zones through the API, checked by asking the real PowerDNS and BIND over DNS. */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
@QuarkusTestResource(DnsServersResource.class)
class ZonesApiTest {

  private static int pdns() {
    return DnsServersResource.pdns().dnsPort;
  }

  private static int bind() {
    return DnsServersResource.bind().port;
  }

  @Test
  void aNewClientDomainGetsTheTemplateOnBothServers() throws Exception {
    String tenant = Zones.client("saint-roch");
    String zone = "both.lumiere-demo.com.";
    Response created =
        Zones.create(
            TestTokens.engineer(),
            Zones.newZone(
                zone,
                tenant,
                "providers",
                List.of("pdns", "bind"),
                "recordSets",
                List.of(Zones.set("www", "A", 300, "51.15.0.11", "51.15.0.12")),
                "reason",
                "new client domain"));
    String id = created.path("id");
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    assertThat(created.header("Location")).endsWith("/api/v1/zones/" + id);
    long serial = ((Number) created.path("serial")).longValue();

    for (int port : new int[] {pdns(), bind()}) {
      assertThat(Dig.answer(port, "www." + zone, "A")).containsExactly("51.15.0.11", "51.15.0.12");
      assertThat(Dig.answer(port, zone, "MX"))
          .containsExactly("10 mx1.hoster-demo.net.", "20 mx2.hoster-demo.net.");
      assertThat(Dig.answer(port, zone, "TXT"))
          .containsExactly("\"v=spf1 include:_spf.hoster-demo.net ~all\"");
      assertThat(Dig.answer(port, zone, "NS"))
          .containsExactly("ns1.hoster-demo.net.", "ns2.hoster-demo.net.");
      assertThat(Dig.serial(port, zone)).isEqualTo(serial);
    }
    given()
        .auth()
        .oauth2(TestTokens.support())
        .get("/api/v1/zones/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("providers.name", contains("bind", "pdns"))
        .body("providers.state", contains("IN_SYNC", "IN_SYNC"))
        .body("providers.appliedSerial", contains((int) serial, (int) serial))
        .body("recordSets", hasSize(4));
  }

  @Test
  void aChangeIsPlannedThenAppliedWithANewSerialAndAudited() throws Exception {
    String tenant = Zones.client("lumiere");
    String zone = Zones.name("lumiere-demo.com.");
    Response created =
        Zones.create(
            TestTokens.client(tenant),
            Zones.newZone(
                zone,
                null,
                "template",
                false,
                "recordSets",
                Zones.sets(
                    Zones.set("www", "A", 300, "51.15.0.11"),
                    Zones.set("api", "A", 300, "51.15.0.13"))));
    String id = created.path("id");
    long first = ((Number) created.path("serial")).longValue();
    var moved =
        Zones.sets(
            Zones.set("www", "A", 60, "51.159.5.20"), Zones.set("shop", "CNAME", 300, "www"));

    // the dry run says what would change, for Vigie and for the server, and changes nothing
    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("recordSets", moved))
        .post("/api/v1/zones/" + id + "/record-sets/plan")
        .then()
        .statusCode(200)
        .body("serial", equalTo((int) first + 1))
        .body("changes.action", contains("REMOVE", "ADD", "CHANGE"))
        .body("changes.name", contains("api." + zone, "shop." + zone, "www." + zone))
        .body("providers[0].name", equalTo("pdns"))
        .body("providers[0].changes.action", contains("REMOVE", "ADD", "CHANGE"));
    assertThat(Dig.answer(pdns(), "www." + zone, "A")).containsExactly("51.15.0.11");

    Response changed = Zones.change(TestTokens.client(tenant), id, "\"0\"", moved, "DRP test");
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.header("ETag")).isEqualTo("\"1\"");
    assertThat(Dig.answer(pdns(), "www." + zone, "A")).containsExactly("51.159.5.20");
    assertThat(Dig.ttl(pdns(), "www." + zone, "A")).isEqualTo(60);
    assertThat(Dig.answer(pdns(), "api." + zone, "A")).isEmpty();
    assertThat(Dig.answer(pdns(), "shop." + zone, "CNAME")).containsExactly("www." + zone);
    assertThat(Dig.serial(pdns(), zone)).isEqualTo(first + 1);

    // a stale or missing version is refused, and changes nothing
    assertThat(Zones.change(TestTokens.engineer(), id, "\"0\"", moved, null).statusCode())
        .isEqualTo(412);
    assertThat(Zones.change(TestTokens.engineer(), id, null, moved, null).statusCode())
        .isEqualTo(428);

    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .get("/api/v1/zones/" + id + "/history")
        .then()
        .statusCode(200)
        .body("items", hasSize(2))
        .body("items[0].actor", equalTo("client-of-" + tenant))
        .body("items[0].reason", equalTo("DRP test"))
        .body("items[0].serial", equalTo((int) first + 1))
        .body(
            "items[0].changes.find { it.name == 'www." + zone + "' }.before.records",
            contains("51.15.0.11"))
        .body(
            "items[0].changes.find { it.name == 'www." + zone + "' }.after.records",
            contains("51.159.5.20"))
        .body("items[1].changes.action", hasItem("ADD"));

    var events =
        KafkaEvents.await(DnsEvents.TOPIC, KafkaEvents.withKey(id), 6, Duration.ofSeconds(20));
    assertThat(events)
        .extracting(r -> KafkaEvents.header(r, "ce_type"))
        .contains(DnsEvents.ZONE_CREATED, DnsEvents.RECORD_SET_CHANGED, DnsEvents.ZONE_APPLIED);
    assertThat(events.stream().filter(KafkaEvents.ofType(DnsEvents.RECORD_SET_CHANGED)).count())
        .isEqualTo(3);
  }

  @Test
  void aRetriedCreateWithTheSameKeyAnswersTheFirstZone() {
    String tenant = Zones.client("lumiere");
    Map<String, Object> body = Zones.newZone(Zones.name("lumiere-demo.com."), tenant);
    String first =
        given()
            .auth()
            .oauth2(TestTokens.engineer())
            .header("Idempotency-Key", "create-" + tenant)
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/zones")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .header("Idempotency-Key", "create-" + tenant)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/zones")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/zones")
        .then()
        .statusCode(409);
  }

  @Test
  void aFailingProviderLeavesTheZoneOutOfSyncThere() throws Exception {
    String tenant = Zones.client("lumiere");
    String zone = "partial.lumiere-demo.com.";
    String id =
        Zones.create(
                TestTokens.engineer(),
                Zones.newZone(zone, tenant, "providers", List.of("bind", "down")))
            .path("id");
    assertThat(Dig.answer(bind(), zone, "MX")).contains("10 mx1.hoster-demo.net.");
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .get("/api/v1/zones/" + id)
        .then()
        .body("providers.name", contains("bind", "down"))
        .body("providers.state", contains("IN_SYNC", "OUT_OF_SYNC"))
        .body("providers[1].detail", containsString("down cannot be reached"));
  }

  @Test
  void driftBehindVigiesBackIsReportedAndReconciled() throws Exception {
    String tenant = Zones.client("saint-roch");
    String zone = "drift.lumiere-demo.com.";
    String id =
        Zones.create(
                TestTokens.engineer(),
                Zones.newZone(
                    zone,
                    tenant,
                    "providers",
                    List.of("pdns", "bind"),
                    "recordSets",
                    List.of(Zones.set("www", "A", 300, "51.15.0.11"))))
            .path("id");
    DnsServersResource.pdns().pdnsutil("replace-rrset", zone, "www", "A", "300", "203.0.113.66");
    DnsServersResource.bind().nsupdate(zone, "update add old." + zone + " 300 A 203.0.113.67");

    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .post("/api/v1/zones/" + id + "/drift-check")
        .then()
        .statusCode(200)
        .body("providers.name", contains("bind", "pdns"))
        .body("providers[0].changes.action", contains("REMOVE"))
        .body("providers[0].changes[0].name", equalTo("old." + zone))
        .body("providers[1].changes.action", contains("CHANGE"))
        .body("providers[1].changes[0].before.records", contains("203.0.113.66"));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .get("/api/v1/zones/" + id)
        .then()
        .body("providers.state", contains("DRIFTED", "DRIFTED"))
        .body("providers.detail", contains("drift: 1 RRsets differ", "drift: 1 RRsets differ"));
    assertThat(
            KafkaEvents.await(
                DnsEvents.TOPIC,
                KafkaEvents.ofType(DnsEvents.DRIFT_FOUND).and(KafkaEvents.withKey(id)),
                2,
                Duration.ofSeconds(20)))
        .hasSize(2);

    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .post("/api/v1/zones/" + id + "/apply")
        .then()
        .statusCode(200)
        .body("providers.state", contains("IN_SYNC", "IN_SYNC"));
    assertThat(Dig.answer(pdns(), "www." + zone, "A")).containsExactly("51.15.0.11");
    assertThat(Dig.answer(bind(), "old." + zone, "A")).isEmpty();
  }

  @Test
  void knotIsDrivenLikeBindChangedDriftedAndReconciledAsKnotAnswers() throws Exception {
    String tenant = Zones.client("lumiere");
    String zone = "knot.lumiere-demo.com.";
    int knot = DnsServersResource.knot().port;
    Response created =
        Zones.create(
            TestTokens.engineer(),
            Zones.newZone(
                zone,
                tenant,
                "providers",
                List.of("knot"),
                "recordSets",
                List.of(
                    Zones.set("www", "A", 300, "51.15.0.11"),
                    Zones.set("old", "A", 300, "51.15.0.12"),
                    Zones.set("@", "MX", 3600, "10 mx1.hoster-demo.net."))));
    String id = created.path("id");
    long serial = ((Number) created.path("serial")).longValue();
    assertThat(Dig.answer(knot, "www." + zone, "A")).containsExactly("51.15.0.11");
    assertThat(Dig.answer(knot, zone, "MX")).containsExactly("10 mx1.hoster-demo.net.");
    assertThat(Dig.serial(knot, zone)).isEqualTo(serial);

    // changed and a record set deleted through Vigie: Knot answers the new zone and serial
    Response changed =
        Zones.change(
            TestTokens.engineer(),
            id,
            "\"0\"",
            Zones.sets(
                Zones.set("www", "A", 60, "51.159.5.20"),
                Zones.set("@", "MX", 3600, "10 mx1.hoster-demo.net.")),
            "moved to DC5");
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(Dig.answer(knot, "www." + zone, "A")).containsExactly("51.159.5.20");
    assertThat(Dig.ttl(knot, "www." + zone, "A")).isEqualTo(60);
    assertThat(Dig.answer(knot, "old." + zone, "A")).isEmpty();
    assertThat(Dig.serial(knot, zone)).isEqualTo(serial + 1);

    // a change made with knotc behind Vigie's back is drift, read back by AXFR and reconciled
    DnsServersResource.knot()
        .knotc(
            zone,
            List.of(
                List.of("zone-unset", "www", "A"),
                List.of("zone-set", "www", "300", "A", "203.0.113.66")));
    assertThat(Dig.answer(knot, "www." + zone, "A")).containsExactly("203.0.113.66");
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .post("/api/v1/zones/" + id + "/drift-check")
        .then()
        .statusCode(200)
        .body("providers.name", contains("knot"))
        .body("providers[0].changes.action", contains("CHANGE"))
        .body("providers[0].changes[0].before.records", contains("203.0.113.66"));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .get("/api/v1/zones/" + id)
        .then()
        .body("providers.state", contains("DRIFTED"));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .post("/api/v1/zones/" + id + "/apply")
        .then()
        .statusCode(200)
        .body("providers.state", contains("IN_SYNC"));
    assertThat(Dig.answer(knot, "www." + zone, "A")).containsExactly("51.159.5.20");
  }

  @Test
  void importedZoneFileExportsToTheSameRecordSets() {
    String tenant = Zones.client("saint-roch");
    String zone = Zones.name("saint-roch-demo.fr.");
    String file =
        ZoneFilesTest.SAINT_ROCH.replace("$ORIGIN saint-roch-demo.fr.", "$ORIGIN " + zone);
    Response created =
        Zones.create(TestTokens.engineer(), Zones.newZone(zone, tenant, "zoneFile", file));
    String id = created.path("id");
    assertThat(((Number) created.path("serial")).longValue()).isGreaterThan(2026112003L);
    String exported =
        given()
            .auth()
            .oauth2(TestTokens.client(tenant))
            .accept("text/plain")
            .get("/api/v1/zones/" + id + "/zone-file")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<RecordSet> again =
        ZoneFiles.read(
                org.xbill.DNS.Name.fromConstantString(zone),
                "zoneFile",
                exported,
                ZoneRules.standard())
            .recordSets();
    assertThat(again)
        .isEqualTo(
            ZoneFiles.read(
                    org.xbill.DNS.Name.fromConstantString(zone),
                    "zoneFile",
                    file,
                    ZoneRules.standard())
                .recordSets());
  }

  @Test
  void aZoneMovesInByAxfrFromTheServerThatServesItToday() throws Exception {
    String tenant = Zones.client("saint-roch");
    String zone = "saint-roch-demo.fr.";
    var bindServer = DnsServersResource.bind();
    bindServer.nsupdate(
        zone,
        "update add www." + zone + " 300 A 51.15.0.11",
        "update add www." + zone + " 300 A 51.15.0.12",
        "update add " + zone + " 3600 MX 10 mx1.old-hoster.net.",
        "update add " + zone + " 3600 CAA 0 issue \"letsencrypt.org\"",
        "update add shop." + zone + " 300 CNAME www." + zone);
    Map<String, Object> axfr =
        Map.of(
            "host", "127.0.0.1",
            "port", bindServer.port,
            "tsigKeyName", io.vigie.dns.servers.BindServer.KEY_NAME,
            "tsigSecret", bindServer.secret);
    String id =
        Zones.create(
                TestTokens.engineer(),
                Zones.newZone(zone, tenant, "providers", List.of("pdns"), "axfr", axfr))
            .path("id");
    for (String[] q :
        new String[][] {
          {"www." + zone, "A"}, {zone, "MX"}, {zone, "CAA"}, {"shop." + zone, "CNAME"}, {zone, "NS"}
        }) {
      assertThat(Dig.answer(pdns(), q[0], q[1]))
          .as(q[0] + " " + q[1])
          .isNotEmpty()
          .isEqualTo(Dig.answer(bind(), q[0], q[1]));
    }
    String exported =
        given()
            .auth()
            .oauth2(TestTokens.engineer())
            .accept("text/plain")
            .get("/api/v1/zones/" + id + "/zone-file")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    org.xbill.DNS.Name origin = org.xbill.DNS.Name.fromConstantString(zone);
    var provider =
        new io.vigie.dns.provider.Rfc2136Provider(
            "bind",
            new java.net.InetSocketAddress("127.0.0.1", bindServer.port),
            io.vigie.dns.provider.Rfc2136Provider.key(
                io.vigie.dns.servers.BindServer.ALGORITHM,
                io.vigie.dns.servers.BindServer.KEY_NAME,
                bindServer.secret),
            java.time.Duration.ofSeconds(5));
    assertThat(ZoneFiles.read(origin, "zoneFile", exported, ZoneRules.standard()).recordSets())
        .isEqualTo(
            ZoneFiles.fromRecords(origin, "axfr", provider.transfer(origin), ZoneRules.standard())
                .recordSets());

    // a transfer the server refuses is a problem naming axfr; clients cannot import by transfer
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .contentType(ContentType.JSON)
        .body(
            Zones.newZone(
                "both.lumiere-demo.com.",
                tenant,
                "axfr",
                Map.of("host", "127.0.0.1", "port", bindServer.port)))
        .post("/api/v1/zones")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("axfr"));
    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .contentType(ContentType.JSON)
        .body(Zones.newZone(Zones.name("saint-roch-demo.fr."), null, "axfr", axfr))
        .post("/api/v1/zones")
        .then()
        .statusCode(403);
  }

  @Test
  void badInputIsAProblemNamingTheFieldAndNothingIsKept() {
    String tenant = Zones.client("lumiere");
    String zone = Zones.name("lumiere-demo.com.");
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .contentType(ContentType.JSON)
        .body(
            Zones.newZone(
                zone,
                tenant,
                "recordSets",
                List.of(
                    Zones.set("www", "A", 10, "51.15.0.11"),
                    Zones.set("@", "CNAME", null, "x.example.net."),
                    Zones.set("mail", "MX", null, "10 192.0.2.25"))))
        .post("/api/v1/zones")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            contains(
                "recordSets[0].ttl",
                "recordSets[2].records[0]",
                "recordSets[1].name",
                "recordSets[1].name"))
        .body("errors.message", hasItem("a CNAME cannot be at the zone apex"));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .get("/api/v1/zones?name=" + zone)
        .then()
        .body("items", hasSize(0));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .contentType(ContentType.JSON)
        .body(Zones.newZone(zone, tenant, "providers", List.of("nowhere")))
        .post("/api/v1/zones")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("providers[0]"));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .contentType(ContentType.JSON)
        .body(Zones.newZone(zone, "nobody-" + tenant))
        .post("/api/v1/zones")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("tenant"));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .contentType(ContentType.JSON)
        .body(Zones.newZone(zone, tenant, "zoneFile", "www IN A 1.2.3\n"))
        .post("/api/v1/zones")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("zoneFile"));
  }

  @Test
  void aClientStaysWithinItsRecordQuotaAndSupportOnlyReads() {
    String tenant = Zones.client("lumiere");
    String zone = Zones.name("lumiere-demo.com.");
    Object[] many = new Object[201];
    List<Map<String, Object>> sets = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      sets.add(Zones.set("h" + i, "A", 300, "192.0.2." + (i % 250 + 1)));
    }
    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .contentType(ContentType.JSON)
        .body(Zones.newZone(zone, null, "recordSets", sets))
        .post("/api/v1/zones")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("recordSets"));
    assertThat(many).hasSize(201);
    given()
        .auth()
        .oauth2(TestTokens.support())
        .contentType(ContentType.JSON)
        .body(Zones.newZone(zone, tenant))
        .post("/api/v1/zones")
        .then()
        .statusCode(403);
    given().auth().oauth2(TestTokens.agent()).get("/api/v1/zones").then().statusCode(403);
  }
}
