package io.vigie.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the seeds' tickets through the ticket API, as their users would (USE-CASES.md, demo data):
 * lumière's request for a new recette environment inside its 48 h clock, opened by lumière itself;
 * an incident on saint-roch's web platform with a public comment the client reads and an internal
 * note it never does, acknowledged; saint-roch's request for a VPN access. Called on every {@code
 * ./vigie up}: each ticket is looked up by its client and title before it is opened.
 */
public final class TicketDemo {

  // documents rendered by PostgreSQL may hold spaces around ':'
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern TITLE =
      Pattern.compile("\"title\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Duration READ_MODEL = Duration.ofSeconds(90);

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI api;
  private final String staffToken;
  private final String lumiereToken;

  private TicketDemo(URI ticketBaseUrl, String staffToken, String lumiereToken) {
    this.api = ticketBaseUrl.resolve("api/v1/");
    this.staffToken = staffToken;
    this.lumiereToken = lumiereToken;
  }

  /**
   * @param ticketBaseUrl ticket-service's root, e.g. {@code http://127.0.0.1:8083/}
   * @param adminBearerToken an access token of the demo user {@code admin} (staff)
   * @param lumiereBearerToken an access token of the demo client user {@code lumiere}
   */
  public static void load(URI ticketBaseUrl, String adminBearerToken, String lumiereBearerToken)
      throws IOException, InterruptedException {
    new TicketDemo(ticketBaseUrl, adminBearerToken, lumiereBearerToken).loadAll();
  }

  private void loadAll() throws IOException, InterruptedException {
    // ticket-service learns the clients from inventory.events, a moment after inventory
    awaitClient("lumiere");
    awaitClient("saint-roch");

    ensure(
        lumiereToken,
        "lumiere",
        "New recette environment",
        "requests",
        """
        {"category":"new-environment","title":"New recette environment",
         "description":"A recette copy of the shop (same PHP and MySQL versions as production) to test the spring collection before it goes live."}""");

    String incidentTitle = "Intermittent 502 on www.saint-roch-demo.fr";
    if (find(staffToken, "saint-roch", incidentTitle) == null) {
      String incident =
          ensure(
              staffToken,
              "saint-roch",
              incidentTitle,
              "tickets",
              """
              {"type":"INCIDENT","tenant":"saint-roch","title":"%s",
               "description":"Patients' appointment pages answer 502 about once a minute.",
               "impact":"MEDIUM","urgency":"HIGH"}"""
                  .formatted(incidentTitle));
      comment(
          incident,
          "PUBLIC",
          "We see the 502s on web2 only; web2 is out of the load balancer while we look.");
      comment(
          incident,
          "INTERNAL",
          "php-fpm on web2 hits pm.max_children (32) at each backup run; raise it once the"
              + " client agrees to the extra memory.");
      HttpResponse<String> current = expect(send(get(staffToken, "tickets/" + incident)), 200);
      String etag = current.headers().firstValue("ETag").orElseThrow();
      expect(
          send(
              request(staffToken, "tickets/" + incident)
                  .header("If-Match", etag)
                  .method(
                      "PATCH",
                      HttpRequest.BodyPublishers.ofString(
                          "{\"status\":\"ACKNOWLEDGED\",\"assignee\":\"engineer\"}"))
                  .build()),
          200);
    }

    ensure(
        staffToken,
        "saint-roch",
        "VPN access for the new IT manager",
        "requests",
        """
        {"category":"access","tenant":"saint-roch","title":"VPN access for the new IT manager",
         "description":"Access to the back office VPN for the clinic's new IT manager."}""");
    Log.info(
        "ticket demo data loaded: lumière's recette request, saint-roch's incident and request");
  }

  /**
   * Waits until ticket-service knows the client: a probe ticket with a malformed link is refused on
   * {@code tenant} while the client is unknown, then on the link (nothing is written either way).
   */
  private void awaitClient(String tenant) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READ_MODEL.toNanos();
    String probe =
        """
        {"type":"REQUEST","title":"probe","impact":"LOW","urgency":"LOW","tenant":"%s",
         "links":[{"kind":"SERVER","target":"not-a-server-id"}]}"""
            .formatted(tenant);
    while (true) {
      HttpResponse<String> answer =
          send(
              request(staffToken, "tickets")
                  .POST(HttpRequest.BodyPublishers.ofString(probe))
                  .build());
      if (answer.statusCode() == 400 && answer.body().contains("\"field\":\"links[0].target\"")) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "ticket-service did not learn client " + tenant + " in 90 s: " + answer.body());
      }
      Thread.sleep(500);
    }
  }

  /** The id of the client's ticket with this title, or of what POST opens. */
  private String ensure(String token, String tenant, String title, String collection, String body)
      throws IOException, InterruptedException {
    String existing = find(token, tenant, title);
    if (existing != null) {
      return existing;
    }
    HttpResponse<String> created =
        send(request(token, collection).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    return firstId(expect(created, 201).body());
  }

  private String find(String token, String tenant, String title)
      throws IOException, InterruptedException {
    String body = expect(send(get(token, "tickets?size=200&tenant=" + encode(tenant))), 200).body();
    // each ticket's id comes before its title; a link or request holds neither
    Matcher ids = ID.matcher(body);
    Matcher titles = TITLE.matcher(body);
    while (ids.find()) {
      if (titles.find(ids.end()) && titles.group(1).equals(title)) {
        return ids.group(1);
      }
    }
    return null;
  }

  private void comment(String ticket, String visibility, String text)
      throws IOException, InterruptedException {
    expect(
        send(
            request(staffToken, "tickets/" + ticket + "/comments")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"visibility\":\"" + visibility + "\",\"body\":\"" + text + "\"}"))
                .build()),
        201);
  }

  private static String firstId(String json) {
    Matcher matcher = ID.matcher(json);
    if (!matcher.find()) {
      throw new IllegalStateException("No id in " + json);
    }
    return matcher.group(1);
  }

  private HttpRequest get(String token, String path) {
    return request(token, path).GET().build();
  }

  private HttpRequest.Builder request(String token, String path) {
    return HttpRequest.newBuilder(api.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json");
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> expect(HttpResponse<String> response, int status)
      throws IOException {
    return Http.expect("Ticket demo data", response, status);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
