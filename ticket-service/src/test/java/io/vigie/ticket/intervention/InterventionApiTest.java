package io.vigie.ticket.intervention;

import static io.vigie.ticket.intervention.Interventions.PATH;
import static io.vigie.ticket.intervention.Interventions.accept;
import static io.vigie.ticket.intervention.Interventions.act;
import static io.vigie.ticket.intervention.Interventions.answer;
import static io.vigie.ticket.intervention.Interventions.as;
import static io.vigie.ticket.intervention.Interventions.proposal;
import static io.vigie.ticket.intervention.Interventions.propose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.ticket.TicketEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.PublishedEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.MovableTime;
import io.vigie.ticket.intervention.Interventions.Platform;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Planned interventions through the API, on the real broker and database: each client concerned
 * answers for itself, the intervention is scheduled once every consent is accepted, then started
 * within its window and ended, each move published once on ticket.events.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class InterventionApiTest {

  @Inject MovableTime time;

  @AfterEach
  void realTime() {
    time.release();
  }

  @Test
  void everyClientConsentsThenItIsScheduledStartedAndEnded() {
    Platform p = Platform.create();
    time.set(Instant.parse("2032-01-10T08:00:00Z"));
    String key = "int-" + UUID.randomUUID();
    Map<String, Object> body =
        proposal(
            List.of(p.hypervisor()),
            List.of(),
            List.of(),
            "2032-01-12T22:00:00Z",
            "2032-01-12T23:30:00Z");
    var proposed =
        as(TestTokens.engineer())
            .header("Idempotency-Key", key)
            .body(body)
            .post(PATH)
            .then()
            .statusCode(201)
            .body("status", equalTo("PROPOSED"))
            .body("reference", org.hamcrest.Matchers.startsWith("INT-2032-"))
            .body("targets.id", contains(p.hypervisor().toString()))
            .body("consents.tenant", containsInAnyOrder(p.first(), p.second()))
            .body("consents.answer", everyItem(equalTo("PENDING")))
            .extract();
    String id = proposed.path("id");
    assertThat(proposed.header("Location")).endsWith(PATH + "/" + id);
    assertThat(proposed.header("ETag")).isEqualTo("\"1\"");
    // the same proposal retried answers the first one, not a second intervention
    as(TestTokens.engineer())
        .header("Idempotency-Key", key)
        .body(body)
        .post(PATH)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(id));

    // each client sees only its own consent and what concerns it
    as(TestTokens.client(p.first()))
        .get(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("consents.tenant", contains(p.first()))
        .body("consents[0].serverIds", contains(p.hypervisor().toString()))
        .body("consents[0].hostedServiceIds.size()", equalTo(0))
        .body("targets.id", contains(p.hypervisor().toString()));
    as(TestTokens.client(p.second()))
        .get(PATH + "/" + id)
        .then()
        .body("consents.tenant", contains(p.second()))
        .body("consents[0].hostedServiceIds", contains(p.website().toString()));

    accept(p.first(), id).body("status", equalTo("PROPOSED"));
    answer(TestTokens.client(p.second()), id, Map.of("answer", "DECLINED"))
        .statusCode(400)
        .body("errors.field", contains("reason"));
    answer(
            TestTokens.client(p.second()),
            id,
            Map.of("answer", "DECLINED", "reason", "Black Friday follow-up sales that night"))
        .statusCode(200)
        .body("status", equalTo("PROPOSED"))
        .body("consents[0].answer", equalTo("DECLINED"));
    answer(
            TestTokens.client(p.second()),
            id,
            Map.of(
                "answer", "OTHER_SLOT_PROPOSED",
                "proposedStartsAt", "2032-01-14T22:00:00Z",
                "proposedEndsAt", "2032-01-14T23:30:00Z"))
        .statusCode(200)
        .body("consents[0].answer", equalTo("OTHER_SLOT_PROPOSED"))
        .body("consents[0].proposedStartsAt", equalTo("2032-01-14T22:00:00Z"));

    // staff move it to the slot the client asked for: everyone is asked again
    String version = as(TestTokens.engineer()).get(PATH + "/" + id).then().extract().header("ETag");
    as(TestTokens.engineer())
        .body(Map.of("startsAt", "2032-01-14T22:00:00Z"))
        .patch(PATH + "/" + id)
        .then()
        .statusCode(428);
    as(TestTokens.engineer())
        .header("If-Match", version)
        .body(Map.of("startsAt", "2032-01-14T22:00:00Z", "endsAt", "2032-01-14T23:30:00Z"))
        .patch(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("startsAt", equalTo("2032-01-14T22:00:00Z"))
        .body("consents.answer", everyItem(equalTo("PENDING")));

    accept(p.first(), id).body("status", equalTo("PROPOSED"));
    accept(p.second(), id)
        .body("status", equalTo("SCHEDULED"))
        .body("scheduledAt", equalTo("2032-01-10T08:00:00Z"));
    answer(TestTokens.client(p.first()), id, Map.of("answer", "ACCEPTED")).statusCode(409);
    as(TestTokens.engineer())
        .header("If-Match", "*")
        .body(Map.of("startsAt", "2032-01-15T22:00:00Z"))
        .patch(PATH + "/" + id)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");

    // not before the window the clients agreed to; a client never starts it
    act(TestTokens.engineer(), id, "start").statusCode(409);
    time.set(Instant.parse("2032-01-14T22:05:00Z"));
    act(TestTokens.client(p.first()), id, "start").statusCode(403);
    act(TestTokens.engineer(), id, "end").statusCode(409);
    act(TestTokens.engineer(), id, "start")
        .statusCode(200)
        .body("status", equalTo("STARTED"))
        .body("startedAt", equalTo("2032-01-14T22:05:00Z"));
    act(TestTokens.engineer(), id, "cancel").statusCode(409);
    time.set(Instant.parse("2032-01-14T22:50:00Z"));
    act(TestTokens.engineer(), id, "end")
        .statusCode(200)
        .body("status", equalTo("ENDED"))
        .body("endedAt", equalTo("2032-01-14T22:50:00Z"));
    act(TestTokens.engineer(), id, "start").statusCode(409);

    List<ConsumerRecord<String, String>> events =
        PublishedEvents.await(
            TicketEvents.TOPIC, KafkaEvents.withKey(id), 3, Duration.ofSeconds(20));
    assertThat(events)
        .extracting(r -> KafkaEvents.header(r, "ce_type"))
        .containsExactly(
            TicketEvents.INTERVENTION_SCHEDULED,
            TicketEvents.INTERVENTION_STARTED,
            TicketEvents.INTERVENTION_ENDED);
    assertThat(events.get(0).value())
        .contains(
            "\"startsAt\":\"2032-01-14T22:00:00Z\"",
            "\"endsAt\":\"2032-01-14T23:30:00Z\"",
            "\"serverIds\":[\"" + p.hypervisor() + "\"]",
            "\"hostedServiceIds\":[]")
        .contains(p.first(), p.second())
        .doesNotContain("Black Friday");
    assertThat(events.get(2).value()).contains("\"at\":\"2032-01-14T22:50:00Z\"");

    // the history: each client reads the shared entries and its own answers only
    as(TestTokens.client(p.first()))
        .get(PATH + "/" + id + "/timeline")
        .then()
        .statusCode(200)
        .body(
            "items.kind",
            contains(
                "PROPOSED", "ANSWERED", "RESCHEDULED", "ANSWERED", "SCHEDULED", "STARTED", "ENDED"))
        .body("items.body", not(hasItem(org.hamcrest.Matchers.containsString("Black Friday"))));
    as(TestTokens.client(p.second()))
        .get(PATH + "/" + id + "/timeline")
        .then()
        .body("items.body", hasItem(org.hamcrest.Matchers.containsString("Black Friday")))
        .body("items.tenant", not(hasItem(p.first())));
    as(TestTokens.support())
        .queryParam("size", 4)
        .get(PATH + "/" + id + "/timeline")
        .then()
        .body("items.size()", equalTo(4))
        .body("next", notNullValue());
  }

  @Test
  void aVmOrServiceConcernsOnlyItsOwnerAndAnInterventionConcerningNobodyIsScheduledAtOnce() {
    Platform p = Platform.create();
    String onVm =
        propose(
            proposal(
                List.of(),
                List.of(p.container()),
                List.of(p.thirdWebsite()),
                "2032-02-01T22:00:00Z",
                "2032-02-01T23:00:00Z"));
    as(TestTokens.engineer())
        .get(PATH + "/" + onVm)
        .then()
        .body("consents.tenant", containsInAnyOrder(p.first(), p.third()))
        .body("targets.kind", containsInAnyOrder("VIRTUAL_MACHINE", "HOSTED_SERVICE"));
    as(TestTokens.client(p.third()))
        .get(PATH + "/" + onVm)
        .then()
        .body("targets.id", contains(p.thirdWebsite().toString()));

    UUID empty = io.vigie.ticket.InventoryFeed.server("spare");
    var nobody =
        as(TestTokens.engineer())
            .body(
                proposal(
                    List.of(empty),
                    List.of(),
                    List.of(),
                    "2032-02-02T22:00:00Z",
                    "2032-02-02T23:00:00Z"))
            .post(PATH)
            .then()
            .statusCode(201)
            .body("status", equalTo("SCHEDULED"))
            .body("consents.size()", equalTo(0))
            .extract()
            .<String>path("id");
    act(TestTokens.engineer(), nobody, "cancel")
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
    assertThat(
            PublishedEvents.await(
                    TicketEvents.TOPIC, KafkaEvents.withKey(nobody), 2, Duration.ofSeconds(20))
                .stream()
                .map(r -> KafkaEvents.header(r, "ce_type")))
        .containsExactly(TicketEvents.INTERVENTION_SCHEDULED, TicketEvents.INTERVENTION_CANCELLED);

    // lists: staff by status and client; a client only its own
    as(TestTokens.client(p.third()))
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", contains(onVm));
    as(TestTokens.support())
        .queryParam("tenant", p.first())
        .queryParam("total", true)
        .get(PATH)
        .then()
        .body("items.id", contains(onVm))
        .body("total", equalTo(1));
    as(TestTokens.support())
        .queryParam("status", "CANCELLED")
        .queryParam("size", 500)
        .get(PATH)
        .then()
        .body("items.id", hasItem(nobody))
        .body("items.status", everyItem(equalTo("CANCELLED")));
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
    Platform p = Platform.create();
    String start = "2032-03-01T22:00:00Z";
    String end = "2032-03-01T23:00:00Z";
    long before = total();

    expectField(proposal(List.of(), List.of(), List.of(), start, end), "serverIds");
    expectField(
        proposal(List.of(p.hypervisor(), UUID.randomUUID()), List.of(), List.of(), start, end),
        "serverIds[1]");
    expectField(
        proposal(List.of(), List.of(UUID.randomUUID()), List.of(), start, end),
        "virtualMachineIds[0]");
    expectField(
        proposal(List.of(), List.of(), List.of(UUID.randomUUID()), start, end),
        "hostedServiceIds[0]");
    expectField(proposal(List.of(p.hypervisor()), List.of(), List.of(), end, start), "endsAt");
    Map<String, Object> noTitle =
        proposal(List.of(p.hypervisor()), List.of(), List.of(), start, end);
    noTitle.remove("title");
    expectField(noTitle, "title");
    Map<String, Object> badInstant =
        proposal(List.of(p.hypervisor()), List.of(), List.of(), start, end);
    badInstant.put("startsAt", "tonight");
    expectField(badInstant, "startsAt");
    // a client does not propose
    as(TestTokens.client(p.first()))
        .body(proposal(List.of(p.hypervisor()), List.of(), List.of(), start, end))
        .post(PATH)
        .then()
        .statusCode(403);
    assertThat(total()).isEqualTo(before);

    String id = propose(proposal(List.of(p.hypervisor()), List.of(), List.of(), start, end));
    answer(
            TestTokens.client(p.first()),
            id,
            Map.of("answer", "OTHER_SLOT_PROPOSED", "proposedStartsAt", start))
        .statusCode(400)
        .body("errors.field", contains("proposedEndsAt"));
    answer(
            TestTokens.client(p.first()),
            id,
            Map.of(
                "answer", "OTHER_SLOT_PROPOSED", "proposedStartsAt", end, "proposedEndsAt", start))
        .statusCode(400)
        .body("errors.field", contains("proposedEndsAt"));
    answer(TestTokens.client(p.first()), id, Map.of("answer", "PENDING"))
        .statusCode(400)
        .body("errors.field", contains("answer"));
    answer(TestTokens.client(p.first()), id, Map.of("answer", "MAYBE")).statusCode(400);
    // staff do not consent for a client
    answer(TestTokens.engineer(), id, Map.of("answer", "ACCEPTED")).statusCode(403);
    as(TestTokens.engineer())
        .get(PATH + "/" + id)
        .then()
        .body("consents.answer", everyItem(equalTo("PENDING")))
        .body("version", equalTo(1));
  }

  private static long total() {
    return ((Number)
            as(TestTokens.support())
                .queryParam("total", true)
                .queryParam("size", 1)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .path("total"))
        .longValue();
  }

  private static void expectField(Map<String, Object> body, String field) {
    as(TestTokens.engineer())
        .body(body)
        .post(PATH)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains(field));
  }
}
