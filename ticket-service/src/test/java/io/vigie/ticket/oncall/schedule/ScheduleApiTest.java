package io.vigie.ticket.oncall.schedule;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.MovableTime;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Schedules through the API: an admin writes a weekly day layer under a night layer, staff ask who
 * is on call now and next, a person covers another with an override, shifts and a person's
 * iCalendar follow; bad input names the field; clients and agents get 403.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class ScheduleApiTest {

  static final String PEOPLE = "/api/v1/on-call/people/";
  static final String SCHEDULES = "/api/v1/on-call/schedules";

  @Inject MovableTime time;

  @AfterEach
  void release() {
    time.release();
  }

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  static String engineer(String name) {
    return TestTokens.token(name, Set.of("vigie-engineer"), null);
  }

  static void person(String subject) {
    as(TestTokens.admin())
        .body(
            Map.of(
                "name", subject,
                "contactMethods",
                    List.of(
                        Map.of("name", "mail", "kind", "EMAIL", "address", subject + "@h.example")),
                "notificationRules", List.of(Map.of("contact", "mail", "after", "PT0S"))))
        .put(PEOPLE + subject)
        .then()
        .statusCode(200);
  }

  static Map<String, Object> layer(
      String name, List<String> who, String shift, String handoff, String from, String until) {
    Map<String, Object> l = new HashMap<>();
    l.put("name", name);
    l.put("participants", who);
    l.put("shift", shift);
    l.put("handoffTime", handoff);
    l.put("firstHandoff", "2026-11-30");
    l.put("activeFrom", from);
    l.put("activeUntil", until);
    return l;
  }

  /** alice and bob by weeks from Monday 09:00, carol and dan by nights (19:00-08:00), Paris. */
  static String schedule(String name, String a, String b, String c, String d) {
    return as(TestTokens.admin())
        .body(
            Map.of(
                "name",
                name,
                "timeZone",
                "Europe/Paris",
                "layers",
                List.of(
                    layer("weeks", List.of(a, b), "WEEKLY", "09:00", null, null),
                    layer("nights", List.of(c, d), "DAILY", "19:00", "19:00", "08:00"))))
        .post(SCHEDULES)
        .then()
        .statusCode(201)
        .header("ETag", "\"1\"")
        .extract()
        .path("id");
  }

  @Test
  void whoIsOnCallNowAndNextWithAnOverrideShiftsAndCalendar() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String a = "alice-" + run, b = "bob-" + run, c = "carol-" + run, d = "dan-" + run;
    for (String s : List.of(a, b, c, d)) {
      person(s);
    }
    time.set(Instant.parse("2026-11-30T12:00:00Z"));
    String id = schedule("Hoster " + run, a, b, c, d);
    String at = SCHEDULES + "/" + id;

    as(TestTokens.support())
        .get(at + "/on-call?at=2026-12-01T11:00:00Z")
        .then()
        .statusCode(200)
        .body("now.subject", equalTo(a))
        .body("now.from", equalTo("2026-12-01T07:00:00Z"))
        .body("now.until", equalTo("2026-12-01T18:00:00Z"))
        .body("next.subject", equalTo(d))
        .body("next.from", equalTo("2026-12-01T18:00:00Z"))
        .body("next.until", equalTo("2026-12-02T07:00:00Z"));

    // bob covers alice on Tuesday 11:00-15:00 Paris; carol may not put bob there
    Map<String, Object> cover =
        Map.of(
            "covering",
            b,
            "covered",
            a,
            "startsAt",
            "2026-12-01T10:00:00Z",
            "endsAt",
            "2026-12-01T14:00:00Z");
    as(engineer(c)).body(cover).post(at + "/overrides").then().statusCode(403);
    String overrideId =
        as(engineer(b))
            .body(cover)
            .post(at + "/overrides")
            .then()
            .statusCode(201)
            .body("createdBy", equalTo(b))
            .extract()
            .path("id");
    as(TestTokens.support())
        .get(at + "/on-call?at=2026-12-01T11:00:00Z")
        .then()
        .body("now.subject", equalTo(b))
        .body("now.until", equalTo("2026-12-01T14:00:00Z"))
        .body("next.subject", equalTo(a));
    as(TestTokens.support())
        .get(at + "/shifts?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z")
        .then()
        .statusCode(200)
        .body("shifts", hasSize(5))
        .body("shifts.subject", equalTo(List.of(c, a, b, a, d)))
        .body("shifts[2].from", equalTo("2026-12-01T10:00:00Z"));
    as(TestTokens.support())
        .get(at + "/overrides")
        .then()
        .statusCode(200)
        .body("id", equalTo(List.of(overrideId)));

    // bob's calendar: his override and his week (Monday 7 December 09:00 Paris on)
    String ics =
        given()
            .auth()
            .oauth2(engineer(b))
            .get(PEOPLE + b + "/calendar")
            .then()
            .statusCode(200)
            .contentType(containsCalendar())
            .extract()
            .asString();
    assertThat(ics).contains("\r\n").contains("SUMMARY:On call: Hoster " + run);
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    List<String> starts =
        calendar.<VEvent>getComponents("VEVENT").stream()
            .map(e -> e.<net.fortuna.ical4j.model.Property>getProperty("DTSTART").get().getValue())
            .toList();
    assertThat(starts).contains("20261201T100000Z", "20261207T080000Z");

    // only its author or an admin removes the override
    as(engineer(c)).delete(at + "/overrides/" + overrideId).then().statusCode(403);
    as(engineer(b)).delete(at + "/overrides/" + overrideId).then().statusCode(204);
    as(TestTokens.support())
        .get(at + "/on-call?at=2026-12-01T11:00:00Z")
        .then()
        .body("now.subject", equalTo(a));
    as(TestTokens.support())
        .get(at + "/on-call?at=2026-11-30T07:00:00Z")
        .then()
        .body("now.subject", nullValue())
        .body("next.subject", equalTo(a));
  }

  static String containsCalendar() {
    return "text/calendar";
  }

  @Test
  void onlyAdminsWriteSchedulesUnderIfMatchAndBadInputNamesTheField() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String a = "erin-" + run;
    person(a);
    Map<String, Object> bad =
        Map.of(
            "name",
            "Broken " + run,
            "timeZone",
            "Mars/Olympus",
            "layers",
            List.of(layer("days", List.of(a, "nobody-" + run), "HOURLY", "9h", null, "08:00")));
    as(TestTokens.admin())
        .body(bad)
        .post(SCHEDULES)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("timeZone"))
        .body("errors.field", hasItem("layers[0].participants[1]"))
        .body("errors.field", hasItem("layers[0].shift"))
        .body("errors.field", hasItem("layers[0].handoffTime"))
        .body("errors.field", hasItem("layers[0].activeFrom"));
    assertThat(as(TestTokens.admin()).get(SCHEDULES + "?size=500").then().extract().asString())
        .doesNotContain("Broken " + run);

    Map<String, Object> good =
        Map.of(
            "name",
            "Days " + run,
            "timeZone",
            "Europe/Paris",
            "layers",
            List.of(layer("days", List.of(a), "DAILY", "09:00", null, null)));
    as(engineer(a)).body(good).post(SCHEDULES).then().statusCode(403);
    String id =
        as(TestTokens.admin())
            .body(good)
            .post(SCHEDULES)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(TestTokens.admin()).body(good).put(SCHEDULES + "/" + id).then().statusCode(428);
    as(TestTokens.admin())
        .header("If-Match", "\"5\"")
        .body(good)
        .put(SCHEDULES + "/" + id)
        .then()
        .statusCode(412);
    as(engineer(a))
        .header("If-Match", "\"1\"")
        .body(good)
        .put(SCHEDULES + "/" + id)
        .then()
        .statusCode(403);
    as(TestTokens.admin())
        .header("If-Match", "\"1\"")
        .body(
            Map.of(
                "name",
                "Days " + run,
                "timeZone",
                "America/New_York",
                "layers",
                good.get("layers")))
        .put(SCHEDULES + "/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("timeZone", equalTo("America/New_York"));
    as(TestTokens.admin())
        .body(
            Map.of(
                "covering",
                "nobody",
                "startsAt",
                "2030-01-01T00:00:00Z",
                "endsAt",
                "2029-01-01T00:00:00Z"))
        .post(SCHEDULES + "/" + id + "/overrides")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("covering"))
        .body("errors.field", hasItem("endsAt"));
    as(TestTokens.support())
        .get(SCHEDULES + "/" + id + "/shifts?from=2026-12-01T00:00:00Z&to=2027-06-01T00:00:00Z")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("to"));
  }

  @Test
  void clientsAndAgentsGet403StrangersGet401UnknownIds404() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String a = "fred-" + run;
    person(a);
    String id =
        as(TestTokens.admin())
            .body(
                Map.of(
                    "name",
                    "Walls " + run,
                    "timeZone",
                    "UTC",
                    "layers",
                    List.of(layer("days", List.of(a), "DAILY", "09:00", null, null))))
            .post(SCHEDULES)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String at = SCHEDULES + "/" + id;
    List<String> reads =
        List.of(
            SCHEDULES,
            at,
            at + "/on-call",
            at + "/shifts",
            at + "/overrides",
            PEOPLE + a + "/calendar");
    for (String token : List.of(TestTokens.client("lumiere"), TestTokens.agent())) {
      for (String path : reads) {
        as(token).get(path).then().statusCode(403);
      }
      as(token).body(Map.of()).post(SCHEDULES).then().statusCode(403);
      as(token).header("If-Match", "\"1\"").body(Map.of()).put(at).then().statusCode(403);
      as(token).body(Map.of()).post(at + "/overrides").then().statusCode(403);
      as(token).delete(at + "/overrides/" + UUID.randomUUID()).then().statusCode(403);
    }
    for (String path : reads) {
      given().get(path).then().statusCode(401);
    }
    String unknown = SCHEDULES + "/" + UUID.randomUUID();
    for (String path :
        List.of(unknown, unknown + "/on-call", unknown + "/shifts", unknown + "/overrides")) {
      as(TestTokens.support()).get(path).then().statusCode(404);
    }
    as(TestTokens.support()).get(PEOPLE + "nobody-" + run + "/calendar").then().statusCode(404);
    as(TestTokens.admin()).delete(at + "/overrides/" + UUID.randomUUID()).then().statusCode(404);
  }
}
