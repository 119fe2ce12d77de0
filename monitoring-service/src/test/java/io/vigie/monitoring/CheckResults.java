package io.vigie.monitoring;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vigie.events.monitoring.MonitoringEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.PublishedEvents;
import io.vigie.testkit.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Check results as agents report them, through the real API, and the alert events monitoring
 * publishes on Kafka in answer.
 */
public final class CheckResults {

  public static final String PATH = "/api/v1/check-results";

  private CheckResults() {}

  /** A request as an agent sends it (JSON, with the agent's token). */
  public static RequestSpecification asAgent() {
    return given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON);
  }

  /**
   * One result of {@code check} on {@code server} (and {@code hostedService}, unless null), with
   * output {@code "<check> <status>"} and no perfdata; a mutable map, so a test may change a field.
   */
  public static Map<String, Object> result(
      UUID server, UUID hostedService, String check, String status, String executedAt) {
    Map<String, Object> r = new HashMap<>();
    r.put("serverId", server.toString());
    if (hostedService != null) {
      r.put("hostedServiceId", hostedService.toString());
    }
    r.put("check", check);
    r.put("status", status);
    r.put("executedAt", executedAt);
    r.put("output", check + " " + status);
    r.put("perfdata", "");
    return r;
  }

  /** Posts one batch as an agent; the answer is the caller's to check. */
  public static ValidatableResponse post(List<Map<String, Object>> results) {
    return asAgent().body(Map.of("results", new ArrayList<>(results))).post(PATH).then();
  }

  /** Reports a batch that must be accepted. */
  public static void report(List<Map<String, Object>> results) {
    post(results).statusCode(202);
  }

  /**
   * Reports {@code check} on {@code server} with {@code status}, executed at each of {@code at}.
   */
  public static void report(UUID server, String check, String status, Instant... at) {
    report(Arrays.stream(at).map(t -> result(server, null, check, status, t.toString())).toList());
  }

  /** The AlertFired events about {@code server}: {@link #alertEvents} of that type. */
  public static List<ConsumerRecord<String, String>> alertsFired(UUID server, int count) {
    return alertEvents(MonitoringEvents.ALERT_FIRED, server, count);
  }

  /** The AlertResolved events about {@code server}: {@link #alertEvents} of that type. */
  public static List<ConsumerRecord<String, String>> alertsResolved(UUID server, int count) {
    return alertEvents(MonitoringEvents.ALERT_RESOLVED, server, count);
  }

  /**
   * Waits up to 30 s for {@code count} monitoring events of {@code type} naming {@code server},
   * then returns all of them once every event committed so far is published ({@link
   * PublishedEvents}): a duplicate already committed is in the answer, so {@code hasSize(count)}
   * asserts exactly; with {@code count} 0, returns at once what the commits so far produced.
   */
  public static List<ConsumerRecord<String, String>> alertEvents(
      String type, UUID server, int count) {
    return alertEvents(type, server, count, Duration.ofSeconds(30));
  }

  /** The same, waiting up to {@code timeout}. */
  public static List<ConsumerRecord<String, String>> alertEvents(
      String type, UUID server, int count, Duration timeout) {
    return PublishedEvents.await(
        MonitoringEvents.TOPIC,
        r -> type.equals(KafkaEvents.header(r, "ce_type")) && r.value().contains(server.toString()),
        count,
        timeout);
  }

  /**
   * Lists the alerts on {@code server} as {@code token}, filtered by {@code query} too; the list
   * must answer 200.
   */
  public static ValidatableResponse alertsListed(String token, UUID server, Map<String, ?> query) {
    return given()
        .auth()
        .oauth2(token)
        .queryParam("serverId", server)
        .queryParams(query)
        .get("/api/v1/alerts")
        .then()
        .statusCode(200);
  }
}
