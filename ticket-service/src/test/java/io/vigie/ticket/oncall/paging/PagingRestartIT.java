package io.vigie.ticket.oncall.paging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vigie.events.inventory.ClientRegistered;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.ticket.TicketEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.PackagedService;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.InventoryFeed;
import io.vigie.ticket.oncall.SmtpServer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real crash between two escalation steps: ticket-service as shipped (its jar in its own JVM, on
 * the test kit's PostgreSQL and Kafka, mailing a real SMTP server) pages step 1 of a P1 incident,
 * is killed with SIGKILL before step 2 is due, and is started again with its clock moved close to
 * step 2 (the test-only {@code vigie.test.clock-offset}). Step 2 is sent once, not before it is
 * due; step 1 is never sent again, step 3 not yet; the escalation is published once. Messages are
 * counted at the SMTP server; the events are counted up to the page's acknowledgement, which the
 * test makes last (the outbox publishes in commit order, so nothing sent before it is missed).
 */
class PagingRestartIT {

  private static final VigieTestResources INFRASTRUCTURE = new VigieTestResources();
  private static final SmtpServer SMTP = new SmtpServer();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static Map<String, String> config;
  private static PackagedService service;

  @BeforeAll
  static void startInfrastructure() {
    config = new HashMap<>(INFRASTRUCTURE.start());
    config.putAll(SMTP.start());
    config.put("vigie.ticket.oncall.watch-every", "0.2s");
  }

  @AfterAll
  static void stopInfrastructure() throws Exception {
    if (service != null) {
      service.kill();
    }
    SMTP.stop();
    INFRASTRUCTURE.stop();
  }

  private static PackagedService start(Duration offset) throws Exception {
    Map<String, String> c = new HashMap<>(config);
    c.put("vigie.test.clock-offset", offset.toString());
    service = PackagedService.start("ticket-service", c).awaitReady(Duration.ofSeconds(120));
    return service;
  }

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  private static void emailPerson(String subject) {
    as(TestTokens.admin())
        .body(
            Map.of(
                "name",
                subject,
                "contactMethods",
                List.of(Map.of("name", "mail", "kind", "EMAIL", "address", mail(subject))),
                "notificationRules",
                List.of(Map.of("contact", "mail", "after", "PT0S"))))
        .put(service.url("/api/v1/on-call/people/" + subject))
        .then()
        .statusCode(200);
  }

  private static String mail(String subject) {
    return subject + "@hoster.example";
  }

  private static Map<String, Object> step(String person) {
    return Map.of("targets", List.of(Map.of("kind", "PERSON", "id", person)), "delay", "PT5M");
  }

  @Test
  void aServiceKilledBetweenTwoStepsSendsTheNextStepOnceAndNeverTheFirstAgain() throws Exception {
    Instant started = Instant.now();
    start(Duration.ZERO);
    Duration startup = Duration.between(started, Instant.now());

    String tenant = InventoryFeed.tenant("crash");
    InventoryFeed.publish(
        new ClientRegistered(
            new ClientSnapshot(
                UUID.randomUUID(),
                tenant,
                "Crash SAS",
                "ops@" + tenant + ".example",
                InventoryFeed.aroundTheClock(),
                1)));
    String first = "night-" + tenant, second = "lead-" + tenant, third = "cto-" + tenant;
    for (String person : List.of(first, second, third)) {
      emailPerson(person);
    }
    Map<String, Object> policy = new HashMap<>();
    policy.put("name", "Crash " + tenant);
    policy.put("tenant", tenant);
    policy.put("steps", List.of(step(first), step(second), step(third)));
    policy.put("repeat", 0);
    as(TestTokens.admin())
        .body(policy)
        .post(service.url("/api/v1/on-call/policies"))
        .then()
        .statusCode(201);

    Map<String, Object> incident =
        Map.of(
            "type", "INCIDENT",
            "title", "Shop down",
            "description", "502 on checkout",
            "impact", "HIGH",
            "urgency", "HIGH",
            "tenant", tenant);
    // 400 `tenant` until the client arrived from inventory.events
    String ticket =
        await()
            .atMost(WAIT)
            .until(
                () -> as(TestTokens.engineer()).body(incident).post(service.url("/api/v1/tickets")),
                r -> r.statusCode() == 201)
            .path("id");

    // step 1 goes by email at once, and is recorded as sent before the crash
    assertThat(SmtpServer.awaitTo(mail(first), 1, WAIT)).hasSize(1);
    JsonPath page = page(ticket, 1);
    assertThat(page.getInt("step")).isEqualTo(1);
    Instant stepTwoDue = Instant.parse(page.getString("nextStepAt"));
    assertThat(SmtpServer.to(mail(second))).isEmpty();

    service.kill(); // SIGKILL: no shutdown hook, no graceful close

    // started again with its clock moved to shortly before step 2 is due (as long before as the
    // first start took, which ran every migration, plus a margin), so step 2 falls due while it
    // runs, after a few watch runs that must send nothing
    Duration lead = startup.plusSeconds(2);
    Duration offset = Duration.between(Instant.now(), stepTwoDue.minus(lead));
    start(offset);
    if (Instant.now().plus(offset).isBefore(stepTwoDue.minusMillis(500))) {
      assertThat(SmtpServer.to(mail(second))).isEmpty();
    }

    List<SmtpServer.Received> toSecond = SmtpServer.awaitTo(mail(second), 1, WAIT);
    assertThat(toSecond).hasSize(1);
    // accepted by the SMTP server no earlier than due, on the service's (moved) clock
    assertThat(toSecond.get(0).at().plus(offset)).isAfterOrEqualTo(stepTwoDue.minusSeconds(1));
    assertThat(toSecond.get(0).subject()).startsWith("[Vigie] P1 INC-").contains("Shop down");

    // step 2 recorded as sent: then the page is acknowledged, which stops everything after it
    JsonPath after = page(ticket, 2);
    assertThat(after.getString("status")).isEqualTo("OPEN");
    assertThat(after.getInt("step")).isEqualTo(2);
    assertThat(after.getList("notifications")).hasSize(2);
    assertThat(after.getList("notifications.attempts", Integer.class)).containsOnly(1);
    assertThat(Instant.parse(after.getString("notifications[1].sentAt")))
        .isAfterOrEqualTo(stepTwoDue);
    as(TestTokens.engineer())
        .post(service.url("/api/v1/on-call/pages/" + after.getString("id") + "/acknowledgement"))
        .then()
        .statusCode(200);

    // everything the ticket published up to the acknowledgement: one escalation, two pages sent
    List<String> types =
        KafkaEvents.awaitThrough(TicketEvents.TOPIC, ticket, TicketEvents.PAGE_ACKNOWLEDGED, WAIT)
            .stream()
            .map(r -> KafkaEvents.header(r, "ce_type"))
            .toList();
    assertThat(types).filteredOn(TicketEvents.PAGE_ESCALATED::equals).hasSize(1);
    assertThat(types).filteredOn(TicketEvents.PAGE_SENT::equals).hasSize(2);
    // and at the SMTP server: step 1 once, step 2 once, step 3 never
    assertThat(SmtpServer.to(mail(first))).hasSize(1);
    assertThat(SmtpServer.to(mail(second))).hasSize(1);
    assertThat(SmtpServer.to(mail(third))).isEmpty();
  }

  /** The ticket's page once {@code sent} of its notifications are recorded as sent. */
  private static JsonPath page(String ticket, int sent) {
    String id =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    as(TestTokens.support())
                        .get(service.url("/api/v1/on-call/pages?ticket=" + ticket))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("[0].id"),
                found -> found != null);
    return await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                as(TestTokens.support())
                    .get(service.url("/api/v1/on-call/pages/" + id))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath(),
            p -> p.getList("notifications.status").stream().filter("SENT"::equals).count() == sent);
  }
}
