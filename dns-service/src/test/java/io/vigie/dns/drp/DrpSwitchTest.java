package io.vigie.dns.drp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vigie.dns.MovableClock;
import io.vigie.dns.Zones;
import io.vigie.dns.servers.Dig;
import io.vigie.dns.servers.DnsServersResource;
import io.vigie.events.backup.DrpDirection;
import io.vigie.events.dns.DnsSwitchApplied;
import io.vigie.events.dns.DnsSwitchFailed;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client's DRP run published on backup.events as backup-service's outbox publishes it switches
 * the client's failover records on the real PowerDNS and BIND, checked by DNS queries to each, and
 * the return to production switches them back.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
@QuarkusTestResource(DnsServersResource.class)
class DrpSwitchTest {

  private static final String ZONE = "drp.lumiere-demo.com.";
  private static final String WWW = "www." + ZONE;
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Inject MovableClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private static int[] servers() {
    return new int[] {
      DnsServersResource.pdns().dnsPort,
      DnsServersResource.bind().port,
      DnsServersResource.knot().port
    };
  }

  private static Map<String, Object> tagged(
      String name, String type, int ttl, String group, String... records) {
    Map<String, Object> set = Zones.set(name, type, ttl, records);
    set.put("failoverGroup", group);
    return set;
  }

  @Test
  void aDrpRunSwitchesTheFailoverRecordsOnEveryServerAndTheReturnSwitchesThemBack()
      throws Exception {
    String tenant = Zones.client("cognix");
    Response created =
        Zones.create(
            TestTokens.engineer(),
            Zones.newZone(
                ZONE,
                tenant,
                "providers",
                List.of("pdns", "bind", "knot"),
                "recordSets",
                List.of(
                    tagged("www", "A", 3600, "web", "51.15.0.11"),
                    tagged("www", "AAAA", 3600, "web", "2001:db8:10::11"),
                    Zones.set("mail", "A", 3600, "51.15.0.25"))));
    String id = created.path("id");
    given()
        .auth()
        .oauth2(TestTokens.support())
        .get("/api/v1/zones/" + id)
        .then()
        .statusCode(200)
        .body(
            "recordSets.find { it.name == '" + WWW + "' && it.type == 'A' }.failoverGroup",
            equalTo("web"))
        .body("recordSets.find { it.name == 'mail." + ZONE + "' }.failoverGroup", equalTo(null));
    UUID planId = UUID.randomUUID();

    // failover: activation lowers the TTL first, then the DNS step switches
    DrpEvents failover = new DrpEvents(tenant, planId, DrpDirection.FAILOVER);
    failover.activated();
    for (int port : servers()) {
      await().atMost(WAIT).until(() -> Dig.ttl(port, WWW, "A") == 60);
      assertThat(Dig.ttl(port, WWW, "AAAA")).isEqualTo(60);
      assertThat(Dig.ttl(port, "mail." + ZONE, "A")).isEqualTo(3600);
    }
    failover.otherStep(1);
    String stepEvent = UUID.randomUUID().toString();
    failover.dnsSwitch(2, stepEvent, "163.172.20.11", "2001:db8:20::11");

    List<DnsSwitchApplied> applied = failover.applied(WAIT);
    assertThat(applied).hasSize(1);
    DnsSwitchApplied done = applied.get(0);
    assertThat(done.planId()).isEqualTo(planId);
    assertThat(done.position()).isEqualTo(2);
    assertThat(done.direction()).isEqualTo(DrpDirection.FAILOVER);
    assertThat(done.tenant()).isEqualTo(tenant);
    assertThat(done.recordSets()).containsExactlyInAnyOrder(WWW + " A", WWW + " AAAA");
    assertThat(done.verifiedProviders()).containsExactlyInAnyOrder("pdns", "bind", "knot");
    // applied means answered: every server answers the recovery addresses already
    for (int port : servers()) {
      assertThat(Dig.answer(port, WWW, "A")).containsExactly("163.172.20.11");
      assertThat(Dig.answer(port, WWW, "AAAA")).containsExactly("2001:db8:20::11");
      assertThat(Dig.answer(port, "mail." + ZONE, "A")).containsExactly("51.15.0.25");
    }
    long serial = ((Number) zone(id).path("serial")).longValue();
    given()
        .auth()
        .oauth2(TestTokens.support())
        .get("/api/v1/zones/" + id + "/history")
        .then()
        .statusCode(200)
        .body("items[0].reason", org.hamcrest.Matchers.startsWith("DRP run " + failover.runId))
        .body("items[0].changes.name", hasItem(WWW));

    // a replay of the step (same event, or the same step under a new id) switches nothing again
    failover.dnsSwitch(2, stepEvent, "163.172.20.11", "2001:db8:20::11");
    failover.dnsSwitch(2, UUID.randomUUID().toString(), "163.172.20.99");
    assertThat(failover.applied(Duration.ofSeconds(5))).hasSize(1);
    assertThat(failover.failed(1, Duration.ofSeconds(2))).isEmpty();
    assertThat(((Number) zone(id).path("serial")).longValue()).isEqualTo(serial);
    assertThat(Dig.answer(servers()[0], WWW, "A")).containsExactly("163.172.20.11");

    // the return to production switches back, and gives the records their TTL back
    DrpEvents back = new DrpEvents(tenant, planId, DrpDirection.RETURN_TO_PRODUCTION);
    back.activated();
    back.dnsSwitch(3, UUID.randomUUID().toString(), "51.15.0.11", "2001:db8:10::11");
    List<DnsSwitchApplied> returned = back.applied(WAIT);
    assertThat(returned).hasSize(1);
    assertThat(returned.get(0).direction()).isEqualTo(DrpDirection.RETURN_TO_PRODUCTION);
    assertThat(returned.get(0).addresses()).containsExactly("51.15.0.11", "2001:db8:10::11");
    for (int port : servers()) {
      assertThat(Dig.answer(port, WWW, "A")).containsExactly("51.15.0.11");
      assertThat(Dig.answer(port, WWW, "AAAA")).containsExactly("2001:db8:10::11");
      assertThat(Dig.ttl(port, WWW, "A")).isEqualTo(3600);
      assertThat(Dig.ttl(port, WWW, "AAAA")).isEqualTo(3600);
    }
  }

  @Test
  void aSwitchTheRecordsCannotTakeIsRefusedAndOneNoServerConfirmsFailsAtTheDeadline()
      throws Exception {
    String tenant = Zones.client("solo");
    String zone = Zones.name("pdns-down.example.");
    String www = "www." + zone;
    Zones.create(
        TestTokens.engineer(),
        Zones.newZone(
            zone,
            tenant,
            "providers",
            List.of("pdns", "down"),
            "recordSets",
            List.of(tagged("www", "A", 300, "web", "51.15.0.40"))));
    int pdns = DnsServersResource.pdns().dnsPort;

    // an A set and only an IPv6 address: refused as a whole, nothing changed
    DrpEvents v6only = new DrpEvents(tenant, UUID.randomUUID(), DrpDirection.FAILOVER);
    v6only.dnsSwitch(1, UUID.randomUUID().toString(), "2001:db8:20::40");
    List<DnsSwitchFailed> refused = v6only.failed(1, WAIT);
    assertThat(refused).hasSize(1);
    assertThat(refused.get(0).reason()).contains(www + " A").contains("IPv4");
    assertThat(Dig.answer(pdns, www, "A")).containsExactly("51.15.0.40");

    // PowerDNS answers, the provider that is down never does: failed once the deadline passed
    DrpEvents run = new DrpEvents(tenant, UUID.randomUUID(), DrpDirection.FAILOVER);
    run.dnsSwitch(1, UUID.randomUUID().toString(), "163.172.20.40");
    await().atMost(WAIT).until(() -> Dig.answer(pdns, www, "A").equals(List.of("163.172.20.40")));
    assertThat(run.failed(1, Duration.ofSeconds(3))).isEmpty();
    clock.advance(Duration.ofMinutes(6));
    List<DnsSwitchFailed> failed = run.failed(1, WAIT);
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).reason()).contains("down for " + www + " A");
    assertThat(run.applied(Duration.ofSeconds(2))).isEmpty();
  }

  @Test
  void aFailoverGroupIsValidatedNamingTheField() {
    String tenant = Zones.client("solo");
    String zone = Zones.name("groups.example.");
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
                    tagged("@", "MX", 3600, "web", "10 mx1.hoster-demo.net."),
                    tagged("www", "A", 3600, "Web Servers", "51.15.0.11"))))
        .post("/api/v1/zones")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("recordSets[0].failoverGroup"))
        .body("errors.field", hasItem("recordSets[1].failoverGroup"));
  }

  private static Response zone(String id) {
    return given()
        .auth()
        .oauth2(TestTokens.support())
        .get("/api/v1/zones/" + id)
        .then()
        .statusCode(200)
        .extract()
        .response();
  }
}
