package io.vigie.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the seeds' tickets through the ticket API, as their users would (USE-CASES.md, demo data):
 * lumière's request for a new recette environment inside its 48 h clock, opened by lumière itself;
 * an incident on saint-roch's web platform with a public comment the client reads and an internal
 * note it never does, acknowledged; saint-roch's request for a VPN access; a past incident of
 * lumière (its order database failing over), resolved, with its post-incident report written and
 * published to lumière; and a planned intervention on lumière's database VM {@code lumiere-db-2}
 * proposed to lumière, awaiting its consent; on the public status page, the platform "Web hosting",
 * the past incident in public words (resolved, two updates) and the intervention as planned
 * maintenance. Called on every {@code ./vigie up}: each ticket, the intervention and each
 * publication are looked up before they are made.
 */
public final class TicketDemo {

  // documents rendered by PostgreSQL may hold spaces around ':'
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern TITLE =
      Pattern.compile("\"title\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Duration READ_MODEL = Duration.ofSeconds(90);

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String PAST_INCIDENT = "Shop unavailable: order database failover";
  private static final String INTERVENTION = "MySQL 8.4 upgrade of the order database replica";
  private static final String STATUS_PLATFORM = "web-hosting";
  private static final String STATUS_INCIDENT = "Some online shops could not take orders";

  private final URI api;
  private final URI inventory;
  private final String staffToken;
  private final String lumiereToken;

  private TicketDemo(
      URI ticketBaseUrl, URI inventoryBaseUrl, String staffToken, String lumiereToken) {
    this.api = ticketBaseUrl.resolve("api/v1/");
    this.inventory = inventoryBaseUrl == null ? null : inventoryBaseUrl.resolve("api/v1/");
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
    new TicketDemo(ticketBaseUrl, null, adminBearerToken, lumiereBearerToken).loadAll();
  }

  /**
   * As {@link #load(URI, String, String)}, then lumière's past incident with its published report
   * and the intervention proposed on its database VM (found through the inventory API).
   *
   * @param inventoryBaseUrl inventory-service's root, e.g. {@code http://127.0.0.1:8081/}
   */
  public static void load(
      URI ticketBaseUrl, URI inventoryBaseUrl, String adminBearerToken, String lumiereBearerToken)
      throws IOException, InterruptedException {
    TicketDemo demo =
        new TicketDemo(ticketBaseUrl, inventoryBaseUrl, adminBearerToken, lumiereBearerToken);
    demo.loadAll();
    demo.loadPastIncidentAndIntervention();
  }

  /**
   * Lumière's past incident: opened, acknowledged, worked and resolved by staff; its report drafted
   * by ticket-service from the timeline, then written (cause, solution, follow-ups) and published.
   * Then an intervention on {@code lumiere-db-2} next week, proposed to lumière.
   */
  private void loadPastIncidentAndIntervention() throws IOException, InterruptedException {
    String incident = find(staffToken, "lumiere", PAST_INCIDENT);
    if (incident == null) {
      incident =
          ensure(
              staffToken,
              "lumiere",
              PAST_INCIDENT,
              "tickets",
              """
              {"type":"INCIDENT","tenant":"lumiere","title":"%s",
               "description":"The shop answered 503 on checkout: the primary order database stopped accepting writes.",
               "impact":"HIGH","urgency":"HIGH"}"""
                  .formatted(PAST_INCIDENT));
      move(incident, "{\"status\":\"ACKNOWLEDGED\",\"assignee\":\"engineer\"}");
      comment(
          incident,
          "PUBLIC",
          "The primary order database is full; we promote the replica lumiere-db-2 now.");
      move(incident, "{\"status\":\"IN_PROGRESS\"}");
      comment(
          incident,
          "PUBLIC",
          "The shop takes orders again on lumiere-db-2; we watch it before closing this incident.");
      move(incident, "{\"status\":\"RESOLVED\"}");
    }
    publishReport(incident);
    proposeIntervention();
    loadStatusPage(incident);
    Log.info(
        "ticket demo data loaded: lumière's past incident with its published report, an"
            + " intervention proposed on lumiere-db-2, and both on the public status page");
  }

  /**
   * The public status page: the platform "Web hosting" (web1 and web2), lumière's past incident in
   * public words (investigating, then resolved: two updates) and the intervention on lumiere-db-2
   * as planned maintenance. Each is looked up before it is published.
   */
  private void loadStatusPage(String incident) throws IOException, InterruptedException {
    String platforms = expect(send(get(staffToken, "status/platforms")), 200).body();
    String platform = idBefore(platforms, "\"slug\":\"" + STATUS_PLATFORM + "\"");
    if (platform == null) {
      String web1 = inInventory("servers?hostname=web1.par-dc2.vigie-demo.net", "web1.par-dc2");
      String web2 = inInventory("servers?hostname=web2.par-dc2.vigie-demo.net", "web2.par-dc2");
      platform =
          firstId(
              retriedWhileUnknown(
                  "status/platforms",
                  """
                  {"name":"Web hosting","slug":"%s","displayOrder":1,
                   "description":"Websites and online shops hosted on our web servers in Paris",
                   "serverIds":["%s","%s"]}"""
                      .formatted(STATUS_PLATFORM, web1, web2)));
    }
    String notices = compact(expect(send(get(staffToken, "status/notices")), 200).body());
    if (!notices.contains("\"incidentId\":\"" + incident + "\"")) {
      String notice =
          firstId(
              expect(
                      send(
                          request(staffToken, "status/notices")
                              .POST(
                                  HttpRequest.BodyPublishers.ofString(
                                      """
                                      {"incidentId":"%s","title":"%s","platformIds":["%s"],
                                       "phase":"INVESTIGATING",
                                       "message":"Some online shops hosted on our platform cannot take orders; we are investigating."}"""
                                          .formatted(incident, STATUS_INCIDENT, platform)))
                              .build()),
                      201)
                  .body());
      expect(
          send(
              request(staffToken, "status/notices/" + notice + "/updates")
                  .header("If-Match", "\"1\"")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          """
                          {"phase":"RESOLVED",
                           "message":"A database server had run out of space; its standby took over and every shop takes orders again."}"""))
                  .build()),
          200);
    }
    String intervention =
        idBefore(
            expect(send(get(staffToken, "interventions?size=200&tenant=lumiere")), 200).body(),
            "\"title\":\"" + INTERVENTION + "\"");
    if (intervention != null && !notices.contains("\"interventionId\":\"" + intervention + "\"")) {
      expect(
          send(
              request(staffToken, "status/notices")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          """
                          {"interventionId":"%s","title":"Database maintenance on web hosting",
                           "platformIds":["%s"],
                           "message":"Shops stay open during this maintenance; pages may be slower for a few minutes."}"""
                              .formatted(intervention, platform)))
                  .build()),
          201);
    }
  }

  /** POSTs {@code body}, retried while ticket-service has not learnt the ids from inventory yet. */
  private String retriedWhileUnknown(String collection, String body)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READ_MODEL.toNanos();
    while (true) {
      HttpResponse<String> created =
          send(
              request(staffToken, collection)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build());
      if (created.statusCode() == 201) {
        return created.body();
      }
      if (created.statusCode() != 400 || System.nanoTime() > deadline) {
        expect(created, 201);
      }
      Thread.sleep(500);
    }
  }

  /** The id of the JSON item in which {@code marker} follows it, or null. */
  private static String idBefore(String json, String marker) {
    String compact = compact(json);
    int at = compact.indexOf(marker);
    if (at < 0) {
      return null;
    }
    String before = compact.substring(0, at);
    Matcher ids = ID.matcher(before);
    String last = null;
    while (ids.find()) {
      last = ids.group(1);
    }
    return last;
  }

  /**
   * JSON without the spaces PostgreSQL puts around ':' ({@code "id" : "…"} as {@code "id":"…"}).
   */
  private static String compact(String json) {
    return json.replaceAll("\"\\s*:\\s*", "\":");
  }

  /** A status move as staff, with the ETag just read. */
  private void move(String ticket, String change) throws IOException, InterruptedException {
    HttpResponse<String> current = expect(send(get(staffToken, "tickets/" + ticket)), 200);
    String etag = current.headers().firstValue("ETag").orElseThrow();
    expect(
        send(
            request(staffToken, "tickets/" + ticket)
                .header("If-Match", etag)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(change))
                .build()),
        200);
  }

  /**
   * Waits for ticket-service to draft the resolved incident's report (it reads its own
   * ticket.events), writes the engineer's part and publishes it, unless already published.
   */
  private void publishReport(String incident) throws IOException, InterruptedException {
    String path = "tickets/" + incident + "/report";
    long deadline = System.nanoTime() + READ_MODEL.toNanos();
    HttpResponse<String> report;
    while (true) {
      report = send(get(staffToken, path));
      if (report.statusCode() == 200) {
        break;
      }
      if (report.statusCode() != 404 || System.nanoTime() > deadline) {
        throw new IOException(
            "Ticket demo data: the report of "
                + PAST_INCIDENT
                + " was not drafted in 90 s: "
                + report.statusCode()
                + " "
                + report.body());
      }
      Thread.sleep(500);
    }
    if (report.body().matches("(?s).*\"status\"\\s*:\\s*\"PUBLISHED\".*")) {
      return;
    }
    String etag = report.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> written =
        expect(
            send(
                request(staffToken, path)
                    .header("If-Match", etag)
                    .method(
                        "PATCH",
                        HttpRequest.BodyPublishers.ofString(
                            """
                            {"cause":"The primary order database (lumiere-db-1) ran out of disk space: the binary logs were no longer purged after a configuration change, and MySQL stopped accepting writes.",
                             "solution":"The replica lumiere-db-2 was promoted to primary and the shop pointed at it; the binary logs of lumiere-db-1 were purged and it was rebuilt as the new replica.",
                             "followUps":["Alert on the database volume at 80 % instead of 95 %","Purge binary logs after 3 days on both database VMs","Rehearse the database failover every quarter"]}"""))
                    .build()),
            200);
    expect(
        send(
            request(staffToken, path + "/publication")
                .header("If-Match", written.headers().firstValue("ETag").orElseThrow())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build()),
        200);
  }

  /**
   * The intervention on lumière's database VM next week (Tuesday 22:00 to midnight, Paris),
   * proposed to lumière; retried while ticket-service has not learnt the VM from inventory.events
   * yet.
   */
  private void proposeIntervention() throws IOException, InterruptedException {
    String listed =
        expect(send(get(staffToken, "interventions?size=200&tenant=lumiere")), 200).body();
    if (listed.contains(INTERVENTION)) {
      return;
    }
    String vm = inInventory("virtual-machines?size=500", "\"name\":\"lumiere-db-2\"");
    ZoneId paris = ZoneId.of("Europe/Paris");
    ZonedDateTime starts =
        LocalDate.now(paris)
            .plusWeeks(1)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY))
            .atTime(22, 0)
            .atZone(paris);
    String body =
        """
        {"title":"%s",
         "clientText":"We upgrade MySQL to 8.4 on lumiere-db-2, the replica of your order database. The shop stays open: lumiere-db-1 serves it during the upgrade. Please accept this slot or propose another one.",
         "startsAt":"%s","endsAt":"%s","virtualMachineIds":["%s"]}"""
            .formatted(INTERVENTION, starts.toInstant(), starts.plusHours(2).toInstant(), vm);
    long deadline = System.nanoTime() + READ_MODEL.toNanos();
    while (true) {
      HttpResponse<String> proposed =
          send(
              request(staffToken, "interventions")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build());
      if (proposed.statusCode() == 201) {
        return;
      }
      // the VM reaches ticket-service through inventory.events a moment after inventory
      if (proposed.statusCode() != 400 || System.nanoTime() > deadline) {
        expect(proposed, 201);
      }
      Thread.sleep(500);
    }
  }

  /** The id of the first item of an inventory list holding {@code marker}. */
  private String inInventory(String list, String marker) throws IOException, InterruptedException {
    String body =
        expect(
                send(
                    HttpRequest.newBuilder(inventory.resolve(list))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + staffToken)
                        .GET()
                        .build()),
                200)
            .body();
    for (String item : body.split("\\},\\{\"id\":")) {
      String candidate = item.startsWith("\"") ? "{\"id\":" + item : item;
      if (candidate.contains(marker)) {
        return firstId(candidate);
      }
    }
    throw new IOException("Ticket demo data: no " + marker + " in inventory " + list);
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
