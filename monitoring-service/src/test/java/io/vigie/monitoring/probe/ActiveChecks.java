package io.vigie.monitoring.probe;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vigie.testkit.TestTokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Active checks through the real API, for the probe tests: created and deleted as an engineer, and
 * their latest state read from the check results API. Servers and sites come from {@link
 * io.vigie.monitoring.InventoryFeed}.
 */
final class ActiveChecks {

  private static final String PATH = "/api/v1/active-checks";

  private ActiveChecks() {}

  /** The body of a check of that kind on {@code server}; a mutable map, to add to it. */
  static Map<String, Object> check(
      String name,
      String kind,
      UUID server,
      int intervalSeconds,
      int timeoutSeconds,
      Map<String, Object> settings) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("kind", kind);
    body.put("serverId", server.toString());
    body.put("intervalSeconds", intervalSeconds);
    body.put("timeoutSeconds", timeoutSeconds);
    body.put("settings", settings);
    return body;
  }

  /** POSTs a check as an engineer. */
  static ValidatableResponse create(Map<String, Object> body) {
    return create(TestTokens.engineer(), body);
  }

  /** POSTs a check as {@code token}. */
  static ValidatableResponse create(String token, Map<String, Object> body) {
    return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(PATH).then();
  }

  /** Creates a check that must be accepted; returns its id. */
  static UUID created(Map<String, Object> body) {
    return UUID.fromString(create(body).statusCode(201).extract().path("id"));
  }

  /** Deletes check {@code id} with its current ETag, so it runs no more. */
  static void delete(UUID id) {
    String etag = given().auth().oauth2(TestTokens.engineer()).get(PATH + "/" + id).header("ETag");
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .header("If-Match", etag)
        .delete(PATH + "/" + id)
        .then()
        .statusCode(204);
  }

  /**
   * Runs check {@code id} once now on this service's scheduler ({@link ProbeScheduler#runNow}),
   * instead of waiting for its slot; returns its result once handed to the recorder (the state API
   * shows it after the next flush).
   */
  static ProbeResult runNow(ProbeRuntime runtime, UUID id) {
    try {
      return runtime
          .scheduler()
          .orElseThrow()
          .runNow(id)
          .toCompletionStage()
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("check " + id + " did not run", e);
    }
  }

  /** The latest state of {@code check} on {@code server}, as the check results API shows it. */
  static Map<String, Object> state(UUID server, String check) {
    List<Map<String, Object>> items =
        given()
            .auth()
            .oauth2(TestTokens.engineer())
            .queryParam("serverId", server)
            .queryParam("size", 500)
            .get("/api/v1/check-results/state")
            .then()
            .statusCode(200)
            .extract()
            .path("items");
    return items.stream().filter(i -> check.equals(i.get("check"))).findFirst().orElse(null);
  }

  /**
   * Runs check {@code id} ({@code check} on {@code server}) now, again while its verdict does not
   * have that status and an output containing {@code text} (a cold first run may time out), then
   * waits until the check results API shows that state (after the recorder's next flush); returns
   * the state. The verdict tests run their checks so rather than sit out each one's slot.
   */
  static Map<String, Object> runUntilState(
      ProbeRuntime runtime, UUID server, UUID id, String check, String status, String text) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    ProbeResult result = runNow(runtime, id);
    while (!(result.status().name().equals(status) && result.output().contains(text))
        && System.nanoTime() < deadline) {
      result = runNow(runtime, id);
    }
    return awaitState(server, check, status, text);
  }

  /** Waits for a state of {@code check} with that status; returns it. */
  static Map<String, Object> awaitState(UUID server, String check, String status) {
    return awaitState(server, check, status, "");
  }

  /**
   * Waits for a state with that status whose output contains {@code text} (a cold first run may
   * time out); returns it.
   */
  static Map<String, Object> awaitState(UUID server, String check, String status, String text) {
    Map<String, Object>[] seen = new Map[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              seen[0] = state(server, check);
              return seen[0] != null
                  && status.equals(seen[0].get("status"))
                  && seen[0].get("output").toString().contains(text);
            });
    return seen[0];
  }
}
