package io.vigie.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consumption demo data: three restic runs of lumière's order database to its DC5 repository,
 * reported to backup-service as the reference agent reports them (the summary's {@code
 * data_added}), so that monitoring-service's consumption report for lumière shows its backup growth
 * beside its VMs' allocations and its bandwidth. Runs after {@link BackupDemo} on every {@code
 * ./vigie up}; skipped when the runs are there already (found by their snapshot ids).
 *
 * <p>Then what the demo's machines used: a daily curve of CPU, RAM and a slowly filling disk for
 * every VM and container and every server without guests, one row per hour from the start of the
 * previous month (UTC) to the last closed hour, written into monitoring-service's hourly rollup
 * tables ({@code guest_usage_hour}, {@code host_usage_hour}, as published hours) the way {@code
 * UsageRollup} keeps them: weeks of history cannot come through remote_write, whose head keeps 15
 * minutes. Hours already there are kept, so each start only fills the hours since the last one. The
 * consumption report shows each VM's use beside its allocation and the capacity report the
 * hypervisors' use (their guests' added up). And what lumière's repositories held: a daily {@code
 * restic stats --mode raw-data} measurement over the same period, posted to backup-service as the
 * agent posts it (skipped when a repository has measurements already), after giving restic DC5 and
 * restic FSN1 a capacity (120 GB and 500 GB, unless set), so that their growth forecasts say when
 * each is 90 % full.
 */
public final class ConsumptionDemo {

  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

  /** Snapshot ids of the demo runs, and the data each added (bytes). */
  private static final String[] SNAPSHOTS = {"c0ffee01", "c0ffee02", "c0ffee03"};

  private static final long[] ADDED = {312_000_000L, 87_500_000L, 143_250_000L};

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI backup;
  private final String token;

  private ConsumptionDemo(URI backupBaseUrl, String token) {
    this.backup = backupBaseUrl;
    this.token = token;
  }

  /**
   * @param backupBaseUrl backup-service's root, e.g. {@code http://127.0.0.1:8084/}
   * @param adminBearerToken an access token of the demo user {@code admin}
   */
  public static void load(URI backupBaseUrl, String adminBearerToken)
      throws IOException, InterruptedException {
    new ConsumptionDemo(backupBaseUrl, adminBearerToken).loadAll();
  }

  private void loadAll() throws IOException, InterruptedException {
    String policy =
        firstId(
            expect(
                    send(
                        get(
                            "api/v1/policies?tenant=lumiere&name="
                                + URLEncoder.encode("Base commandes", StandardCharsets.UTF_8))),
                    200)
                .body());
    String repository = null;
    String repositories =
        expect(send(get("api/v1/repositories?size=500&tenant=lumiere")), 200).body();
    for (String item : repositories.split("\\},\\{\"id\":")) {
      String candidate = item.startsWith("\"") ? "{\"id\":" + item : item;
      if (candidate.contains("\"name\":\"restic DC5\"")) {
        repository = firstId(candidate);
      }
    }
    if (repository == null) {
      throw new IOException("Consumption demo data: no lumière repository restic DC5");
    }
    loadStorage();
    loadUsage();
    String runs = expect(send(get("api/v1/policies/" + policy + "/runs?size=100")), 200).body();
    if (runs.contains(SNAPSHOTS[0])) {
      return;
    }
    Instant first = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));
    for (int i = 0; i < SNAPSHOTS.length; i++) {
      expect(
          send(
              post(
                  "api/v1/runs/restic",
                  "{\"policyId\":\""
                      + policy
                      + "\",\"repositoryId\":\""
                      + repository
                      + "\",\"startedAt\":\""
                      + first.plus(Duration.ofMinutes(10L * i))
                      + "\",\"summary\":{\"message_type\":\"summary\",\"files_new\":"
                      + (3 + i)
                      + ",\"files_changed\":1,\"data_added\":"
                      + ADDED[i]
                      + ",\"total_bytes_processed\":2147483648,\"total_duration\":41.5,"
                      + "\"snapshot_id\":\""
                      + SNAPSHOTS[i]
                      + "\"}}")),
          200,
          201);
    }
    Log.info("consumption demo data loaded: lumière's order database backup runs (backup growth)");
  }

  /** Start of the demo's usage history: the previous month (UTC). */
  private static Instant historyStart(Instant now) {
    YearMonth previous = YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(1);
    return previous.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private void loadUsage() throws InterruptedException {
    Instant now = Instant.now();
    Instant from = historyStart(now);
    Instant to = now.truncatedTo(ChronoUnit.HOURS);
    try (Connection db =
        DriverManager.getConnection(
            Postgres.jdbcUrl("monitoring"), Postgres.USER, Postgres.PASSWORD)) {
      // monitoring's read model fills from inventory.events: wait for the demo's guests
      int guests = 0;
      for (int i = 0; i < 60 && guests == 0; i++) {
        try (Statement count = db.createStatement();
            ResultSet r = count.executeQuery("select count(*) from target_guest")) {
          r.next();
          guests = r.getInt(1);
        }
        if (guests == 0) {
          Thread.sleep(1000);
        }
      }
      int rows = writeUsage(db, from, to);
      Log.info(
          "consumption demo data loaded: "
              + rows
              + " hours of usage of the demo's VMs and servers since "
              + from);
    } catch (SQLException e) {
      Log.warn("consumption demo data: usage hours not written: " + e.getMessage());
    }
  }

  /**
   * Writes the hours from {@code from} to {@code to} (excluded) of every guest and every server
   * without guests into monitoring-service's rollup tables; hours already there are kept. Returns
   * the rows written.
   */
  static int writeUsage(Connection db, Instant from, Instant to) throws SQLException {
    int rows;
    {
      // CPU: a base per machine, busier in the day (peak at 14:00 UTC), with some noise; RAM a
      // share of the allocation; disk filling slowly over the period. Deterministic per machine.
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into guest_usage_hour (guest_id, hour_start, server_id, samples, cpu_sum,"
                  + " ram_gb_sum, disk_gb_sum) select g.id, h, g.host_server_id, 60, 60 *"
                  + " least(100, 8 + (abs(hashtext(g.id::text)::bigint) % 30) + 35 * (0.5 + 0.5 *"
                  + " sin(2 * pi() * (extract(hour from h at time zone 'UTC') - 8) / 24)) +"
                  + " (abs(hashtext(g.id::text || h::text)::bigint) % 1000) / 100.0), 60 *"
                  + " greatest(g.ram_gb, 1) * (0.45 + (abs(hashtext(g.id::text)::bigint) % 25) / 100.0"
                  + " + 0.1 * sin(2 * pi() * extract(hour from h at time zone 'UTC') / 24)), 60 *"
                  + " greatest(g.disk_gb, 10) * (0.3 + 0.2 * extract(epoch from h - cast(? as"
                  + " timestamptz)) / extract(epoch from cast(? as timestamptz) - cast(? as"
                  + " timestamptz))) from target_guest g,"
                  + " generate_series(cast(? as timestamptz), cast(? as timestamptz) - interval"
                  + " '1 hour', interval '1 hour') h on conflict (guest_id, hour_start) do"
                  + " nothing")) {
        bind(insert, from, to);
        rows = insert.executeUpdate();
      }
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into host_usage_hour (server_id, hour_start, samples, cpu_sum, ram_gb_sum,"
                  + " disk_gb_sum, published) select s.id, h, 60, 60 * least(100, 5 +"
                  + " (abs(hashtext(s.id::text)::bigint) % 20) + 25 * (0.5 + 0.5 * sin(2 * pi() *"
                  + " (extract(hour from h at time zone 'UTC') - 8) / 24)) +"
                  + " (abs(hashtext(s.id::text || h::text)::bigint) % 1000) / 100.0), 60 *"
                  + " coalesce(s.ram_gb, 32) * (0.35 + 0.1 * sin(2 * pi() * extract(hour from h"
                  + " at time zone 'UTC') / 24)), 60 * coalesce(s.disk_gb, 500) * (0.25 + 0.15 *"
                  + " extract(epoch from h - cast(? as timestamptz)) / extract(epoch from cast(?"
                  + " as timestamptz) - cast(? as timestamptz))), true from target_server s,"
                  + " generate_series(cast(? as timestamptz), cast(? as timestamptz) - interval"
                  + " '1 hour', interval '1"
                  + " hour') h where s.status = 'ACTIVE' and not exists (select 1 from"
                  + " target_guest g where g.host_server_id = s.id) and s.roles not like"
                  + " '%HYPERVISOR%' on conflict (server_id, hour_start) do nothing")) {
        bind(insert, from, to);
        rows += insert.executeUpdate();
      }
    }
    return rows;
  }

  private static void bind(PreparedStatement insert, Instant from, Instant to) throws SQLException {
    Timestamp start = Timestamp.from(from);
    Timestamp end = Timestamp.from(to);
    insert.setTimestamp(1, start);
    insert.setTimestamp(2, end);
    insert.setTimestamp(3, start);
    insert.setTimestamp(4, start);
    insert.setTimestamp(5, end);
  }

  /**
   * lumière's repositories' capacities (the disk or quota behind each), unless set: what "full"
   * means for their growth forecasts in monitoring-service (the consumption report's "90 % full
   * on"). restic DC5 (about 100 GB held, growing 2.4 GB a week) reaches 90 % of 120 GB in about a
   * month; restic FSN1 has room for years.
   */
  private void setCapacities() throws IOException, InterruptedException {
    int updated = 0;
    for (String[] capacity :
        new String[][] {{"restic DC5", "120000000000"}, {"restic FSN1", "500000000000"}}) {
      String list = expect(send(get("api/v1/repositories?size=500&tenant=lumiere")), 200).body();
      String id = null;
      for (String item : list.split("\\},\\{\"id\":")) {
        String candidate = item.startsWith("\"") ? "{\"id\":" + item : item;
        if (candidate.contains("\"name\":\"" + capacity[0] + "\"")) {
          id = firstId(candidate);
        }
      }
      if (id == null) {
        continue;
      }
      HttpResponse<String> read = expect(send(get("api/v1/repositories/" + id)), 200);
      String body = read.body();
      if (body.matches("(?s).*\"capacityBytes\":[0-9].*")) {
        continue;
      }
      // the password reference is never returned: BackupDemo's convention names it again
      String name = field(body, "name");
      String json =
          "{\"tenant\":\"lumiere\",\"name\":\""
              + name
              + "\",\"kind\":\""
              + field(body, "kind")
              + "\",\"location\":\""
              + field(body, "location")
              + "\",\"datacenterId\":\""
              + field(body, "datacenterId")
              + "\",\"passwordRef\":\"vault:kv/backup/lumiere/"
              + name.replace(' ', '-')
              + "#password\",\"capacityBytes\":"
              + capacity[1]
              + "}";
      expect(
          send(
              HttpRequest.newBuilder(backup.resolve("api/v1/repositories/" + id))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .header("If-Match", read.headers().firstValue("ETag").orElse("*"))
                  .PUT(HttpRequest.BodyPublishers.ofString(json))
                  .build()),
          200);
      updated++;
    }
    if (updated > 0) {
      Log.info("consumption demo data loaded: capacities of " + updated + " lumière repositories");
    }
  }

  private static String field(String json, String name) throws IOException {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IOException("Consumption demo data: no " + name + " in " + json);
    }
    return m.group(1);
  }

  /** A daily raw-data measurement of each of lumière's repositories, unless it has some. */
  private void loadStorage() throws IOException, InterruptedException {
    setCapacities();
    Instant now = Instant.now();
    Instant from = historyStart(now);
    String repositories =
        expect(send(get("api/v1/repositories?size=500&tenant=lumiere")), 200).body();
    Matcher ids = ID.matcher(repositories);
    int index = 0;
    int posted = 0;
    while (ids.find()) {
      String repository = ids.group(1);
      String history =
          expect(
                  send(
                      get(
                          "api/v1/repositories/"
                              + repository
                              + "/storage?from="
                              + from.minus(Duration.ofDays(1))
                              + "&to="
                              + now.plusSeconds(1))),
                  200)
              .body();
      if (history.contains("\"measuredAt\"")) {
        index++;
        continue;
      }
      // 80 GB and more to start with, 1.2 GB a day added by backups, 6 GB freed each Sunday's prune
      long bytes = 80_000_000_000L + index * 35_000_000_000L;
      int snapshots = 30;
      for (Instant at = from.plus(Duration.ofMinutes(190));
          at.isBefore(now);
          at = at.plus(Duration.ofDays(1))) {
        bytes += 1_200_000_000L;
        snapshots++;
        if (at.atZone(ZoneOffset.UTC).getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
          bytes -= 6_000_000_000L;
          snapshots -= 7;
        }
        expect(
            send(
                post(
                    "api/v1/repositories/" + repository + "/storage",
                    "{\"measuredAt\":\""
                        + at
                        + "\",\"mode\":\"raw-data\",\"stats\":{\"total_size\":"
                        + bytes
                        + ",\"total_blob_count\":"
                        + bytes / 2_000_000
                        + ",\"snapshots_count\":"
                        + snapshots
                        + "}}")),
            201);
        posted++;
      }
      index++;
    }
    Log.info(
        "consumption demo data loaded: "
            + posted
            + " storage measurements of lumière's repositories");
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(backup.resolve(path))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
  }

  private HttpRequest post(String path, String json) {
    return HttpRequest.newBuilder(backup.resolve(path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> expect(HttpResponse<String> response, int... statuses)
      throws IOException {
    for (int status : statuses) {
      if (response.statusCode() == status) {
        return response;
      }
    }
    return Http.expect("Consumption demo data", response, statuses[0]);
  }

  private static String firstId(String json) throws IOException {
    Matcher matcher = ID.matcher(json);
    if (!matcher.find()) {
      throw new IOException("Consumption demo data: no id in " + json);
    }
    return matcher.group(1);
  }
}
