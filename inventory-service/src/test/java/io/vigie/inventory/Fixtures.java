package io.vigie.inventory;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vigie.testkit.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Test data created through the API, shaped like the hosters of USE-CASES.md. Unique per call. */
public final class Fixtures {

  private Fixtures() {}

  public static String unique(String prefix) {
    return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
  }

  public static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  public static Map<String, Object> contract() {
    return Map.of(
        "availabilityTarget", 99.95,
        "supportHours", Map.of("coverage", "ALWAYS", "timeZone", "Europe/Paris"),
        "priorityTargets",
            List.of(
                Map.of("priority", "P1", "timeToIntervention", "PT1H", "timeToResolution", "PT4H"),
                Map.of("priority", "P2", "timeToIntervention", "PT4H")),
        "backup",
            Map.of(
                "databaseEveryHours",
                1,
                "databaseRetentionDays",
                10,
                "filesRetentionDays",
                7,
                "copies",
                2,
                "distinctSites",
                2),
        "drp", Map.of("rpo", "PT2H", "rto", "PT4H"));
  }

  public static Map<String, Object> client(String code) {
    return Map.of(
        "code",
        code,
        "name",
        "Client " + code,
        "contactEmail",
        "ops@" + code + ".example",
        "contract",
        contract());
  }

  /** Registers a client and returns its id. */
  public static String createClient(String code) {
    return as(TestTokens.admin())
        .body(client(code))
        .post("/api/v1/clients")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static Map<String, Object> datacenter(String code) {
    return Map.of(
        "code",
        code,
        "name",
        "Paris " + code,
        "operator",
        "Scaleway",
        "city",
        "Paris",
        "country",
        "FR",
        "tier",
        3,
        "certifications",
        List.of("ISO_27001", "HDS"));
  }

  public static String createDatacenter() {
    return as(TestTokens.engineer())
        .body(datacenter(unique("DC").toUpperCase()))
        .post("/api/v1/datacenters")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /**
   * The Toulouse platform's HAProxy box: Xeon D-1531, 32 GB, 2x250 GB SSD, 300 Mbit/s burst 1
   * Gbit/s.
   */
  public static Map<String, Object> server(
      String hostname, String datacenterId, List<String> roles) {
    Map<String, Object> hardware =
        Map.of(
            "cpu",
                Map.of(
                    "model",
                    "Intel Xeon D-1531",
                    "sockets",
                    1,
                    "cores",
                    6,
                    "threads",
                    12,
                    "ghz",
                    2.2),
            "memory", Map.of("sizeGb", 32, "type", "DDR4", "ecc", true),
            "storage",
                Map.of(
                    "raid",
                    "RAID1",
                    "disks",
                    List.of(Map.of("count", 2, "sizeGb", 250, "media", "SSD"))));
    return Map.ofEntries(
        Map.entry("hostname", hostname),
        Map.entry("datacenterId", datacenterId),
        Map.entry("roles", roles),
        Map.entry("hardware", hardware),
        Map.entry(
            "networkLinks",
            List.of(
                Map.of("kind", "INTERNET", "name", "eth0", "bandwidthMbps", 300, "burstMbps", 1000),
                Map.of("kind", "PRIVATE", "name", "eth1", "bandwidthMbps", 1000))),
        Map.entry("managementIp", "10.2.0." + ThreadLocalRandom.current().nextInt(1, 250)),
        Map.entry("publicIps", List.of("51.15.0.11")),
        Map.entry("vendor", "Supermicro"),
        Map.entry("purchaseDate", "2024-03-01"),
        Map.entry("warrantyEnd", "2027-03-01"),
        Map.entry("endOfLife", "2030-03-01"));
  }

  public static String createServer(String datacenterId, String... roles) {
    return as(TestTokens.engineer())
        .body(server(unique("srv") + ".example.net", datacenterId, List.of(roles)))
        .post("/api/v1/servers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static ValidatableResponse transition(String serverId, String to) {
    String etag =
        as(TestTokens.engineer())
            .get("/api/v1/servers/" + serverId)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    return as(TestTokens.engineer())
        .header("If-Match", etag)
        .body(Map.of("to", to, "reason", "test"))
        .post("/api/v1/servers/" + serverId + "/lifecycle")
        .then();
  }

  public static Map<String, Object> guest(String name, String hostId, String clientId) {
    return Map.of(
        "name",
        name,
        "kind",
        "LXC",
        "hostServerId",
        hostId,
        "clientId",
        clientId,
        "vcpus",
        2,
        "ramGb",
        4,
        "diskGb",
        40,
        "ipAddresses",
        List.of("10.0.0.5"),
        "operatingSystem",
        "Debian 12");
  }

  public static String createGuest(String hostId, String clientId) {
    return as(TestTokens.engineer())
        .body(guest(unique("ct"), hostId, clientId))
        .post("/api/v1/virtual-machines")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static String createHostedService(
      String clientId, List<String> serverIds, List<String> vmIds) {
    return as(TestTokens.engineer())
        .body(
            Map.of(
                "clientId",
                clientId,
                "name",
                unique("shop"),
                "kind",
                "WEBSITE",
                "url",
                "https://shop.example.com",
                "technology",
                "nginx",
                "serverIds",
                serverIds,
                "virtualMachineIds",
                vmIds))
        .post("/api/v1/hosted-services")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static UUID uuid(String value) {
    return UUID.fromString(value);
  }
}
