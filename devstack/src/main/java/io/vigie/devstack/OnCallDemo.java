package io.vigie.devstack;

import static io.vigie.devstack.Http.expect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the hoster's on-call through ticket-service's API: the demo engineers (engineer, expert) as
 * people who can be paged by email, a schedule "Hoster on-call" (weeks from Monday 09:00 Paris,
 * nights 19:00-08:00 in turn) and the default escalation policy (the schedule's on-call, then the
 * expert after 10 minutes, twice). Called on every {@code ./vigie up}: what exists is left as is.
 *
 * <p>Then one paged incident, so that a page email reaches the mail catcher on every start (it
 * keeps messages in memory only): lumière's P1 "{@value #PAGED_INCIDENT}", opened after the policy
 * exists, pages the schedule's on-call by email at once; its email's links acknowledge and resolve
 * it. The one an earlier start opened, if still open, is resolved first (which stops its page).
 */
public final class OnCallDemo {

  static final String SCHEDULE = "Hoster on-call";
  static final String PAGED_INCIDENT = "Checkout answers 504 on the shop (on-call demo)";
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern TITLE =
      Pattern.compile("\"title\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI api;
  private final URI tickets;
  private final String adminToken;

  private OnCallDemo(URI ticketBaseUrl, String adminToken) {
    this.api = ticketBaseUrl.resolve("api/v1/on-call/");
    this.tickets = ticketBaseUrl.resolve("api/v1/tickets");
    this.adminToken = adminToken;
  }

  /**
   * @param ticketBaseUrl ticket-service's root, e.g. {@code http://127.0.0.1:8083/}
   * @param adminBearerToken an access token of the demo user {@code admin}
   */
  public static void load(URI ticketBaseUrl, String adminBearerToken)
      throws IOException, InterruptedException {
    new OnCallDemo(ticketBaseUrl, adminBearerToken).loadAll();
  }

  private void loadAll() throws IOException, InterruptedException {
    person("engineer", "Camille Engineer");
    person("expert", "Dominique Expert");
    String schedule = findSchedule();
    if (schedule == null) {
      String monday =
          LocalDate.now(ZoneId.of("Europe/Paris"))
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
              .toString();
      schedule =
          firstId(
              expect(
                      "on-call demo schedule",
                      send(
                          request("schedules")
                              .POST(
                                  HttpRequest.BodyPublishers.ofString(
                                      """
                                      {"name":"%s","timeZone":"Europe/Paris","layers":[
                                       {"name":"weeks","participants":["engineer","expert"],
                                        "shift":"WEEKLY","handoffTime":"09:00","firstHandoff":"%s"},
                                       {"name":"nights","participants":["expert","engineer"],
                                        "shift":"DAILY","handoffTime":"19:00","firstHandoff":"%s",
                                        "activeFrom":"19:00","activeUntil":"08:00"}]}"""
                                          .formatted(SCHEDULE, monday, monday)))
                              .build()),
                      201)
                  .body());
    }
    String policies = expect("on-call demo policies", send(get("policies")), 200).body();
    if (!policies.contains("\"Default\"")) {
      expect(
          "on-call demo policy",
          send(
              request("policies")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          """
                          {"name":"Default","steps":[
                           {"targets":[{"kind":"SCHEDULE","id":"%s"}],"delay":"PT10M"},
                           {"targets":[{"kind":"PERSON","id":"expert"}],"delay":"PT10M"}],
                           "repeat":1}"""
                              .formatted(schedule)))
                  .build()),
          201);
    }
    pagedIncident();
    Log.info(
        "on-call demo data loaded: engineer and expert, schedule \""
            + SCHEDULE
            + "\", policy, and the paged incident \""
            + PAGED_INCIDENT
            + "\"");
  }

  /**
   * Resolves the demo incident an earlier start left open (its page stops), then opens it anew: a
   * P1 of lumière, paged at once by the default policy (step 1 by email to the schedule's on-call).
   */
  private void pagedIncident() throws IOException, InterruptedException {
    String open =
        expect(
                "on-call demo open incidents",
                send(
                    HttpRequest.newBuilder(
                            URI.create(
                                tickets + "?tenant=lumiere&open=true&type=INCIDENT&size=200"))
                        .timeout(java.time.Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + adminToken)
                        .GET()
                        .build()),
                200)
            .body();
    String earlier = idOfTitle(open, PAGED_INCIDENT);
    if (earlier != null) {
      expect(
          "on-call demo: resolving the earlier paged incident",
          send(
              HttpRequest.newBuilder(URI.create(tickets + "/" + earlier))
                  .timeout(java.time.Duration.ofSeconds(30))
                  .header("Authorization", "Bearer " + adminToken)
                  .header("Content-Type", "application/json")
                  .header("If-Match", "*")
                  .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"RESOLVED\"}"))
                  .build()),
          200);
    }
    expect(
        "on-call demo paged incident",
        send(
            HttpRequest.newBuilder(tickets)
                .timeout(java.time.Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"type":"INCIDENT","tenant":"lumiere","title":"%s",
                         "description":"The load balancers answer 504 on /checkout: the order API does not answer within 30 s.",
                         "impact":"HIGH","urgency":"HIGH"}"""
                            .formatted(PAGED_INCIDENT)))
                .build()),
        201);
  }

  /** The id of the ticket with this title in a ticket list (each id comes before its title). */
  static String idOfTitle(String list, String title) {
    Matcher ids = ID.matcher(list);
    Matcher titles = TITLE.matcher(list);
    while (ids.find()) {
      if (titles.find(ids.end()) && titles.group(1).equals(title)) {
        return ids.group(1);
      }
    }
    return null;
  }

  private void person(String subject, String name) throws IOException, InterruptedException {
    if (send(get("people/" + subject)).statusCode() == 200) {
      return;
    }
    expect(
        "on-call demo person " + subject,
        send(
            request("people/" + subject)
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"name":"%s","contactMethods":[
                          {"name":"mail","kind":"EMAIL","address":"%s@hoster.example"}],
                         "notificationRules":[{"contact":"mail","after":"PT0S"}]}"""
                            .formatted(name, subject)))
                .build()),
        200);
  }

  private String findSchedule() throws IOException, InterruptedException {
    String body = expect("on-call demo schedules", send(get("schedules?size=200")), 200).body();
    int at = body.indexOf("\"" + SCHEDULE + "\"");
    if (at < 0) {
      return null;
    }
    // the schedule's id comes before its name in its document
    String before = body.substring(0, at);
    Matcher ids = ID.matcher(before);
    String last = null;
    while (ids.find()) {
      last = ids.group(1);
    }
    return last;
  }

  private static String firstId(String json) {
    Matcher matcher = ID.matcher(json);
    if (!matcher.find()) {
      throw new IllegalStateException("No id in " + json);
    }
    return matcher.group(1);
  }

  private HttpRequest get(String path) {
    return request(path).GET().build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(api.resolve(path))
        .timeout(java.time.Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + adminToken)
        .header("Content-Type", "application/json");
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
