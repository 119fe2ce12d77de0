package io.vigie.ticket.intervention;

import static io.restassured.RestAssured.given;
import static io.vigie.ticket.intervention.Interventions.accept;
import static io.vigie.ticket.intervention.Interventions.act;
import static io.vigie.ticket.intervention.Interventions.as;
import static io.vigie.ticket.intervention.Interventions.proposal;
import static io.vigie.ticket.intervention.Interventions.propose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.MovableTime;
import io.vigie.ticket.intervention.Interventions.Platform;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The per-client iCalendar feed, read with no bearer token as a calendar application reads it, and
 * parsed by ical4j and by Python's independent {@code icalendar}; rotating it kills the old
 * address.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class CalendarFeedTest {

  static final String FEEDS = "/api/v1/calendar-feeds/";

  @Inject MovableTime time;

  @AfterEach
  void realTime() {
    time.release();
  }

  @Test
  void aClientsFeedShowsItsScheduledInterventionsAndARotatedAddressAnswers404() throws Exception {
    Platform p = Platform.create();
    time.set(Instant.parse("2033-05-02T09:00:00Z"));
    String kernel =
        propose(
            proposal(
                List.of(p.hypervisor()),
                List.of(),
                List.of(),
                "2033-05-04T20:00:00Z",
                "2033-05-04T21:30:00Z"));
    String switchSwap =
        propose(
            proposal(
                List.of(p.hypervisor()),
                List.of(),
                List.of(),
                "2033-05-06T20:00:00Z",
                "2033-05-06T21:00:00Z"));
    // proposed only: not on the calendar yet
    String stillProposed =
        propose(
            proposal(
                List.of(p.hypervisor()),
                List.of(),
                List.of(),
                "2033-05-08T20:00:00Z",
                "2033-05-08T21:00:00Z"));
    for (String id : List.of(kernel, switchSwap)) {
      accept(p.first(), id);
      accept(p.second(), id);
    }
    accept(p.first(), stillProposed);

    String url =
        as(TestTokens.client(p.first()))
            .post(FEEDS + p.first() + "/rotation")
            .then()
            .statusCode(200)
            .body("tenant", equalTo(p.first()))
            .extract()
            .path("url");
    assertThat(url).matches("/ical/[A-Za-z0-9_-]{43}\\.ics");
    String before = feed(url);
    int sequenceScheduled = sequenceOf(parse(before), kernel);

    time.set(Instant.parse("2033-05-04T20:02:00Z"));
    act(TestTokens.engineer(), kernel, "start").statusCode(200);
    time.set(Instant.parse("2033-05-04T20:40:00Z"));
    act(TestTokens.engineer(), kernel, "end").statusCode(200);
    act(TestTokens.engineer(), switchSwap, "cancel").statusCode(200);

    String ics = feed(url);
    Calendar calendar = parse(ics);
    calendar.validate();
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events)
        .extracting(e -> e.getUid().orElseThrow().getValue())
        .containsExactly(kernel + "@vigie", switchSwap + "@vigie");
    assertThat(sequenceOf(calendar, kernel)).isGreaterThan(sequenceScheduled);
    assertThat(ics)
        .contains("DTSTART:20330504T200000Z")
        .contains("DTEND:20330504T204000Z") // ended early
        .contains("STATUS:CANCELLED")
        .doesNotContain(stillProposed);

    // an independent parser reads the same
    JsonNode python = readWithPython(ics);
    assertThat(python.get("version").asText()).isEqualTo("2.0");
    JsonNode first = python.get("events").get(0);
    assertThat(first.get("uid").asText()).isEqualTo(kernel + "@vigie");
    assertThat(first.get("dtstart").asText()).isEqualTo("2033-05-04T20:00:00+00:00");
    assertThat(first.get("dtend").asText()).isEqualTo("2033-05-04T20:40:00+00:00");
    assertThat(first.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(first.get("sequence").asInt()).isEqualTo(sequenceOf(calendar, kernel));
    assertThat(python.get("events").get(1).get("status").asText()).isEqualTo("CANCELLED");

    // the second client's feed is its own; staff rotate the first's: the old address is dead
    String staffRotated =
        as(TestTokens.engineer())
            .post(FEEDS + p.first() + "/rotation")
            .then()
            .statusCode(200)
            .extract()
            .path("url");
    given().get(url).then().statusCode(404).contentType("application/problem+json");
    assertThat(feed(staffRotated)).contains(kernel + "@vigie");
    as(TestTokens.client(p.first()))
        .get(FEEDS + p.first())
        .then()
        .statusCode(200)
        .body("rotatedBy", equalTo("engineer"))
        .body("url", nullValue());
    given().get("/ical/not-a-token.ics").then().statusCode(404);
  }

  @Test
  void feedsAreBehindTheTenantWall() {
    Platform p = Platform.create();
    String other = TestTokens.client(p.second());
    as(other).post(FEEDS + p.first() + "/rotation").then().statusCode(404);
    as(other).get(FEEDS + p.first()).then().statusCode(404);
    as(TestTokens.engineer()).post(FEEDS + "no-such-client/rotation").then().statusCode(404);
    // never rotated yet
    as(TestTokens.client(p.first())).get(FEEDS + p.first()).then().statusCode(404);
    given().post(FEEDS + p.first() + "/rotation").then().statusCode(401);
    given().get(FEEDS + p.first()).then().statusCode(401);
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .post(FEEDS + p.first() + "/rotation")
        .then()
        .statusCode(403);
  }

  private static String feed(String url) {
    return given()
        .get(url)
        .then()
        .statusCode(200)
        .contentType("text/calendar")
        .extract()
        .asString();
  }

  private static Calendar parse(String ics) throws Exception {
    return new CalendarBuilder().build(new StringReader(ics));
  }

  private static int sequenceOf(Calendar calendar, String id) {
    return calendar.<VEvent>getComponents("VEVENT").stream()
        .filter(e -> e.getUid().orElseThrow().getValue().equals(id + "@vigie"))
        .findFirst()
        .orElseThrow()
        .getSequence()
        .getSequenceNo();
  }

  /** Runs Debian's python3 with the {@code icalendar} package on the document. */
  private static JsonNode readWithPython(String ics) throws Exception {
    Path script = Path.of("src/test/resources/read-calendar.py").toAbsolutePath();
    Process python =
        new ProcessBuilder("/usr/bin/python3", script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    python.getOutputStream().write(ics.getBytes(StandardCharsets.UTF_8));
    python.getOutputStream().close();
    String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(python.exitValue()).as(out).isZero();
    assertThat(Files.exists(script)).isTrue();
    return new ObjectMapper().readTree(out);
  }
}
