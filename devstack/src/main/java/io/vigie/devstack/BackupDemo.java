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
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seeds' backups (USE-CASES.md, "Demo data"), loaded through backup-service's API as an admin
 * would: saint-roch's files nightly at 01:00 kept 7 days and its MySQL dumps hourly kept 10 days,
 * both to restic repositories in DC3 and DC5 (never only DC2, where web1 runs), run by the
 * reference agent; lumière's order database every 2 hours, even days to DC5 and odd days to
 * Falkenstein; the recette container's borgmatic run reporting by ping; one restore test last
 * month; lumière's DRP plan (use case 3) from hv1 in DC2 to drp1 in DC5. Called on every {@code
 * ./vigie up}: each item is looked up by name before it is created.
 */
public final class BackupDemo {

  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
  private static final Pattern PING = Pattern.compile("\"pingPath\":\"(/ping/[0-9a-f-]{36})\"");
  private static final Duration LEARNING = Duration.ofSeconds(90);

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI inventory;
  private final URI backup;
  private final String token;

  private BackupDemo(URI inventoryBaseUrl, URI backupBaseUrl, String token) {
    this.inventory = inventoryBaseUrl.resolve("api/v1/");
    this.backup = backupBaseUrl;
    this.token = token;
  }

  /**
   * @param inventoryBaseUrl inventory-service's root, e.g. {@code http://127.0.0.1:8081/}
   * @param backupBaseUrl backup-service's root, e.g. {@code http://127.0.0.1:8084/}
   * @param adminBearerToken an access token of the demo user {@code admin}
   */
  public static void load(URI inventoryBaseUrl, URI backupBaseUrl, String adminBearerToken)
      throws IOException, InterruptedException {
    new BackupDemo(inventoryBaseUrl, backupBaseUrl, adminBearerToken).loadAll();
  }

  private void loadAll() throws IOException, InterruptedException {
    String dc3 = inInventory("datacenters?size=500", "\"code\":\"PAR-DC3\"");
    String dc5 = inInventory("datacenters?size=500", "\"code\":\"PAR-DC5\"");
    String fsn = inInventory("datacenters?size=500", "\"code\":\"FSN1\"");
    String web1 = inInventory("servers?hostname=web1.par-dc2.vigie-demo.net", "\"id\"");
    String pve = inInventory("servers?hostname=pve1.fsn1.vigie-demo.net", "\"id\"");
    String recette =
        inInventory(
            "virtual-machines?size=500&hostServerId=" + pve, "\"name\":\"ct-saint-roch-recette\"");
    String orders = inInventory("hosted-services?size=500", "\"name\":\"Base commandes\"");

    String srDc3 =
        repository(
            "saint-roch",
            "restic DC3",
            "RESTIC_SFTP",
            "sftp:backup@backup1.par-dc3.vigie-demo.net:/srv/restic/saint-roch",
            dc3);
    String srDc5 =
        repository(
            "saint-roch",
            "restic DC5",
            "RESTIC_SFTP",
            "sftp:backup@backup1.par-dc5.vigie-demo.net:/srv/restic/saint-roch",
            dc5);
    String borgDc3 =
        repository(
            "saint-roch",
            "borg DC3",
            "BORG",
            "ssh://borg@backup1.par-dc3.vigie-demo.net/./saint-roch-recette",
            dc3);
    String borgDc5 =
        repository(
            "saint-roch",
            "borg DC5",
            "BORG",
            "ssh://borg@backup1.par-dc5.vigie-demo.net/./saint-roch-recette",
            dc5);
    String luDc5 =
        repository(
            "lumiere",
            "restic DC5",
            "RESTIC_REST",
            "rest:https://restic.par-dc5.vigie-demo.net/lumiere",
            dc5);
    String luFsn =
        repository(
            "lumiere",
            "restic FSN1",
            "RESTIC_S3",
            "s3:https://s3.fsn1.vigie-demo.net/lumiere-restic",
            fsn);

    String files =
        policy(
            "saint-roch",
            "Fichiers web1",
            "FILES",
            "SERVER",
            web1,
            "PT25H",
            "{\"repositoryId\":\""
                + srDc3
                + "\",\"schedule\":\"0 1 * * *\"},"
                + "{\"repositoryId\":\""
                + srDc5
                + "\",\"schedule\":\"0 1 * * *\"}");
    agentSettings(files, "[\"/var/www\",\"/etc/apache2\"]", "[\"files\"]");
    String mysql =
        policy(
            "saint-roch",
            "MySQL web1",
            "DATABASE",
            "SERVER",
            web1,
            null,
            "{\"repositoryId\":\"" + srDc3 + "\"},{\"repositoryId\":\"" + srDc5 + "\"}");
    agentSettings(mysql, "[\"/var/backups/mysql\"]", "[\"mysql\"]");
    policy(
        "lumiere",
        "Base commandes",
        "DATABASE",
        "HOSTED_SERVICE",
        orders,
        null,
        "{\"repositoryId\":\""
            + luDc5
            + "\",\"schedule\":\"0 */2 2-30/2 * *\"},"
            + "{\"repositoryId\":\""
            + luFsn
            + "\",\"schedule\":\"0 */2 1-31/2 * *\"}");
    String borgmatic =
        policy(
            "saint-roch",
            "Recette (borgmatic)",
            "FILES",
            "VIRTUAL_MACHINE",
            recette,
            "PT25H",
            "{\"repositoryId\":\""
                + borgDc3
                + "\",\"schedule\":\"30 2 * * *\"},"
                + "{\"repositoryId\":\""
                + borgDc5
                + "\",\"schedule\":\"30 2 * * *\"}");
    borgmaticRun(borgmatic);
    restoreTestLastMonth(mysql, srDc3);
    String hv1 = inInventory("servers?hostname=hv1.par-dc2.vigie-demo.net", "\"id\"");
    String drp1 = inInventory("servers?hostname=drp1.par-dc5.vigie-demo.net", "\"id\"");
    String shop = inInventory("hosted-services?size=500", "\"name\":\"Boutique en ligne\"");
    drpPlan(hv1, drp1, shop, orders);
    Log.info(
        "backup demo data loaded: 6 repositories, 4 policies (2 run by the agent, even/odd days,"
            + " borgmatic by ping), a restore test last month, lumière's DRP plan (drp1 in DC5)");
  }

  /**
   * Use case 3's DRP for lumière (RPO 2 h from its contract): production on hv1 in PAR-DC2 (its
   * VMs, the shop and the order database also on hv2 in PAR-DC3), recovery on drp1 in PAR-DC5. The
   * failover puts the shop in maintenance, copies files and configuration from the backup servers
   * (2-3 h), imports the order database, has lumière confirm by ticket, then switches the failover
   * group {@code web} of lumiere-demo.com (DnsDemo: www and api) to drp1; the return to production
   * runs the same phases back (maintenance, copy back, import, ticket, DNS back).
   */
  private void drpPlan(String production, String recovery, String shop, String orders)
      throws IOException, InterruptedException {
    String name = "PRA boutique et commandes";
    String found =
        expect(send(get(backup, "api/v1/drp-plans?tenant=lumiere&name=" + name)), 200).body();
    if (found.contains("\"items\":[{")) {
      return;
    }
    String body =
        """
        {"name":"%s","tenant":"lumiere","productionServerId":"%s","recoveryServerId":"%s",
         "targets":[{"kind":"HOSTED_SERVICE","id":"%s"},{"kind":"HOSTED_SERVICE","id":"%s"}],
         "steps":[
          {"kind":"MAINTENANCE_MODE","name":"Boutique en maintenance","estimated":"PT5M"},
          {"kind":"RESTORE_FILES","name":"Fichiers et configuration des serveurs de sauvegarde vers drp1","estimated":"PT3H"},
          {"kind":"IMPORT_DATABASE","name":"Import de la base commandes","estimated":"PT1H"},
          {"kind":"CONFIRM_BY_TICKET","name":"Lumière confirme par ticket","estimated":"PT30M"},
          {"kind":"DNS_SWITCH","name":"www et api de lumiere-demo.com vers drp1","estimated":"PT10M",
           "productionAddresses":["51.159.10.30","51.159.10.31"]}]}"""
            .formatted(name, production, recovery, shop, orders);
    long deadline = System.nanoTime() + LEARNING.toNanos();
    while (true) {
      HttpResponse<String> created = send(post("api/v1/drp-plans", body));
      if (created.statusCode() == 201) {
        return;
      }
      // backup-service learns drp1 from inventory.events, a moment after inventory
      awaitLearning(created, deadline);
    }
  }

  /** The id of the inventory list item containing {@code marker}. */
  private String inInventory(String list, String marker) throws IOException, InterruptedException {
    String body = expect(send(get(inventory, list)), 200).body();
    for (String item : body.split("\\},\\{\"id\":")) {
      String candidate = item.startsWith("\"") ? "{\"id\":" + item : item;
      if (candidate.contains(marker)) {
        return firstId(candidate);
      }
    }
    throw new IOException("Backup demo data: no " + marker + " in inventory " + list);
  }

  private String repository(
      String tenant, String name, String kind, String location, String datacenterId)
      throws IOException, InterruptedException {
    String path = "api/v1/repositories?size=500&tenant=" + tenant;
    long deadline = System.nanoTime() + LEARNING.toNanos();
    while (true) {
      String body = expect(send(get(backup, path)), 200).body();
      for (String item : body.split("\\},\\{\"id\":")) {
        String candidate = item.startsWith("\"") ? "{\"id\":" + item : item;
        if (candidate.contains("\"name\":\"" + name + "\"")) {
          return firstId(candidate);
        }
      }
      HttpResponse<String> created =
          send(
              post(
                  "api/v1/repositories",
                  "{\"tenant\":\""
                      + tenant
                      + "\",\"name\":\""
                      + name
                      + "\",\"kind\":\""
                      + kind
                      + "\",\"location\":\""
                      + location
                      + "\",\"datacenterId\":\""
                      + datacenterId
                      + "\",\"passwordRef\":\"vault:kv/backup/"
                      + tenant
                      + "/"
                      + name.replace(' ', '-')
                      + "#password\"}"));
      if (created.statusCode() == 201) {
        return firstId(created.body());
      }
      // backup-service learns datacenters from inventory.events, a moment after inventory
      awaitLearning(created, deadline);
    }
  }

  /** A policy; {@code rpo} null takes the contract's (the DRP's 2 h). */
  private String policy(
      String tenant,
      String name,
      String kind,
      String targetKind,
      String targetId,
      String rpo,
      String copies)
      throws IOException, InterruptedException {
    String found =
        expect(send(get(backup, "api/v1/policies?tenant=" + tenant + "&name=" + name)), 200).body();
    if (found.contains("\"items\":[{")) {
      return firstId(found);
    }
    long deadline = System.nanoTime() + LEARNING.toNanos();
    while (true) {
      HttpResponse<String> created =
          send(
              post(
                  "api/v1/policies",
                  "{\"tenant\":\""
                      + tenant
                      + "\",\"name\":\""
                      + name
                      + "\",\"kind\":\""
                      + kind
                      + "\",\"target\":{\"kind\":\""
                      + targetKind
                      + "\",\"id\":\""
                      + targetId
                      + "\"},\"timeZone\":\"Europe/Paris\","
                      + (rpo == null ? "" : "\"rpo\":\"" + rpo + "\",")
                      + "\"copies\":["
                      + copies
                      + "]}"));
      if (created.statusCode() == 201) {
        return firstId(created.body());
      }
      awaitLearning(created, deadline);
    }
  }

  private static void awaitLearning(HttpResponse<String> refused, long deadline)
      throws IOException, InterruptedException {
    if (refused.statusCode() != 400 || System.nanoTime() > deadline) {
      expect(refused, 201);
    }
    Thread.sleep(500);
  }

  private void agentSettings(String policy, String paths, String tags)
      throws IOException, InterruptedException {
    String path = "api/v1/policies/" + policy + "/agent-settings";
    if (send(get(backup, path)).statusCode() == 404) {
      expect(
          send(
              request(backup, path)
                  .PUT(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"paths\":" + paths + ",\"tags\":" + tags + "}"))
                  .build()),
          200);
    }
  }

  /** borgmatic's healthchecks hook as it reports a good run: a start, then a success. */
  private void borgmaticRun(String policy) throws IOException, InterruptedException {
    String runs = expect(send(get(backup, "api/v1/policies/" + policy + "/runs")), 200).body();
    if (runs.contains("\"items\":[{")) {
      return;
    }
    String body = expect(send(get(backup, "api/v1/policies/" + policy)), 200).body();
    Matcher ping = PING.matcher(body);
    if (!ping.find()) {
      throw new IOException("Backup demo data: no ping path in " + body);
    }
    URI uri = backup.resolve(ping.group(1).substring(1));
    URI start = URI.create(uri + "/start");
    expect(
        send(HttpRequest.newBuilder(start).POST(HttpRequest.BodyPublishers.noBody()).build()), 200);
    expect(
        send(
            HttpRequest.newBuilder(uri)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "Creating archive at \"ssh://borg@backup1.par-dc3.vigie-demo.net/./"
                            + "saint-roch-recette::ct-saint-roch-recette-{now}\"\n"
                            + "Keeping archives: 7 daily, 4 weekly\n"))
                .build()),
        200);
  }

  /** One good restore test, on the first Monday of last month at 05:00 Paris time. */
  private void restoreTestLastMonth(String policy, String repository)
      throws IOException, InterruptedException {
    String tests =
        expect(send(get(backup, "api/v1/policies/" + policy + "/restore-tests")), 200).body();
    if (tests.contains("\"items\":[{")) {
      return;
    }
    LocalDate monday =
        LocalDate.now(ZoneId.of("Europe/Paris"))
            .minusMonths(1)
            .with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    var started = monday.atTime(5, 0).atZone(ZoneId.of("Europe/Paris")).toInstant();
    expect(
        send(
            post(
                "api/v1/restore-tests",
                "{\"policyId\":\""
                    + policy
                    + "\",\"repositoryId\":\""
                    + repository
                    + "\",\"snapshotId\":\"5f3c9a1e\",\"snapshotTime\":\""
                    + started.minus(Duration.ofHours(4))
                    + "\",\"succeeded\":true,"
                    + "\"startedAt\":\""
                    + started
                    + "\",\"finishedAt\":\""
                    + started.plus(Duration.ofMinutes(7))
                    + "\",\"filesChecked\":12,"
                    + "\"bytesChecked\":734003200,\"log\":\"restored 12 files, 700 MiB, verified\"}")),
        201);
  }

  private HttpRequest get(URI base, String path) {
    return request(base, path).GET().build();
  }

  private HttpRequest post(String path, String body) {
    return request(backup, path).POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpRequest.Builder request(URI base, String path) {
    String[] parts = path.split("\\?", 2);
    StringBuilder query = new StringBuilder();
    if (parts.length == 2) {
      for (String pair : parts[1].split("&")) {
        String[] kv = pair.split("=", 2);
        query.append(query.length() == 0 ? "?" : "&").append(kv[0]).append('=');
        query.append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8).replace("+", "%20"));
      }
    }
    return HttpRequest.newBuilder(base.resolve(parts[0] + query))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json");
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> expect(HttpResponse<String> response, int status)
      throws IOException {
    return Http.expect("Backup demo data", response, status);
  }

  private static String firstId(String json) {
    Matcher matcher = ID.matcher(json);
    if (!matcher.find()) {
      throw new IllegalStateException("No id in " + json);
    }
    return matcher.group(1);
  }
}
