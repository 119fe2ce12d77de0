package io.vigie.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consumption demo data: three restic runs of lumière's order database to its DC5 repository,
 * reported to backup-service as the reference agent reports them (the summary's {@code
 * data_added}), so that monitoring-service's consumption report for lumière shows its backup growth
 * beside its VMs' allocations and its bandwidth. Runs after {@link BackupDemo} on every {@code
 * ./vigie up}; skipped when the runs are there already (found by their snapshot ids).
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
