package io.vigie.backup.drp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A DRP run survives its service being killed (SIGKILL: no shutdown hook, no graceful stop) in the
 * middle of its steps, with backup-service running as shipped (its packaged jar in its own JVM, on
 * the test kit's real PostgreSQL and Kafka), restarted on the same database and broker:
 *
 * <ol>
 *   <li>while step 2's report is in flight (the request handed to the connection, the process
 *       killed before or after its transaction committed) and the run waits for the person carrying
 *       out step 2 or step 3: after the restart the run is still running at the step it stood at,
 *       each step started once, none done twice, and reporting step 2 again completes it or answers
 *       409;
 *   <li>while the DNS switch (step 4) waits for dns-service, whose {@code DnsSwitchApplied} arrives
 *       on dns.events while the service is down: after the restart the consumer applies it once and
 *       the run completes.
 * </ol>
 *
 * <p>On backup.events every event of the run appears with one CloudEvents id each: one {@code
 * DrpActivated}, one {@code DrpStepStarted} and one {@code DrpStepCompleted} per step, one {@code
 * DrpCompleted}, read up to a later event of the plan (the next run's {@code DrpAborted}) instead
 * of waiting out a timeout. (A record repeated with the same id, were the kill to fall between the
 * broker's acknowledgement and the outbox row's marking, is the outbox's at-least-once redelivery
 * that consumers drop by id; it is counted and reported, not a second event.)
 *
 * <p>Each restart is the same instance coming back (static group membership, a 6 s session
 * timeout): its consumers are assigned their partitions at once rather than after the killed
 * instance's membership times out.
 */
class DrpResumeAfterKillIT {

  private static final ObjectMapper JSON = EventJson.newMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration READY = Duration.ofMinutes(4);
  private static final Duration SETTLED = Duration.ofMinutes(1);
  private static final Duration POLL = Duration.ofMillis(100);
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
    // each restart is the same instance coming back (as a pod keeping its name): its consumers
    // take over their killed predecessors' partitions at once instead of waiting for the group to
    // notice the loss (45 s by default, twice when a kill falls in a rebalance)
    for (String channel : List.of("inventory-events", "dns-events")) {
      String consumer = "mp.messaging.incoming." + channel + ".";
      config.put(consumer + "group.instance.id", "backup-service-0-" + channel);
      config.put(consumer + "session.timeout.ms", "6000");
      config.put(consumer + "heartbeat.interval.ms", "1000");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.kill(); // nothing left to prove by a polite stop
    }
    INFRASTRUCTURE.stop();
  }

  private static void awaitReady() throws Exception {
    service.awaitReady(READY);
  }

  private static void restart() throws Exception {
    service = PackagedService.start("backup-service", config);
    awaitReady();
  }

  @Test
  void aRunKilledInTheMiddleOfItsStepsResumesWhereItStoodAndCompletesOnce() throws Exception {
    // the inventory goes on the broker while the service boots
    service = PackagedService.start("backup-service", config);
    Estate e = estate();
    awaitReady();
    // the client's administrator decides on its DRP (its other users may only read the run)
    String client = TestTokens.clientAdmin(e.tenant);
    UUID plan = createPlan(e);

    JsonNode activated = send(client, "POST", "/api/v1/drp-plans/" + plan + "/runs", activation());
    UUID run = UUID.fromString(activated.path("id").asText());
    assertThat(steps(activated, "status"))
        .containsExactly("RUNNING", "PENDING", "PENDING", "PENDING");
    JsonNode sheet = send(client, "POST", complete(run, 1), note("files copied to drp1"));
    assertThat(steps(sheet, "status"))
        .containsExactly("COMPLETED", "RUNNING", "PENDING", "PENDING");
    String step2Started = sheet.path("steps").get(1).path("startedAt").asText();

    // 1. killed while step 2's report is in flight: as soon as the client has handed its body over
    SignallingBody report = new SignallingBody(note("dump imported"));
    CompletableFuture<HttpResponse<String>> inFlight =
        HTTP.sendAsync(
            request(client, "POST", complete(run, 2), report),
            HttpResponse.BodyHandlers.ofString());
    report.handedOver.get(30, TimeUnit.SECONDS);
    service.kill();
    Instant killed = Instant.now();
    restart();
    inFlight.handle((r, failure) -> r).join();
    sheet = sheet(client, run);
    assertThat(sheet.path("status").asText()).isEqualTo("RUNNING");
    String step2 = sheet.path("steps").get(1).path("status").asText();
    assertThat(step2).isIn("COMPLETED", "RUNNING");
    // where it stood: the step waiting for its person is the one started before the kill, once
    if (step2.equals("RUNNING")) {
      assertThat(steps(sheet, "status"))
          .containsExactly("COMPLETED", "RUNNING", "PENDING", "PENDING");
      assertThat(sheet.path("steps").get(1).path("startedAt").asText()).isEqualTo(step2Started);
    } else {
      assertThat(steps(sheet, "status"))
          .containsExactly("COMPLETED", "COMPLETED", "RUNNING", "PENDING");
      assertThat(Instant.parse(sheet.path("steps").get(2).path("startedAt").asText()))
          .isBefore(killed);
    }
    assertThat(steps(sheet, "attempts"))
        .containsExactly("1", "1", step2.equals("RUNNING") ? "0" : "1", "0");
    HttpResponse<String> again =
        HTTP.send(
            request(client, "POST", complete(run, 2), body(note("dump imported"))),
            HttpResponse.BodyHandlers.ofString());
    // reported again: completes it if the kill came first, else 409 (it is no longer running)
    assertThat(again.statusCode()).isEqualTo(step2.equals("RUNNING") ? 200 : 409);
    sheet = sheet(client, run);
    assertThat(steps(sheet, "status"))
        .containsExactly("COMPLETED", "COMPLETED", "RUNNING", "PENDING");
    sheet = send(TestTokens.engineer(), "POST", complete(run, 3), note("checks green"));
    assertThat(steps(sheet, "status"))
        .containsExactly("COMPLETED", "COMPLETED", "COMPLETED", "RUNNING");

    // 2. killed while the DNS switch waits for dns-service, whose report arrives meanwhile
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
    restart();
    try {
      await()
          .atMost(SETTLED)
          .pollInterval(POLL)
          .until(() -> sheet(client, run).path("status").asText().equals("COMPLETED"));
    } catch (ConditionTimeoutException notApplied) {
      throw new AssertionError(
          "the DNS switch was not applied after the restart: "
              + sheet(client, run)
              + "\n"
              + service.log(),
          notApplied);
    }
    sheet = sheet(client, run);
    assertThat(steps(sheet, "status"))
        .containsExactly("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED");
    assertThat(steps(sheet, "attempts")).containsExactly("1", "1", "1", "1");
    assertThat(sheet.path("steps").get(3).path("completedBy").asText()).isEqualTo("dns-service");

    // a later event of the plan: back to production, stopped at once (DrpAborted, the sentinel)
    JsonNode back =
        send(
            client,
            "POST",
            "/api/v1/drp-plans/" + plan + "/runs",
            "{\"direction\":\"RETURN_TO_PRODUCTION\",\"reason\":\"PAR-DC2 is back\"}");
    send(
        client,
        "POST",
        "/api/v1/drp-runs/" + back.path("id").asText() + "/abort",
        "{\"reason\":\"drill over\"}");

    // every event of the run once: activated, 4 started, 4 completed, completed
    List<ConsumerRecord<String, String>> records =
        KafkaEvents.awaitThrough(
                BackupEvents.TOPIC, plan.toString(), BackupEvents.DRP_ABORTED, SETTLED)
            .stream()
            .filter(r -> r.value().contains(run.toString()))
            .toList();
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

  private static HttpRequest.BodyPublisher body(String json) {
    return json == null ? null : HttpRequest.BodyPublishers.ofString(json);
  }

  private static HttpRequest request(
      String token, String method, String path, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(service.url(path)))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token);
    if (body == null) {
      return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return b.header("Content-Type", "application/json").method(method, body).build();
  }

  private static JsonNode send(String token, String method, String path, String json)
      throws Exception {
    HttpResponse<String> r =
        HTTP.send(request(token, method, path, body(json)), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isIn(200, 201);
    return JSON.readTree(r.body());
  }

  /** A JSON body that tells when the HTTP client has taken all of it: the request is on its way. */
  private static final class SignallingBody implements HttpRequest.BodyPublisher {

    final CompletableFuture<Void> handedOver = new CompletableFuture<>();
    private final HttpRequest.BodyPublisher json;

    SignallingBody(String json) {
      this.json = HttpRequest.BodyPublishers.ofString(json);
    }

    @Override
    public long contentLength() {
      return json.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> connection) {
      json.subscribe(
          new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
              connection.onSubscribe(subscription);
            }

            @Override
            public void onNext(ByteBuffer item) {
              connection.onNext(item);
            }

            @Override
            public void onError(Throwable failure) {
              connection.onError(failure);
              handedOver.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
              connection.onComplete();
              handedOver.complete(null);
            }
          });
    }
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
    String json =
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
    AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
    try {
      await()
          .atMost(SETTLED)
          .pollInterval(POLL)
          .until(
              () -> {
                answer.set(
                    HTTP.send(
                        request(TestTokens.engineer(), "POST", "/api/v1/drp-plans", body(json)),
                        HttpResponse.BodyHandlers.ofString()));
                return answer.get().statusCode() == 201;
              });
    } catch (ConditionTimeoutException refused) {
      throw new AssertionError(
          "plan refused: " + answer.get().statusCode() + " " + answer.get().body(), refused);
    }
    return UUID.fromString(JSON.readTree(answer.get().body()).path("id").asText());
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
