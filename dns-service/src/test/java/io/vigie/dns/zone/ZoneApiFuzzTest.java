package io.vigie.dns.zone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vigie.dns.Zones;
import io.vigie.dns.servers.DnsServersResource;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated zone files and random record bodies sent to the API: every answer is 2xx, or 4xx with a
 * problem body, never 5xx. Plans (the {@code .../plan} operations) keep the servers untouched; a
 * share of the inputs is also created for real. Seeds are fixed so a failure replays.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
@QuarkusTestResource(DnsServersResource.class)
class ZoneApiFuzzTest {

  private static final String ALPHABET =
      "abcdefghijklmnopqrstuvwxyz0123456789.-_*@$();\"\\ \t\n:/=+%é";
  private static final String[] TYPES = {
    "A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "NS", "PTR", "SOA", "HINFO", "", "a"
  };
  private static final String[] TOKENS = {
    "10",
    "0",
    "issue",
    "\"letsencrypt.org\"",
    "mx1.hoster-demo.net.",
    "192.0.2.1",
    "2001:db8::1",
    "www",
    "@",
    "*",
    ".",
    "\"",
    "(",
    ")",
    ";",
    "65536",
    "-1",
    "x".repeat(70)
  };

  @Test
  void mutatedZoneFilesNeverAnswer5xx() {
    String tenant = Zones.client("fuzz");
    Random random = new Random(1129L);
    int created = 0;
    for (int i = 0; i < 150; i++) {
      String zone = Zones.name("fuzz-demo.fr.");
      String file =
          mutate(
              ZoneFilesTest.SAINT_ROCH.replace("$ORIGIN saint-roch-demo.fr.", "$ORIGIN " + zone),
              random);
      boolean forReal = i % 10 == 0;
      Response answer =
          given()
              .auth()
              .oauth2(TestTokens.engineer())
              .contentType(ContentType.JSON)
              .body(Zones.newZone(zone, tenant, "zoneFile", file))
              .post("/api/v1/zones" + (forReal ? "" : "/plan"));
      check(answer, file);
      if (answer.statusCode() == 201) {
        created++;
      }
    }
    assertThat(created).isPositive();
  }

  @Test
  void randomRecordBodiesNeverAnswer5xx() {
    String tenant = Zones.client("fuzz");
    String id =
        Zones.create(TestTokens.client(tenant), Zones.newZone(Zones.name("fuzz-demo.fr."), null))
            .path("id");
    Random random = new Random(2911L);
    for (int i = 0; i < 300; i++) {
      List<Object> sets = new ArrayList<>(Zones.sets());
      int count = 1 + random.nextInt(3);
      for (int s = 0; s < count; s++) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("name", random.nextInt(5) == 0 ? pick(TOKENS, random) : word(random));
        set.put("type", pick(TYPES, random));
        if (random.nextBoolean()) {
          set.put("ttl", random.nextInt(5) == 0 ? -5 : random.nextInt(700_000));
        }
        List<String> records = new ArrayList<>();
        for (int r = random.nextInt(3); r >= 0; r--) {
          StringBuilder body = new StringBuilder();
          for (int t = random.nextInt(5); t >= 0; t--) {
            body.append(random.nextBoolean() ? pick(TOKENS, random) : word(random)).append(' ');
          }
          records.add(body.toString());
        }
        set.put("records", records);
        sets.add(set);
      }
      var request =
          given()
              .auth()
              .oauth2(TestTokens.client(tenant))
              .contentType(ContentType.JSON)
              .header("If-Match", "*")
              .body(Map.of("recordSets", sets));
      Response answer =
          i % 5 == 0
              ? request.put("/api/v1/zones/" + id + "/record-sets")
              : request.post("/api/v1/zones/" + id + "/record-sets/plan");
      check(answer, sets.toString());
    }
  }

  @Test
  void randomSingleRecordSetsAndFailoverGroupsNeverAnswer5xx() {
    String tenant = Zones.client("fuzz");
    String id =
        Zones.create(TestTokens.client(tenant), Zones.newZone(Zones.name("fuzz-demo.fr."), null))
            .path("id");
    Random random = new Random(3011L);
    String[] groups = {"web", "Web", "", "-x", "a".repeat(41), "db-1", null};
    for (int i = 0; i < 200; i++) {
      String name = random.nextInt(4) == 0 ? pick(TOKENS, random) : word(random);
      String type = pick(TYPES, random);
      Map<String, Object> body = new LinkedHashMap<>();
      if (random.nextBoolean()) {
        body.put("ttl", random.nextInt(5) == 0 ? -5 : random.nextInt(700_000));
      }
      List<String> records = new ArrayList<>();
      for (int r = random.nextInt(3); r >= 0; r--) {
        records.add(random.nextBoolean() ? pick(TOKENS, random) : word(random));
      }
      body.put("records", records);
      String group = pick(groups, random);
      if (group != null) {
        body.put("failoverGroup", group);
      }
      var request =
          given()
              .auth()
              .oauth2(TestTokens.client(tenant))
              .header("If-Match", "*")
              .urlEncodingEnabled(true);
      String path = "/api/v1/zones/{id}/record-sets/{name}/{type}";
      boolean forReal = i % 4 == 0;
      Response answer =
          random.nextInt(4) == 0
              ? forReal
                  ? request.delete(path, id, name, type)
                  : request.post(path + "/removal-plan", id, name, type)
              : forReal
                  ? request.contentType(ContentType.JSON).body(body).put(path, id, name, type)
                  : request
                      .contentType(ContentType.JSON)
                      .body(body)
                      .post(path + "/plan", id, name, type);
      check(answer, name + " " + type + " " + body);
    }
  }

  private static void check(Response answer, String input) {
    assertThat(answer.statusCode()).as("answer to %s", input).isLessThan(500);
    if (answer.statusCode() >= 400) {
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.jsonPath().getString("detail")).isNotBlank();
    }
  }

  private static String mutate(String text, Random random) {
    StringBuilder out = new StringBuilder(text);
    for (int m = 1 + random.nextInt(4); m > 0; m--) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(4)) {
        case 0 -> out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 1 -> out.deleteCharAt(at);
        case 2 -> out.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        default -> out.insert(at, " " + pick(TOKENS, random) + " ");
      }
    }
    return out.toString();
  }

  private static String word(Random random) {
    StringBuilder out = new StringBuilder();
    for (int i = 1 + random.nextInt(10); i > 0; i--) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }

  private static String pick(String[] values, Random random) {
    return values[random.nextInt(values.length)];
  }
}
