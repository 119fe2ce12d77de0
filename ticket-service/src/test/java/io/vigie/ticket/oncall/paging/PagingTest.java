package io.vigie.ticket.oncall.paging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vigie.events.monitoring.AlertFired;
import io.vigie.events.ticket.TicketEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.Alerts;
import io.vigie.ticket.InventoryFeed;
import io.vigie.ticket.MovableTime;
import io.vigie.ticket.oncall.SmtpServer;
import io.vigie.ticket.oncall.WebhookReceiver;
import io.vigie.ticket.oncall.WebhookSignature;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A P1 incident opened on the real broker pages its policy's steps on the moved clock: step 1 (the
 * schedule's on-call) by email through a real SMTP server, step 2 after the delay; the single-use
 * link in step 2's email acknowledges the page and the ticket (GTI stopped), a replayed link is
 * refused, step 3 never goes; a webhook answering 500 is retried with back-off (each delivery
 * signed), then the failure is on the ticket's timeline. Staff only.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
@QuarkusTestResource(SmtpServer.class)
class PagingTest {

  static final String SECRET = "pager-gateway-secret-0123456789";
  static final Pattern LINK =
      Pattern.compile("http://localhost:8083/on-call/ack/([A-Za-z0-9_-]{43})");
  static final Pattern RESOLVE =
      Pattern.compile("http://localhost:8083/on-call/resolve/([A-Za-z0-9_-]{43})");

  @Inject MovableTime time;
  @Inject PageWatch watch;

  @AfterEach
  void release() {
    time.release();
  }

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  static void person(
      String subject, List<Map<String, Object>> methods, List<Map<String, Object>> rules) {
    as(TestTokens.admin())
        .body(Map.of("name", subject, "contactMethods", methods, "notificationRules", rules))
        .put("/api/v1/on-call/people/" + subject)
        .then()
        .statusCode(200);
  }

  static void emailPerson(String subject) {
    person(
        subject,
        List.of(Map.of("name", "mail", "kind", "EMAIL", "address", subject + "@hoster.example")),
        List.of(Map.of("contact", "mail", "after", "PT0S")));
  }

  static Map<String, Object> step(String kind, String id) {
    return Map.of("targets", List.of(Map.of("kind", kind, "id", id)), "delay", "PT5M");
  }

  static String policy(String tenant, List<Map<String, Object>> steps) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Policy " + tenant);
    body.put("tenant", tenant);
    body.put("steps", steps);
    body.put("repeat", 0);
    return as(TestTokens.admin())
        .body(body)
        .post("/api/v1/on-call/policies")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String incident(String tenant) {
    return incident(tenant, "HIGH", "HIGH");
  }

  static String incident(String tenant, String impact, String urgency) {
    return incident(tenant, impact, urgency, List.of());
  }

  static String incident(
      String tenant, String impact, String urgency, List<Map<String, Object>> links) {
    return as(TestTokens.engineer())
        .body(
            Map.of(
                "type", "INCIDENT",
                "title", "Shop down",
                "description", "502 on checkout",
                "impact", impact,
                "urgency", urgency,
                "tenant", tenant,
                "links", links))
        .post("/api/v1/tickets")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Waits (bounded) until the ticket's page was opened from ResponderNeeded on the broker. */
  static JsonPath page(String ticket) throws InterruptedException {
    Instant until = Instant.now().plusSeconds(30);
    while (true) {
      JsonPath pages =
          as(TestTokens.support())
              .get("/api/v1/on-call/pages?ticket=" + ticket)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      if (pages.getList("$").size() == 1 || Instant.now().isAfter(until)) {
        assertThat(pages.getList("$")).hasSize(1);
        return new JsonPath(
            as(TestTokens.support())
                .get("/api/v1/on-call/pages/" + pages.getString("[0].id"))
                .then()
                .statusCode(200)
                .extract()
                .asString());
      }
      Thread.sleep(50);
    }
  }

  void check() throws Throwable {
    VertxContextSupport.subscribeAndAwait(() -> watch.check());
  }

  @Test
  void nobodyAcknowledgesThenTheLinkInStepTwosEmailStopsTheEscalation() throws Throwable {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String tenant = InventoryFeed.tenant("paging");
    UUID clientId = InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    UUID shop = InventoryFeed.website(clientId, tenant, List.of(), List.of());
    String first = "night-" + run, second = "lead-" + run, third = "cto-" + run;
    for (String s : List.of(first, second, third)) {
      emailPerson(s);
    }
    String schedule =
        as(TestTokens.admin())
            .body(
                Map.of(
                    "name",
                    "Nights " + run,
                    "timeZone",
                    "Europe/Paris",
                    "layers",
                    List.of(
                        Map.of(
                            "name", "all",
                            "participants", List.of(first),
                            "shift", "DAILY",
                            "handoffTime", "09:00",
                            "firstHandoff", "2026-11-01"))))
            .post("/api/v1/on-call/schedules")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    policy(
        tenant, List.of(step("SCHEDULE", schedule), step("PERSON", second), step("PERSON", third)));

    time.set(Instant.parse("2026-12-01T02:00:00Z"));
    String ticket =
        incident(
            tenant,
            "HIGH",
            "HIGH",
            List.of(Map.of("kind", "HOSTED_SERVICE", "target", shop.toString())));
    JsonPath page = page(ticket);
    assertThat(page.getString("status")).isEqualTo("OPEN");
    String pageId = page.getString("id");

    check();
    List<SmtpServer.Received> toFirst = SmtpServer.awaitTo(first + "@hoster.example", 1);
    assertThat(toFirst).hasSize(1);
    assertThat(toFirst.get(0).subject()).startsWith("[Vigie] P1 INC-").contains("Shop down");
    assertThat(toFirst.get(0).body())
        .contains("Client: ")
        .contains(tenant)
        .contains("GTI deadline: 2026-12-01T03:00:00Z")
        .contains("Affected: hosted service Boutique " + tenant)
        .contains("/api/v1/tickets/" + ticket);
    assertThat(LINK.matcher(toFirst.get(0).body()).find()).isTrue();
    // an incident opened by hand has no alert rule, hence no runbook line
    assertThat(toFirst.get(0).body()).doesNotContain("Runbook");
    // the same instant checked again sends nothing more
    check();
    assertThat(SmtpServer.to(second + "@hoster.example")).isEmpty();

    time.advance(Duration.ofMinutes(5));
    check();
    List<SmtpServer.Received> toSecond = SmtpServer.awaitTo(second + "@hoster.example", 1);
    assertThat(toSecond).hasSize(1);
    assertThat(SmtpServer.to(first + "@hoster.example")).hasSize(1);
    Matcher link = LINK.matcher(toSecond.get(0).body());
    assertThat(link.find()).isTrue();

    time.advance(Duration.ofMinutes(1));
    given().get("/on-call/ack/" + link.group(1)).then().statusCode(200); // a button, no change
    given().post("/on-call/ack/" + link.group(1)).then().statusCode(200);
    given().post("/on-call/ack/" + link.group(1)).then().statusCode(410);
    given().post("/on-call/ack/" + "x".repeat(43)).then().statusCode(404);

    as(TestTokens.support())
        .get("/api/v1/on-call/pages/" + pageId)
        .then()
        .body("status", equalTo("ACKNOWLEDGED"))
        .body("acknowledgedBy", equalTo(second))
        .body("step", equalTo(2));
    as(TestTokens.engineer())
        .get("/api/v1/tickets/" + ticket)
        .then()
        .body("status", equalTo("ACKNOWLEDGED"))
        .body("interventionClock.phase", equalTo("STOPPED"))
        .body("interventionClock.met", equalTo(true));

    // step 3 never goes
    time.advance(Duration.ofMinutes(15));
    check();
    assertThat(SmtpServer.to(third + "@hoster.example")).isEmpty();
    as(TestTokens.support())
        .post("/api/v1/on-call/pages/" + pageId + "/acknowledgement")
        .then()
        .statusCode(409);

    // on ticket.events, through the outbox, up to the acknowledgement (published in commit order):
    // two notifications sent, one escalation
    List<ConsumerRecord<String, String>> upToAck =
        KafkaEvents.awaitThrough(
            TicketEvents.TOPIC, ticket, TicketEvents.PAGE_ACKNOWLEDGED, Duration.ofSeconds(20));
    assertThat(upToAck)
        .extracting(r -> KafkaEvents.header(r, "ce_type"))
        .filteredOn(TicketEvents.PAGE_SENT::equals)
        .hasSize(2);
    assertThat(upToAck)
        .extracting(r -> KafkaEvents.header(r, "ce_type"))
        .filteredOn(TicketEvents.PAGE_ESCALATED::equals)
        .hasSize(1);
    assertThat(upToAck.get(upToAck.size() - 1).value())
        .contains("\"acknowledgedBy\":\"" + second + "\"");

    String staff =
        as(TestTokens.engineer())
            .get("/api/v1/tickets/" + ticket + "/timeline?size=100")
            .then()
            .extract()
            .asString();
    assertThat(staff)
        .contains("Paged " + first + " by email (mail)")
        .contains("page escalated to step 2")
        .contains("Page acknowledged by " + second + " (email link)");
    String client =
        as(TestTokens.client(tenant))
            .get("/api/v1/tickets/" + ticket + "/timeline?size=100")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(client).doesNotContain("Paged").doesNotContain(first);
  }

  @Test
  void aWebhookAnswering500IsRetriedWithBackOffThenTheFailureIsOnTheTimeline() throws Throwable {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String tenant = InventoryFeed.tenant("hooks");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    String pager = "pager-" + run;
    try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
      receiver.answer.set(500);
      person(
          pager,
          List.of(
              Map.of(
                  "name", "sms", "kind", "WEBHOOK", "address", receiver.url(), "secret", SECRET)),
          List.of(Map.of("contact", "sms", "after", "PT0S")));
      policy(tenant, List.of(step("PERSON", pager)));
      time.set(Instant.parse("2026-12-01T03:00:00Z"));
      String ticket = incident(tenant);
      String pageId = page(ticket).getString("id");

      check();
      assertThat(receiver.await(1)).hasSize(1);
      JsonPath p =
          as(TestTokens.support())
              .get("/api/v1/on-call/pages/" + pageId)
              .then()
              .extract()
              .jsonPath();
      assertThat(p.getString("notifications[0].status")).isEqualTo("PENDING");
      assertThat(p.getString("notifications[0].dueAt")).isEqualTo("2026-12-01T03:00:30Z");
      // 30 s, then 60 s, then 120 s
      for (Duration wait :
          List.of(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120))) {
        check(); // not due yet: nothing goes
        time.advance(wait);
        check();
      }
      List<WebhookReceiver.Delivery> got = receiver.await(4);
      assertThat(got).hasSize(4);
      assertThat(got).allMatch(d -> d.verdict() == WebhookSignature.Verdict.VALID);
      assertThat(got.get(0).body()).contains("\"type\":\"page\"").contains(ticket);
      as(TestTokens.support())
          .get("/api/v1/on-call/pages/" + pageId)
          .then()
          .body("notifications[0].status", equalTo("FAILED"))
          .body("notifications[0].attempts", equalTo(4))
          .body("notifications[0].detail", equalTo("webhook answered 500"));
      as(TestTokens.engineer())
          .get("/api/v1/tickets/" + ticket + "/timeline?size=100")
          .then()
          .body(
              "items.body",
              hasItem(
                  "Page to "
                      + pager
                      + " by webhook (sms) failed after 4 attempts: webhook answered 500"));

      // acknowledged through the API by whoever takes it
      as(TestTokens.engineer())
          .post("/api/v1/on-call/pages/" + pageId + "/acknowledgement")
          .then()
          .statusCode(200)
          .body("status", equalTo("ACKNOWLEDGED"))
          .body("acknowledgedBy", equalTo("engineer"));
    }
  }

  @Test
  void aP3AtNightWaitsForTheMorningOfItsContractUnlessItIsAroundTheClock() throws Throwable {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String office = InventoryFeed.tenant("office");
    InventoryFeed.client(office, InventoryFeed.officeHours());
    String always = InventoryFeed.tenant("always");
    InventoryFeed.client(always, InventoryFeed.aroundTheClock());
    String officePager = "office-" + run, alwaysPager = "always-" + run;
    emailPerson(officePager);
    emailPerson(alwaysPager);
    policy(office, List.of(step("PERSON", officePager)));
    policy(always, List.of(step("PERSON", alwaysPager)));

    // Saturday 5 December, 03:00 Paris
    time.set(Instant.parse("2026-12-05T02:00:00Z"));
    String held = incident(office, "HIGH", "LOW"); // P3
    JsonPath page = page(held);
    assertThat(page.getString("priority")).isEqualTo("P3");
    assertThat(page.getString("status")).isEqualTo("HELD");
    // Monday 7 December, 09:00 Paris
    assertThat(page.getString("nextStepAt")).isEqualTo("2026-12-07T08:00:00Z");
    assertThat(page.getList("notifications")).isEmpty();
    String heldPage = page.getString("id");

    // the same night: a 24/7 contract's P3 and the office contract's P1 page at once
    String aroundTheClock = incident(always, "HIGH", "LOW");
    assertThat(page(aroundTheClock).getString("status")).isEqualTo("OPEN");
    String urgent = incident(office, "HIGH", "HIGH");
    assertThat(page(urgent).getString("status")).isEqualTo("OPEN");
    check();
    assertThat(SmtpServer.awaitTo(alwaysPager + "@hoster.example", 1)).hasSize(1);
    List<SmtpServer.Received> atNight = SmtpServer.awaitTo(officePager + "@hoster.example", 1);
    assertThat(atNight).hasSize(1);
    assertThat(atNight.get(0).subject()).startsWith("[Vigie] P1 ");
    as(TestTokens.engineer())
        .get("/api/v1/tickets/" + held + "/timeline?size=100")
        .then()
        .body(
            "items.body",
            hasItem(
                "P3 outside the contract's support hours: paging with escalation policy \"Policy "
                    + office
                    + "\" held until 2026-12-07 09:00 CET (Europe/Paris)"
                    + " (new incident, nobody acknowledged it yet)"));
    // held pages are listed with the open ones
    assertThat(
            as(TestTokens.support())
                .get("/api/v1/on-call/pages")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id"))
        .contains(heldPage);

    // a minute before the opening nothing goes; at the opening, step 1
    time.set(Instant.parse("2026-12-07T07:59:00Z"));
    check();
    assertThat(SmtpServer.to(officePager + "@hoster.example")).hasSize(1);
    time.set(Instant.parse("2026-12-07T08:00:00Z"));
    check();
    List<SmtpServer.Received> morning = SmtpServer.awaitTo(officePager + "@hoster.example", 2);
    assertThat(morning).hasSize(2);
    assertThat(morning.get(1).subject()).startsWith("[Vigie] P3 ");
    as(TestTokens.support())
        .get("/api/v1/on-call/pages/" + heldPage)
        .then()
        .body("status", equalTo("OPEN"))
        .body("step", equalTo(1))
        .body("nextStepAt", equalTo("2026-12-07T08:05:00Z"))
        .body("notifications[0].status", equalTo("SENT"));
    as(TestTokens.engineer())
        .get("/api/v1/tickets/" + held + "/timeline?size=100")
        .then()
        .body(
            "items.body",
            hasItem(
                "Support hours opened: paging starts with step 1 of escalation policy \"Policy "
                    + office
                    + "\""));
  }

  @Test
  void aHeldPageIsStoppedByTheTicketsAcknowledgement() throws Throwable {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String office = InventoryFeed.tenant("office");
    InventoryFeed.client(office, InventoryFeed.officeHours());
    String pager = "held-" + run;
    emailPerson(pager);
    policy(office, List.of(step("PERSON", pager)));
    // Wednesday 2 December, 22:00 Paris
    time.set(Instant.parse("2026-12-02T21:00:00Z"));
    String ticket = incident(office, "MEDIUM", "MEDIUM"); // P3
    String pageId = page(ticket).getString("id");
    as(TestTokens.support())
        .get("/api/v1/on-call/pages/" + pageId)
        .then()
        .body("status", equalTo("HELD"))
        .body("nextStepAt", equalTo("2026-12-03T08:00:00Z"));

    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(Map.of("status", "ACKNOWLEDGED"))
        .patch("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200);
    Instant until = Instant.now().plusSeconds(20);
    while (!"ACKNOWLEDGED"
            .equals(
                as(TestTokens.support())
                    .get("/api/v1/on-call/pages/" + pageId)
                    .then()
                    .extract()
                    .path("status"))
        && Instant.now().isBefore(until)) {
      Thread.sleep(50);
    }
    as(TestTokens.support())
        .get("/api/v1/on-call/pages/" + pageId)
        .then()
        .body("status", equalTo("ACKNOWLEDGED"))
        .body("acknowledgedBy", equalTo("engineer"));
    time.set(Instant.parse("2026-12-03T08:00:00Z"));
    check();
    assertThat(SmtpServer.to(pager + "@hoster.example")).isEmpty();
  }

  @Test
  void aStepNamingATeamPagesEveryMember() throws Throwable {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String tenant = InventoryFeed.tenant("teams");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    String alice = "net-alice-" + run, bob = "net-bob-" + run, carol = "net-carol-" + run;
    for (String s : List.of(alice, bob, carol)) {
      emailPerson(s);
    }
    var created =
        as(TestTokens.admin())
            .body(Map.of("name", "Network " + run, "members", List.of(alice, carol)))
            .post("/api/v1/on-call/teams")
            .then()
            .statusCode(201)
            .header("ETag", "\"1\"")
            .extract();
    String team = created.path("id");
    assertThat(created.header("Location")).endsWith("/api/v1/on-call/teams/" + team);
    // replaced with If-Match: bob in, carol out
    Map<String, Object> replaced = Map.of("name", "Network " + run, "members", List.of(alice, bob));
    as(TestTokens.admin())
        .body(replaced)
        .put("/api/v1/on-call/teams/" + team)
        .then()
        .statusCode(428);
    as(TestTokens.admin())
        .header("If-Match", "\"1\"")
        .body(replaced)
        .put("/api/v1/on-call/teams/" + team)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"");
    as(TestTokens.support())
        .get("/api/v1/on-call/teams/" + team)
        .then()
        .statusCode(200)
        .body("members", equalTo(List.of(alice, bob)));
    assertThat(
            as(TestTokens.support())
                .get("/api/v1/on-call/teams")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id"))
        .contains(team);

    policy(tenant, List.of(step("TEAM", team)));
    time.set(Instant.parse("2026-12-01T04:00:00Z"));
    String ticket = incident(tenant);
    page(ticket);
    check();
    assertThat(SmtpServer.awaitTo(alice + "@hoster.example", 1)).hasSize(1);
    assertThat(SmtpServer.awaitTo(bob + "@hoster.example", 1)).hasSize(1);
    assertThat(SmtpServer.to(carol + "@hoster.example")).isEmpty();

    // refusals: unknown and repeated members, a taken name, an unknown team in a policy
    as(TestTokens.admin())
        .body(Map.of("name", "", "members", List.of(alice, "nobody-" + run, alice)))
        .post("/api/v1/on-call/teams")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("name", "members[1]", "members[2]"));
    as(TestTokens.admin())
        .body(Map.of("name", "Network " + run, "members", List.of(carol)))
        .post("/api/v1/on-call/teams")
        .then()
        .statusCode(409);
    as(TestTokens.admin())
        .body(
            Map.of(
                "name",
                "Unknown team " + run,
                "steps",
                List.of(step("TEAM", UUID.randomUUID().toString())),
                "repeat",
                0))
        .post("/api/v1/on-call/policies")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("steps[0].targets[0].id"));
    // staff only; admins write
    as(TestTokens.engineer())
        .body(Map.of("name", "x", "members", List.of(alice)))
        .post("/api/v1/on-call/teams")
        .then()
        .statusCode(403);
    for (String token : List.of(TestTokens.client(tenant), TestTokens.agent())) {
      as(token).get("/api/v1/on-call/teams").then().statusCode(403);
      as(token).get("/api/v1/on-call/teams/" + team).then().statusCode(403);
    }
    given().get("/api/v1/on-call/teams").then().statusCode(401);
    as(TestTokens.support())
        .get("/api/v1/on-call/teams/" + UUID.randomUUID())
        .then()
        .statusCode(404);
  }

  @Test
  void pagesAndPoliciesAreStaffOnly() {
    for (String token : List.of(TestTokens.client("lumiere"), TestTokens.agent())) {
      as(token).get("/api/v1/on-call/pages").then().statusCode(403);
      as(token).get("/api/v1/on-call/pages/" + UUID.randomUUID()).then().statusCode(403);
      as(token)
          .post("/api/v1/on-call/pages/" + UUID.randomUUID() + "/acknowledgement")
          .then()
          .statusCode(403);
      as(token)
          .post("/api/v1/on-call/pages/" + UUID.randomUUID() + "/resolution")
          .then()
          .statusCode(403);
      as(token).get("/api/v1/on-call/policies").then().statusCode(403);
      as(token).get("/api/v1/on-call/policies/" + UUID.randomUUID()).then().statusCode(403);
      as(token).body(Map.of()).post("/api/v1/on-call/policies").then().statusCode(403);
    }
    given().get("/api/v1/on-call/pages").then().statusCode(401);
    as(TestTokens.support())
        .get("/api/v1/on-call/pages/" + UUID.randomUUID())
        .then()
        .statusCode(404);
    given()
        .post("/api/v1/on-call/pages/" + UUID.randomUUID() + "/resolution")
        .then()
        .statusCode(401);
    as(TestTokens.engineer())
        .post("/api/v1/on-call/pages/" + UUID.randomUUID() + "/resolution")
        .then()
        .statusCode(404);
    as(TestTokens.support())
        .get("/api/v1/on-call/policies/" + UUID.randomUUID())
        .then()
        .statusCode(404);
    as(TestTokens.engineer())
        .body(Map.of("name", "x", "steps", List.of(), "repeat", 0))
        .post("/api/v1/on-call/policies")
        .then()
        .statusCode(403);
    as(TestTokens.admin())
        .body(
            Map.of(
                "name",
                "Bad",
                "priority",
                "P9",
                "steps",
                List.of(
                    Map.of(
                        "targets",
                        List.of(Map.of("kind", "PERSON", "id", "nobody-x")),
                        "delay",
                        "PT10S")),
                "repeat",
                11))
        .post("/api/v1/on-call/policies")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("priority"))
        .body("errors.field", hasItem("repeat"))
        .body("errors.field", hasItem("steps[0].delay"))
        .body("errors.field", hasItem("steps[0].targets[0].id"));
  }

  /** The one message to {@code address} about {@code ticket} (its API address is in the body). */
  static SmtpServer.Received mailAbout(String address, String ticket) {
    List<SmtpServer.Received> about =
        SmtpServer.to(address).stream()
            .filter(m -> m.body().contains("/api/v1/tickets/" + ticket))
            .toList();
    assertThat(about).hasSize(1);
    return about.get(0);
  }

  static String token(Pattern link, String body) {
    Matcher m = link.matcher(body);
    assertThat(m.find()).as("a link in %s", body).isTrue();
    return m.group(1);
  }

  static JsonPath ticketOf(String id) {
    return as(TestTokens.engineer())
        .get("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void theResolveLinkOfThePageEmailResolvesTheIncidentOnceAsTheEngineerOnCall() throws Throwable {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String tenant = InventoryFeed.tenant("fixed");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    String other = InventoryFeed.tenant("other");
    InventoryFeed.client(other, InventoryFeed.aroundTheClock());
    String pager = "fixer-" + run, next = "next-" + run;
    emailPerson(pager);
    emailPerson(next);
    policy(tenant, List.of(step("PERSON", pager), step("PERSON", next)));
    policy(other, List.of(step("PERSON", pager)));

    time.set(Instant.parse("2026-12-01T03:00:00Z"));
    String ticket = incident(tenant);
    String theirs = incident(other);
    String pageId = page(ticket).getString("id");
    String theirPage = page(theirs).getString("id");
    check();
    assertThat(SmtpServer.awaitTo(pager + "@hoster.example", 2)).hasSize(2);
    SmtpServer.Received mail = mailAbout(pager + "@hoster.example", ticket);
    String token = token(RESOLVE, mail.body());
    // one link per email: it acknowledges once and resolves once
    assertThat(token(LINK, mail.body())).isEqualTo(token);
    assertThat(mail.body())
        .contains("Resolve: http://localhost:8083/on-call/resolve/" + token)
        .contains("until 2026-12-02T03:00:00Z");
    String theirToken = token(RESOLVE, mailAbout(pager + "@hoster.example", theirs).body());
    String reference = ticketOf(ticket).getString("reference");

    // a browser opening the link sees the ticket and a button; nothing changes
    given()
        .accept("text/html")
        .get("/on-call/resolve/" + token)
        .then()
        .statusCode(200)
        .contentType(startsWith("text/html"))
        .body(containsString(reference), containsString("Resolve the incident"));
    given()
        .accept("text/html")
        .get("/on-call/ack/" + token)
        .then()
        .statusCode(200)
        .body(containsString("Acknowledge"), containsString("Resolve the incident"));
    // an altered link is unknown: 404, as an HTML page for a browser, and nothing changes
    String tampered = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
    given()
        .post("/on-call/resolve/" + tampered)
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"))
        .body("title", equalTo("Unknown link"));
    given()
        .accept("text/html")
        .post("/on-call/resolve/" + tampered)
        .then()
        .statusCode(404)
        .contentType(startsWith("text/html"))
        .body(containsString("Unknown link"), containsString("Nothing was changed"));
    assertThat(ticketOf(ticket).getString("status")).isEqualTo("NEW");
    assertThat(ticketOf(ticket).getInt("version")).isEqualTo(1);

    time.advance(Duration.ofMinutes(2));
    given()
        .accept("text/html")
        .post("/on-call/resolve/" + token)
        .then()
        .statusCode(200)
        .contentType(startsWith("text/html"))
        .body(containsString(reference + " resolved by " + pager));
    JsonPath resolved = ticketOf(ticket);
    assertThat(resolved.getString("status")).isEqualTo("RESOLVED");
    assertThat(resolved.getString("interventionClock.phase")).isEqualTo("STOPPED");
    assertThat(resolved.getBoolean("interventionClock.met")).isTrue();
    int version = resolved.getInt("version");
    as(TestTokens.support())
        .get("/api/v1/on-call/pages/" + pageId)
        .then()
        .body("status", equalTo("ACKNOWLEDGED"))
        .body("acknowledgedBy", equalTo(pager))
        .body("resolvedBy", equalTo(pager))
        .body("resolvedThrough", equalTo("email link"))
        .body("resolvedAt", equalTo("2026-12-01T03:02:00Z"));

    // replayed: 410 (HTML for a browser, a problem otherwise), and nothing changes
    given()
        .accept("text/html")
        .post("/on-call/resolve/" + token)
        .then()
        .statusCode(410)
        .contentType(startsWith("text/html"))
        .body(containsString("Link already used"));
    given()
        .post("/on-call/resolve/" + token)
        .then()
        .statusCode(410)
        .body("title", equalTo("Link already used"));
    // the same link no longer acknowledges: the page stopped
    given().post("/on-call/ack/" + token).then().statusCode(409);
    assertThat(ticketOf(ticket).getInt("version")).isEqualTo(version);

    // the other client's incident, paged to the same person at the same time, is untouched
    assertThat(ticketOf(theirs).getString("status")).isEqualTo("NEW");
    as(TestTokens.support())
        .get("/api/v1/on-call/pages/" + theirPage)
        .then()
        .body("status", equalTo("OPEN"))
        .body("resolvedBy", equalTo(null));

    // the escalation stopped: step 2 never goes
    time.advance(Duration.ofMinutes(10));
    check();
    assertThat(SmtpServer.to(next + "@hoster.example")).isEmpty();

    // on ticket.events: the page acknowledged, then the ticket resolved by the person
    List<ConsumerRecord<String, String>> events =
        KafkaEvents.awaitThrough(
            TicketEvents.TOPIC, ticket, TicketEvents.TICKET_RESOLVED, Duration.ofSeconds(20));
    assertThat(events.stream().map(r -> KafkaEvents.header(r, "ce_type")))
        .containsSubsequence(TicketEvents.PAGE_ACKNOWLEDGED, TicketEvents.TICKET_RESOLVED);
    assertThat(events.get(events.size() - 1).value()).contains("\"actor\":\"" + pager + "\"");
    // who, when and through which channel, on the staff timeline; the client reads the resolution
    as(TestTokens.engineer())
        .get("/api/v1/tickets/" + ticket + "/timeline?size=100")
        .then()
        .body("items.body", hasItem("Page acknowledged by " + pager + " (email link)"))
        .body("items.body", hasItem("Resolved by " + pager + " from the page (email link)"));
    as(TestTokens.client(tenant))
        .get("/api/v1/tickets/" + ticket + "/timeline?size=100")
        .then()
        .statusCode(200)
        .body("items.body", hasItem("NEW -> RESOLVED"))
        .body(not(containsString("from the page")));

    // a day later the other email's link has expired: 410, nothing changes
    time.set(Instant.parse("2026-12-02T03:00:00Z"));
    given()
        .accept("text/html")
        .post("/on-call/resolve/" + theirToken)
        .then()
        .statusCode(410)
        .contentType(startsWith("text/html"))
        .body(containsString("Link expired"));
    given().post("/on-call/ack/" + theirToken).then().statusCode(410);
    given().get("/on-call/resolve/" + theirToken).then().statusCode(410);
    assertThat(ticketOf(theirs).getString("status")).isEqualTo("NEW");

    // resolved through the API instead, by whoever takes it; once
    as(TestTokens.engineer())
        .post("/api/v1/on-call/pages/" + theirPage + "/resolution")
        .then()
        .statusCode(200)
        .body("resolvedBy", equalTo("engineer"))
        .body("resolvedThrough", equalTo("API"));
    assertThat(ticketOf(theirs).getString("status")).isEqualTo("RESOLVED");
    as(TestTokens.engineer())
        .post("/api/v1/on-call/pages/" + theirPage + "/resolution")
        .then()
        .statusCode(409);
  }

  @Test
  void thePageEmailLinksTheRunbookTheAlertRuleNames() throws Throwable {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String tenant = InventoryFeed.tenant("runbook");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    UUID db = InventoryFeed.server("db");
    String pager = "reader-" + run;
    emailPerson(pager);
    policy(tenant, List.of(step("PERSON", pager)));
    String slug = "disk-full-" + run;
    Map<String, Object> article = new HashMap<>();
    article.put("kind", "RUNBOOK");
    article.put("visibility", "INTERNAL");
    article.put("title", "Disk full " + run);
    article.put("body", "1. `df -h`");
    article.put("slug", slug);
    article.put("publish", true);
    String articleId =
        as(TestTokens.engineer())
            .body(article)
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    // three alerts: a rule naming a knowledge base article, one naming a wiki page, one none
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String host = InventoryFeed.hostname("db", db);
    Map<String, AlertFired> alerts =
        Map.of(
            "kb",
            Alerts.byRule(
                Alerts.fired("fp-kb-" + run, at, db, host, List.of(tenant), List.of()),
                "disk-space-low",
                "kb:" + slug),
            "url",
            Alerts.byRule(
                Alerts.fired("fp-url-" + run, at, db, host, List.of(tenant), List.of()),
                "http-5xx",
                "https://wiki.example.net/runbooks/http-5xx"),
            "none",
            Alerts.fired("fp-none-" + run, at, db, host, List.of(tenant), List.of()));
    Map<String, String> incidents = new HashMap<>();
    for (Map.Entry<String, AlertFired> alert : alerts.entrySet()) {
      Alerts.publish(alert.getValue());
    }
    for (Map.Entry<String, AlertFired> alert : alerts.entrySet()) {
      Instant until = Instant.now().plusSeconds(30);
      String id = null;
      while (id == null && Instant.now().isBefore(until)) {
        id =
            as(TestTokens.support())
                .get(
                    "/api/v1/tickets?tenant=" + tenant + "&alert=" + alert.getValue().fingerprint())
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        if (id == null) {
          Thread.sleep(50);
        }
      }
      assertThat(id).as("the incident of %s", alert.getKey()).isNotNull();
      incidents.put(alert.getKey(), id);
      // a client's incident under its parent is paged once someone escalates it
      as(TestTokens.engineer())
          .header("If-Match", "*")
          .body(Map.of("supportLevel", "L2", "reason", "needs the DBA"))
          .patch("/api/v1/tickets/" + id)
          .then()
          .statusCode(200);
    }
    for (String id : incidents.values()) {
      page(id);
    }
    check();
    assertThat(SmtpServer.awaitTo(pager + "@hoster.example", 3)).hasSize(3);

    SmtpServer.Received kb = mailAbout(pager + "@hoster.example", incidents.get("kb"));
    String articleUrl = "http://localhost:8083/api/v1/articles/" + articleId;
    assertThat(kb.body())
        .contains("Runbook: Disk full " + run + " " + articleUrl)
        .contains("<a href=\"" + articleUrl + "\">Disk full " + run + "</a>");
    assertThat(mailAbout(pager + "@hoster.example", incidents.get("url")).body())
        .contains("Runbook: https://wiki.example.net/runbooks/http-5xx")
        .contains("<a href=\"https://wiki.example.net/runbooks/http-5xx\">");
    assertThat(mailAbout(pager + "@hoster.example", incidents.get("none")).body())
        .doesNotContain("Runbook");
  }

  @Test
  void aTicketResolvedStraightFromNewInTheTicketStopsItsPage() throws Throwable {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String tenant = InventoryFeed.tenant("quick");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    String pager = "quick-" + run;
    emailPerson(pager);
    policy(tenant, List.of(step("PERSON", pager)));
    time.set(Instant.parse("2026-12-03T03:00:00Z"));
    String ticket = incident(tenant);
    String pageId = page(ticket).getString("id");
    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(Map.of("status", "RESOLVED"))
        .patch("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200);
    Instant until = Instant.now().plusSeconds(20);
    while (!"ACKNOWLEDGED"
            .equals(
                as(TestTokens.support())
                    .get("/api/v1/on-call/pages/" + pageId)
                    .then()
                    .extract()
                    .path("status"))
        && Instant.now().isBefore(until)) {
      Thread.sleep(50);
    }
    as(TestTokens.support())
        .get("/api/v1/on-call/pages/" + pageId)
        .then()
        .body("status", equalTo("ACKNOWLEDGED"))
        .body("acknowledgedBy", equalTo("engineer"))
        .body("notifications[0].status", equalTo("CANCELLED"));
    check();
    assertThat(SmtpServer.to(pager + "@hoster.example")).isEmpty();
  }
}
