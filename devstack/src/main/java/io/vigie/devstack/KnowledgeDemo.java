package io.vigie.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the knowledge base's demo articles through ticket-service's API, as an engineer writes
 * them: runbooks for alerts of monitoring's default rule pack (filesystem space low, MySQL
 * replication lag) and for a host down, saint-roch's platform documentation (which saint-roch
 * reads), and an internal solution from saint-roch's 502s. Called on every {@code ./vigie up} after
 * {@link TicketDemo} (which waits until ticket-service knows the clients): each article is looked
 * up by kind and title before it is written. The runbooks carry the slugs monitoring's default rule
 * pack names them by ({@code kb:filesystem-full}, {@code kb:replication-lag}, {@code
 * kb:host-down}), so an incident from one of those rules shows its runbook.
 */
public final class KnowledgeDemo {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern TITLE =
      Pattern.compile("\"title\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI api;
  private final String staffToken;

  private KnowledgeDemo(URI ticketBaseUrl, String staffToken) {
    this.api = ticketBaseUrl.resolve("api/v1/");
    this.staffToken = staffToken;
  }

  /**
   * @param ticketBaseUrl ticket-service's root, e.g. {@code http://127.0.0.1:8083/}
   * @param adminBearerToken an access token of the demo user {@code admin} (staff)
   */
  public static void load(URI ticketBaseUrl, String adminBearerToken)
      throws IOException, InterruptedException {
    new KnowledgeDemo(ticketBaseUrl, adminBearerToken).loadAll();
  }

  private void loadAll() throws IOException, InterruptedException {
    ensure(
        "filesystem-full",
        "RUNBOOK",
        "INTERNAL",
        null,
        "EN",
        "Filesystem space low",
        """
        # Filesystem space low

        1. `df -h <mountpoint>` and `du -xh --max-depth=2 <mountpoint> | sort -h | tail`.
        2. Usual suspects: `/var/log` (rotate, `journalctl --vacuum-size=500M`), old backups in
           `/var/backups`, MySQL binary logs (`PURGE BINARY LOGS BEFORE ...` once replicas caught up).
        3. Never delete a file a process still holds open: `lsof +L1`.
        4. If the client's data grew, open a change to resize the volume (LVM `lvextend -r`).
        """,
        "{\"kind\":\"ALERT_RULE\",\"target\":\"filesystem-space-low\"},"
            + "{\"kind\":\"ALERT_RULE\",\"target\":\"filesystem-inodes-low\"}");
    ensure(
        "replication-lag",
        "RUNBOOK",
        "INTERNAL",
        null,
        "EN",
        "MySQL replication lag",
        """
        # MySQL replication lag

        1. On the replica: `SHOW REPLICA STATUS\\G` — `Seconds_Behind_Source`, `Last_SQL_Error`.
        2. A long transaction on the source (`SHOW PROCESSLIST`) or a heavy backup on the replica
           explains most lags: wait for it, do not restart replication.
        3. If the SQL thread stopped on an error, call L3 before skipping anything.
        """,
        "{\"kind\":\"ALERT_RULE\",\"target\":\"mysql-replication-lag\"},"
            + "{\"kind\":\"ALERT_RULE\",\"target\":\"mysql-replication-stopped\"}");
    ensure(
        "host-down",
        "RUNBOOK",
        "INTERNAL",
        null,
        "FR",
        "Serveur injoignable (hôte en panne)",
        """
        # Serveur injoignable

        1. Console IPMI/iDRAC : le serveur est-il allumé ? Sinon, redémarrage électrique.
        2. Switch : le port est-il monté ? Vérifier le lien et le VLAN.
        3. Prévenir les clients hébergés (les incidents clients sont ouverts automatiquement).
        """,
        "{\"kind\":\"CHECK\",\"target\":\"host-alive\"}");
    ensure(
        null,
        "PLATFORM_DOCUMENTATION",
        "CLIENT",
        "saint-roch",
        "FR",
        "Plateforme web de la clinique Saint-Roch",
        """
        # Plateforme web de la clinique Saint-Roch

        - **Frontaux** : web1 et web2 (nginx + PHP-FPM 8.2) derrière le répartiteur de charge.
        - **Base de données** : MySQL 8 en réplication (primaire et réplique).
        - **Sauvegardes** : chaque nuit à 02:00, conservées 30 jours ; PRA documenté.
        - **Contacts** : DSI de la clinique, astreinte hébergeur 24/7.
        """,
        "{\"kind\":\"CLIENT\",\"target\":\"saint-roch\"}");
    ensure(
        null,
        "SOLUTION",
        "INTERNAL",
        "saint-roch",
        "EN",
        "502s on web2 during backups: php-fpm max_children",
        """
        ## Problem

        Saint-Roch's appointment pages answered 502 about once a minute, on web2 only.

        ## Cause

        php-fpm on web2 reached `pm.max_children` (32) at each backup run.

        ## Solution

        web2 out of the load balancer, then `pm.max_children` raised to 48 with the client's
        agreement for the extra memory.
        """,
        "{\"kind\":\"CLIENT\",\"target\":\"saint-roch\"}");
    // the console's public status page (/status) shows the published public announcements
    ensure(
        null,
        "ANNOUNCEMENT",
        "PUBLIC",
        null,
        "FR",
        "Maintenance réseau planifiée à Paris DC2",
        """
        Remplacement d'un commutateur de cœur de réseau à Paris DC2, mardi de 23:00 à 23:30.
        Les services restent joignables par le second lien ; une coupure de quelques secondes est
        possible au basculement.
        """,
        "");
    Log.info(
        "knowledge demo data loaded: runbooks for filesystem space, replication lag and host"
            + " down, saint-roch's platform documentation and a solution, a public announcement");
  }

  /**
   * Writes the article unless one of that kind and title exists; {@code slug}, when not null, is
   * the name monitoring's default rule pack gives the runbook ({@code kb:<slug>}), set on an
   * article written before slugs existed too.
   */
  private void ensure(
      String slug,
      String kind,
      String visibility,
      String tenant,
      String language,
      String title,
      String markdown,
      String links)
      throws IOException, InterruptedException {
    String listed =
        expect(send(request("articles?size=500&kind=" + kind).GET().build()), 200).body();
    Matcher ids = ID.matcher(listed);
    Matcher titles = TITLE.matcher(listed);
    while (ids.find()) {
      if (titles.find(ids.end()) && titles.group(1).equals(json(title))) {
        if (slug != null) {
          nameIt(ids.group(1), slug);
        }
        return;
      }
    }
    String body =
        "{%s\"kind\":\"%s\",\"visibility\":\"%s\",%s\"language\":\"%s\",\"title\":\"%s\",\"body\":\"%s\",\"publish\":true,\"links\":[%s]}"
            .formatted(
                slug == null ? "" : "\"slug\":\"" + slug + "\",",
                kind,
                visibility,
                tenant == null ? "" : "\"tenant\":\"" + tenant + "\",",
                language,
                json(title),
                json(markdown),
                links);
    expect(send(request("articles").POST(HttpRequest.BodyPublishers.ofString(body)).build()), 201);
  }

  /** Gives an existing article its slug, unless it has it already. */
  private void nameIt(String id, String slug) throws IOException, InterruptedException {
    HttpResponse<String> article = expect(send(request("articles/" + id).GET().build()), 200);
    if (Pattern.compile("\"slug\"\\s*:\\s*\"" + Pattern.quote(slug) + "\"")
        .matcher(article.body())
        .find()) {
      return;
    }
    String etag = article.headers().firstValue("ETag").orElseThrow();
    expect(
        send(
            request("articles/" + id)
                .header("If-Match", etag)
                .method(
                    "PATCH",
                    HttpRequest.BodyPublishers.ofString(
                        "{\"slug\":\"" + slug + "\",\"note\":\"Named for the rule pack\"}"))
                .build()),
        200);
  }

  /** The text as the inside of a JSON string. */
  private static String json(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(api.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + staffToken)
        .header("Content-Type", "application/json");
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> expect(HttpResponse<String> response, int status)
      throws IOException {
    return Http.expect("Knowledge demo data", response, status);
  }
}
