package io.vigie.backup.drp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.events.DomainEvent;
import io.vigie.events.EventJson;
import io.vigie.events.backup.BackupEvents;
import io.vigie.events.backup.DrpDirection;
import io.vigie.events.dns.DnsEvents;
import io.vigie.events.dns.DnsSwitchApplied;
import io.vigie.events.inventory.BackupTerms;
import io.vigie.events.inventory.ClientRegistered;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.ContractTerms;
import io.vigie.events.inventory.DatacenterRegistered;
import io.vigie.events.inventory.DatacenterSnapshot;
import io.vigie.events.inventory.DrpTerms;
import io.vigie.events.inventory.HostedServiceCreated;
import io.vigie.events.inventory.HostedServiceKind;
import io.vigie.events.inventory.HostedServiceSnapshot;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.events.inventory.PriorityTarget;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerSnapshot;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.events.inventory.SupportHours;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.PackagedService;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A DRP run survives its service being killed (SIGKILL: no shutdown hook, no graceful stop) at
 * three moments of its steps, with backup-service running as shipped (its packaged jar in its own
 * JVM, on the test kit's real PostgreSQL and Kafka), restarted on the same database and broker each
 * time:
 *
 * <ol>
 *   <li>while step 1 waits for the person carrying it out: after the restart it is still running,
 *       started once, and its report completes it;
 *   <li>while step 2's report is in flight (the request sent, the process killed before or after
 *       its transaction committed): after the restart the step is either done or still running,
 *       never done twice, and reporting it again completes it or answers 409;
 *   <li>while the DNS switch (step 4) waits for dns-service, whose {@code DnsSwitchApplied} arrives
 *       on dns.events while the service is down: after the restart the consumer applies it once and
 *       the run completes.
 * </ol>
 *
 * <p>On backup.events every event of the run appears with one CloudEvents id each: one {@code
 * DrpActivated}, one {@code DrpStepStarted} and one {@code DrpStepCompleted} per step, one {@code
 * DrpCompleted}. (A record repeated with the same id, were the kill to fall between the broker's
 * acknowledgement and the outbox row's marking, is the outbox's at-least-once redelivery that
 * consumers drop by id; it is counted and reported, not a second event.)
 */
class DrpResumeAfterKillIT {

  private static final ObjectMapper JSON = EventJson.newMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration READY = Duration.ofMinutes(4);
  private static final VigieTestResources INFRASTRUCTURE = new VigieTestResources();
  private static final String RECOVERY_ADDRESS = "198.51.100.5";

  private static Map<String, String> config;
  private static PackagedService service;

  @BeforeAll
  static void infrastructure() {
    config = new HashMap<>(INFRASTRUCTURE.start());
    // the schedules' passes play no part here
    config.put("vigie.backup.watch.interval", "off");
    config.put("vigie.backup.coverage.interval", "off");
    config.put("vigie.restore-test.watch-interval", "off");
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.close();
    }
    INFRASTRUCTURE.stop();
  }

  private static void start() throws Exception {
    service = PackagedService.start("backup-service", config).awaitReady(READY);
  }

  private static void killAndRestart() throws Exception {
    service.kill();
    start();
  }

  @Test
  void aRunKilledInTheMiddleOfItsStepsResumesWhereItStoodAndCompletesOnce() throws Exception {
    start();
    Estate e = estate();
    // the client's administrator decides on its DRP (its other users may only read the run)
    String client = TestTokens.clientAdmin(e.tenant);
    UUID plan = createPlan(e);

    JsonNode activated = send(client, "POST", "/api/v1/drp-plans/" + plan + "/runs", activation());
    UUID run = UUID.fromString(activated.path("id").asText());
    assertThat(steps(activated, "status"))
        .containsExactly("RUNNING", "PENDING", "PENDING", "PENDING");
    String step1Started = activated.path("steps").get(0).path("startedAt").asText();

    // 1. killed while step 1 waits for the person
    killAndRestart();
    JsonNode sheet = sheet(client, run);
    assertThat(sheet.path("status").asText()).isEqualTo("RUNNING");
    assertThat(steps(sheet, "status")).containsExactly("RUNNING", "PENDING", "PENDING", "PENDING");
    assertThat(sheet.path("steps").get(0).path("attempts").asInt()).isEqualTo(1);
    assertThat(sheet.path("steps").get(0).path("startedAt").asText()).isEqualTo(step1Started);
    sheet = send(client, "POST", complete(run, 1), note("files copied to drp1"));
    assertThat(steps(sheet, "status"))
        .containsExactly("COMPLETED", "RUNNING", "PENDING", "PENDING");

    // 2. killed while step 2's report is in flight
    CompletableFuture<HttpResponse<String>> inFlight =
        HTTP.sendAsync(
            request(client, "POST", complete(run, 2), note("dump imported")),
            HttpResponse.BodyHandlers.ofString());
    Thread.sleep(30);
    killAndRestart();
    inFlight.handle((r, failure) -> r).join();
    sheet = sheet(client, run);
    String step2 = sheet.path("steps").get(1).path("status").asText();
    assertThat(step2).isIn("COMPLETED", "RUNNING");
    HttpResponse<String> again =
        HTTP.send(
            request(client, "POST", complete(run, 2), note("dump imported")),
            HttpResponse.BodyHandlers.ofString());
    // reported again: completes it if the kill came first, else 409 (it is no longer running)
    assertThat(again.statusCode()).isEqualTo(step2.equals("RUNNING") ? 200 : 409);
    sheet = sheet(client, run);
    assertThat(steps(sheet, "status"))
        .containsExactly("COMPLETED", "COMPLETED", "RUNNING", "PENDING");
    sheet = send(TestTokens.engineer(), "POST", complete(run, 3), note("checks green"));
    assertThat(steps(sheet, "status"))
        .containsExactly("COMPLETED", "COMPLETED", "COMPLETED", "RUNNING");

    // 3. killed while the DNS switch waits for dns-service, whose report arrives meanwhile
    service.kill();
    publish(
        DnsEvents.TOPIC,
        new DnsSwitchApplied(
            plan,
            run,
            e.tenant,
            DrpDirection.FAILOVER,
            4,
            List.of(RECOVERY_ADDRESS),
            List.of("www." + e.tenant + ".example. A"),
            List.of("knot"),
            Instant.now()));
    start();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    do {
      sheet = sheet(client, run);
      if (sheet.path("status").asText().equals("COMPLETED")) {
        break;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    assertThat(sheet.path("status").asText()).as(service.log()).isEqualTo("COMPLETED");
    assertThat(steps(sheet, "status"))
        .containsExactly("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED");
    assertThat(steps(sheet, "attempts")).containsExactly("1", "1", "1", "1");
    assertThat(sheet.path("steps").get(3).path("completedBy").asText()).isEqualTo("dns-service");

    // every event of the run once: activated, 4 started, 4 completed, completed
    List<ConsumerRecord<String, String>> records =
        KafkaEvents.await(
            BackupEvents.TOPIC, KafkaEvents.withKey(plan.toString()), 10, Duration.ofMinutes(1));
    Map<String, List<String>> idsByEvent =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    DrpResumeAfterKillIT::eventName,
                    Collectors.mapping(r -> KafkaEvents.header(r, "ce_id"), Collectors.toList())));
    Map<String, Long> distinct = new HashMap<>();
    idsByEvent.forEach((name, ids) -> distinct.put(name, ids.stream().distinct().count()));
    assertThat(distinct)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "DrpActivated", 1L,
                "DrpStepStarted 1", 1L,
                "DrpStepStarted 2", 1L,
                "DrpStepStarted 3", 1L,
                "DrpStepStarted 4", 1L,
                "DrpStepCompleted 1", 1L,
                "DrpStepCompleted 2", 1L,
                "DrpStepCompleted 3", 1L,
                "DrpStepCompleted 4", 1L,
                "DrpCompleted", 1L));
    System.out.printf(
        "DrpResumeAfterKillIT: step 2's report %s the kill; %d records for %d events%n",
        step2.equals("RUNNING") ? "lost with" : "committed before",
        records.size(),
        distinct.size());
  }

  private static String eventName(ConsumerRecord<String, String> r) {
    String type = KafkaEvents.header(r, "ce_type");
    String name =
        switch (type) {
          case BackupEvents.DRP_ACTIVATED -> "DrpActivated";
          case BackupEvents.DRP_STEP_STARTED -> "DrpStepStarted";
          case BackupEvents.DRP_STEP_COMPLETED -> "DrpStepCompleted";
          case BackupEvents.DRP_COMPLETED -> "DrpCompleted";
          default -> type;
        };
    if (name.startsWith("DrpStep")) {
      try {
        return name + " " + JSON.readTree(r.value()).path("position").asInt();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return name;
  }

  private static List<String> steps(JsonNode sheet, String field) {
    List<String> values = new java.util.ArrayList<>();
    sheet.path("steps").forEach(step -> values.add(step.path(field).asText()));
    return values;
  }

  private static String complete(UUID run, int position) {
    return "/api/v1/drp-runs/" + run + "/steps/" + position + "/complete";
  }

  private static String note(String note) {
    return "{\"note\":\"" + note + "\"}";
  }

  private static String activation() {
    return "{\"direction\":\"FAILOVER\",\"reason\":\"PAR-DC2 lost its network\"}";
  }

  private static JsonNode sheet(String token, UUID run) throws Exception {
    return send(token, "GET", "/api/v1/drp-runs/" + run, null);
  }

  private static HttpRequest request(String token, String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(service.url(path)))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token);
    if (body == null) {
      return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return b.header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static JsonNode send(String token, String method, String path, String body)
      throws Exception {
    HttpResponse<String> r =
        HTTP.send(request(token, method, path, body), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isIn(200, 201);
    return JSON.readTree(r.body());
  }

  /** saint-roch as DrpEstate has it, fed through inventory.events: web1 in DC2, drp1 in DC5. */
  private record Estate(String tenant, UUID web1, UUID recovery, UUID database) {}

  private static Estate estate() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String tenant = "saint-roch-" + suffix;
    UUID dc2 = datacenter("PAR-DC2-" + suffix);
    UUID dc5 = datacenter("PAR-DC5-" + suffix);
    UUID client = UUID.randomUUID();
    publish(
        InventoryEvents.TOPIC,
        new ClientRegistered(
            new ClientSnapshot(
                client,
                tenant,
                "Clinique Saint-Roch",
                "ops@" + tenant + ".example",
                new ContractTerms(
                    new BigDecimal("99.95"),
                    new SupportHours(
                        SupportHours.Coverage.ALWAYS, "Europe/Paris", List.of(), List.of()),
                    List.of(
                        new PriorityTarget(
                            PriorityTarget.Priority.P1, Duration.ofHours(1), Duration.ofHours(4))),
                    new BackupTerms(1, 10, 7, 2, 2),
                    new DrpTerms(Duration.ofHours(2), Duration.ofHours(4))),
                0)));
    UUID web1 = server(dc2, "PAR-DC2-" + suffix, "web1", "203.0.113.10");
    UUID recovery = server(dc5, "PAR-DC5-" + suffix, "drp1", RECOVERY_ADDRESS);
    UUID database = UUID.randomUUID();
    publish(
        InventoryEvents.TOPIC,
        new HostedServiceCreated(
            new HostedServiceSnapshot(
                database,
                client,
                tenant,
                tenant + " MySQL",
                HostedServiceKind.DATABASE,
                null,
                3306,
                "MariaDB 10.11",
                List.of(web1),
                List.of(),
                0)));
    return new Estate(tenant, web1, recovery, database);
  }

  private static UUID datacenter(String code) throws Exception {
    UUID id = UUID.randomUUID();
    publish(
        InventoryEvents.TOPIC,
        new DatacenterRegistered(
            new DatacenterSnapshot(id, code, code, "Scaleway", "Paris", "FR", 3, Set.of(), 0)));
    return id;
  }

  private static UUID server(UUID dc, String dcCode, String name, String address) throws Exception {
    UUID id = UUID.randomUUID();
    publish(
        InventoryEvents.TOPIC,
        new ServerRegistered(
            new ServerSnapshot(
                id,
                name + "-" + id.toString().substring(0, 8) + ".example.net",
                dc,
                dcCode,
                null,
                null,
                Set.of(ServerRole.WEB),
                ServerStatus.ACTIVE,
                null,
                List.of(),
                "10.2.0.21",
                List.of(address),
                List.of(),
                "Dell",
                "R640",
                null,
                null,
                null,
                null,
                0)));
    return id;
  }

  /** The plan of DrpEstate, created once the service has applied the inventory (it retries). */
  private static UUID createPlan(Estate e) throws Exception {
    String body =
        "{\"name\":\"saint-roch DRP\",\"tenant\":\""
            + e.tenant
            + "\",\"productionServerId\":\""
            + e.web1
            + "\",\"recoveryServerId\":\""
            + e.recovery
            + "\",\"targets\":[{\"kind\":\"HOSTED_SERVICE\",\"id\":\""
            + e.database
            + "\"}],\"steps\":["
            + "{\"kind\":\"RESTORE_FILES\",\"name\":\"Copy files to drp1\",\"estimated\":\"PT3H\"},"
            + "{\"kind\":\"IMPORT_DATABASE\",\"name\":\"Import the MySQL dump\","
            + "\"estimated\":\"PT1H\"},"
            + "{\"kind\":\"CHECK\",\"name\":\"The application answers\",\"estimated\":\"PT30M\"},"
            + "{\"kind\":\"DNS_SWITCH\",\"name\":\"www and the apex to drp1\","
            + "\"estimated\":\"PT10M\",\"failoverAddresses\":[\""
            + RECOVERY_ADDRESS
            + "\"],\"productionAddresses\":[\"203.0.113.10\"]}]}";
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      HttpResponse<String> r =
          HTTP.send(
              request(TestTokens.engineer(), "POST", "/api/v1/drp-plans", body),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 201) {
        return UUID.fromString(JSON.readTree(r.body()).path("id").asText());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("plan refused: " + r.statusCode() + " " + r.body());
      }
      Thread.sleep(500);
    }
  }

  private static void publish(String topic, DomainEvent event) throws Exception {
    KafkaEvents.publish(
        topic,
        event.aggregateId(),
        UUID.randomUUID().toString(),
        event.eventType(),
        JSON.writeValueAsString(event));
  }
}
