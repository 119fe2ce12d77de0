package io.vigie.backup.drp;

import static io.vigie.backup.drp.DrpEstate.activate;
import static io.vigie.backup.drp.DrpEstate.activated;
import static io.vigie.backup.drp.DrpEstate.as;
import static io.vigie.backup.drp.DrpEstate.complete;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.backup.InventoryFeed;
import io.vigie.events.backup.BackupEvents;
import io.vigie.events.backup.DrpDirection;
import io.vigie.events.dns.DnsSwitchApplied;
import io.vigie.events.dns.DnsSwitchFailed;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A DRP failover and the return to production, end to end through their events on the real broker
 * and database: the client activates, people report the steps, dns-service's {@code
 * DnsSwitchApplied} (published on dns.events as its outbox would) completes the DNS switch.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class DrpRunFlowTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void failoverThenReturnToProductionRunThroughTheirEvents() throws Exception {
    DrpEstate e = new DrpEstate();
    UUID plan = e.createPlan(e.plan("saint-roch DRP"));
    String client = TestTokens.clientAdmin(e.tenant());

    UUID failover = activated(client, plan, "FAILOVER");
    as(client)
        .get("/api/v1/drp-runs/" + failover)
        .then()
        .statusCode(200)
        .body("status", equalTo("RUNNING"))
        .body("direction", equalTo("FAILOVER"))
        .body("activatedBy", equalTo("admin-of-" + e.tenant()))
        .body("fromServerId", equalTo(e.estate.web1.toString()))
        .body("toServerId", equalTo(e.recovery.toString()))
        .body("steps.status", contains("RUNNING", "PENDING", "PENDING", "PENDING"));
    // one active run per plan
    activate(TestTokens.engineer(), plan, "FAILOVER")
        .statusCode(409)
        .body("detail", containsString("already has a run in progress"));
    // only the running step may be reported
    complete(client, failover, 2).statusCode(409);

    complete(client, failover, 1).statusCode(200).body("steps[1].status", equalTo("RUNNING"));
    complete(TestTokens.agent(), failover, 2).statusCode(200);
    complete(TestTokens.engineer(), failover, 3)
        .statusCode(200)
        .body("steps[3].status", equalTo("RUNNING"))
        .body("steps[3].switchToAddresses", contains(DrpEstate.RECOVERY_ADDRESS));
    // the DNS switch is dns-service's to complete
    complete(TestTokens.engineer(), failover, 4)
        .statusCode(409)
        .body("detail", containsString("dns-service"));

    // dns-service could not verify: the run stops at the step, a person retries it
    DrpEstate.publishFromDns(
        new DnsSwitchFailed(
            plan,
            failover,
            e.tenant(),
            DrpDirection.FAILOVER,
            4,
            List.of(DrpEstate.RECOVERY_ADDRESS),
            "ns2.example.net still answers 203.0.113.10 for www",
            Instant.now()),
        UUID.randomUUID().toString());
    awaitStatus(failover, "FAILED");
    as(client)
        .get("/api/v1/drp-runs/" + failover)
        .then()
        .body("steps[3].status", equalTo("FAILED"))
        .body("outcome", containsString("ns2.example.net still answers"));
    as(TestTokens.engineer())
        .post("/api/v1/drp-runs/" + failover + "/retry")
        .then()
        .statusCode(200)
        .body("status", equalTo("RUNNING"))
        .body("steps[3].attempts", equalTo(2));

    // verified: the same event delivered twice completes the step once
    String applied = UUID.randomUUID().toString();
    DnsSwitchApplied switched =
        new DnsSwitchApplied(
            plan,
            failover,
            e.tenant(),
            DrpDirection.FAILOVER,
            4,
            List.of(DrpEstate.RECOVERY_ADDRESS),
            List.of("www.saint-roch-demo.fr. A", "saint-roch-demo.fr. A"),
            List.of("pdns", "bind"),
            Instant.now());
    DrpEstate.publishFromDns(switched, applied);
    DrpEstate.publishFromDns(switched, applied);
    awaitStatus(failover, "COMPLETED");
    as(client)
        .get("/api/v1/drp-runs/" + failover)
        .then()
        .body("finishedAt", notNullValue())
        .body("steps.status", contains("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"))
        .body("steps[3].completedBy", equalTo("dns-service"));

    // on the recovery server now: no second failover, the return goes back
    activate(client, plan, "FAILOVER").statusCode(409);
    UUID back = activated(TestTokens.engineer(), plan, "RETURN_TO_PRODUCTION");
    as(client)
        .get("/api/v1/drp-runs/" + back)
        .then()
        .body("fromServerId", equalTo(e.recovery.toString()))
        .body("toServerId", equalTo(e.estate.web1.toString()));
    for (int p = 1; p <= 3; p++) {
      complete(TestTokens.engineer(), back, p).statusCode(200);
    }
    DrpEstate.publishFromDns(
        new DnsSwitchApplied(
            plan,
            back,
            e.tenant(),
            DrpDirection.RETURN_TO_PRODUCTION,
            4,
            List.of(DrpEstate.PRODUCTION_ADDRESS),
            List.of("www.saint-roch-demo.fr. A"),
            List.of("pdns", "bind"),
            Instant.now()),
        UUID.randomUUID().toString());
    awaitStatus(back, "COMPLETED");

    as(client)
        .get("/api/v1/drp-plans/" + plan + "/runs")
        .then()
        .statusCode(200)
        .body("items.id", contains(back.toString(), failover.toString()));
    // back in production: nothing to return from
    activate(client, plan, "RETURN_TO_PRODUCTION").statusCode(409);

    // the sentinel: a drill started and stopped, so everything before it is read once
    abort(activated(client, plan, "FAILOVER"));
    List<ConsumerRecord<String, String>> published = through(plan);
    List<ConsumerRecord<String, String>> failoverEvents = of(published, failover);
    assertThat(types(failoverEvents))
        .containsExactly(
            BackupEvents.DRP_ACTIVATED,
            BackupEvents.DRP_STEP_STARTED,
            BackupEvents.DRP_STEP_COMPLETED,
            BackupEvents.DRP_STEP_STARTED,
            BackupEvents.DRP_STEP_COMPLETED,
            BackupEvents.DRP_STEP_STARTED,
            BackupEvents.DRP_STEP_COMPLETED,
            BackupEvents.DRP_STEP_STARTED,
            BackupEvents.DRP_STEP_FAILED,
            BackupEvents.DRP_STEP_STARTED,
            BackupEvents.DRP_STEP_COMPLETED,
            BackupEvents.DRP_COMPLETED);
    List<JsonNode> started = events(failoverEvents, BackupEvents.DRP_STEP_STARTED);
    assertThat(started).extracting(n -> n.get("position").asInt()).containsExactly(1, 2, 3, 4, 4);
    JsonNode dnsStep = started.get(3);
    assertThat(dnsStep.get("kind").asText()).isEqualTo("DNS_SWITCH");
    assertThat(dnsStep.get("switchToAddresses").get(0).asText())
        .isEqualTo(DrpEstate.RECOVERY_ADDRESS);
    List<ConsumerRecord<String, String>> backEvents = of(published, back);
    List<JsonNode> backSteps = events(backEvents, BackupEvents.DRP_STEP_STARTED);
    assertThat(backSteps).hasSize(4);
    assertThat(backSteps.get(3).get("switchToAddresses").get(0).asText())
        .isEqualTo(DrpEstate.PRODUCTION_ADDRESS);
    assertThat(backSteps.get(3).get("direction").asText()).isEqualTo("RETURN_TO_PRODUCTION");
    List<JsonNode> completed = events(backEvents, BackupEvents.DRP_COMPLETED);
    assertThat(completed).hasSize(1);
    assertThat(completed.get(0).get("direction").asText()).isEqualTo("RETURN_TO_PRODUCTION");
  }

  @Test
  void aPersonStopsAFailedRunAndTheNextFailoverStartsAfresh() {
    DrpEstate e = new DrpEstate();
    UUID plan = e.createPlan(e.plan("saint-roch DRP"));
    String client = TestTokens.clientAdmin(e.tenant());
    UUID run = activated(client, plan, "FAILOVER");
    as(TestTokens.agent())
        .body(Map.of("note", "restic: repository in PAR-DC3 unreachable"))
        .post("/api/v1/drp-runs/" + run + "/steps/1/fail")
        .then()
        .statusCode(200)
        .body("status", equalTo("FAILED"))
        .body("steps[0].failure", equalTo("restic: repository in PAR-DC3 unreachable"));
    activate(client, plan, "FAILOVER").statusCode(409);
    as(client)
        .body(Map.of("reason", "restoring by hand from PAR-DC5"))
        .post("/api/v1/drp-runs/" + run + "/abort")
        .then()
        .statusCode(200)
        .body("status", equalTo("ABORTED"))
        .body("endedBy", equalTo("admin-of-" + e.tenant()));
    as(client).post("/api/v1/drp-runs/" + run + "/retry").then().statusCode(409);
    // a report arriving for the aborted run changes nothing
    DrpEstate.publishFromDns(
        new DnsSwitchApplied(
            plan,
            run,
            e.tenant(),
            DrpDirection.FAILOVER,
            4,
            List.of(),
            List.of(),
            List.of(),
            Instant.now()),
        UUID.randomUUID().toString());
    UUID again = activated(client, plan, "FAILOVER");
    assertThat(again).isNotEqualTo(run);
    as(client).get("/api/v1/drp-runs/" + run).then().body("status", equalTo("ABORTED"));
    // the run's own DrpAborted is the sentinel: everything before it is read once
    assertThat(types(of(through(plan), run)))
        .containsExactly(
            BackupEvents.DRP_ACTIVATED,
            BackupEvents.DRP_STEP_STARTED,
            BackupEvents.DRP_STEP_FAILED,
            BackupEvents.DRP_ABORTED);
  }

  @Test
  void racingActivationsAndReportsLeaveOneRunAndOneCompletion() throws Exception {
    DrpEstate e = new DrpEstate();
    UUID plan = e.createPlan(e.plan("saint-roch DRP"));
    String client = TestTokens.clientAdmin(e.tenant());
    String engineer = TestTokens.engineer();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> activations = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String token = i % 2 == 0 ? client : engineer;
        activations.add(
            pool.submit(() -> activate(token, plan, "FAILOVER").extract().statusCode()));
      }
      List<Integer> answers = new ArrayList<>();
      for (Future<Integer> f : activations) {
        answers.add(f.get());
      }
      assertThat(answers).containsExactlyInAnyOrder(201, 409, 409, 409);
      String run =
          as(client)
              .get("/api/v1/drp-plans/" + plan + "/runs")
              .then()
              .extract()
              .path("items[0].id");
      List<Future<Integer>> reports = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        reports.add(
            pool.submit(() -> complete(engineer, UUID.fromString(run), 1).extract().statusCode()));
      }
      List<Integer> done = new ArrayList<>();
      for (Future<Integer> f : reports) {
        done.add(f.get());
      }
      assertThat(done).containsExactlyInAnyOrder(200, 409, 409, 409);
      as(client)
          .get("/api/v1/drp-plans/" + plan + "/runs")
          .then()
          .body("items.size()", equalTo(1))
          .body("items[0].steps.status", contains("COMPLETED", "RUNNING", "PENDING", "PENDING"));
      // the sentinel: the run stopped afterwards
      abort(UUID.fromString(run));
      assertThat(types(of(through(plan), UUID.fromString(run))))
          .containsExactly(
              BackupEvents.DRP_ACTIVATED,
              BackupEvents.DRP_STEP_STARTED,
              BackupEvents.DRP_STEP_COMPLETED,
              BackupEvents.DRP_STEP_STARTED,
              BackupEvents.DRP_ABORTED);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void awaitStatus(UUID run, String status) {
    await()
        .atMost(WAIT)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                status.equals(
                    as(TestTokens.engineer())
                        .get("/api/v1/drp-runs/" + run)
                        .then()
                        .extract()
                        .path("status")));
  }

  private static void abort(UUID run) {
    as(TestTokens.engineer())
        .body(Map.of("reason", "drill over"))
        .post("/api/v1/drp-runs/" + run + "/abort")
        .then()
        .statusCode(200);
  }

  /**
   * The plan's events in order, up to its first {@code DrpAborted}: the sentinel each test triggers
   * after what it checks, so no timeout is waited out to prove nothing else came.
   */
  private static List<ConsumerRecord<String, String>> through(UUID plan) {
    return KafkaEvents.awaitThrough(
        BackupEvents.TOPIC, plan.toString(), BackupEvents.DRP_ABORTED, WAIT);
  }

  private static List<ConsumerRecord<String, String>> of(
      List<ConsumerRecord<String, String>> records, UUID run) {
    return records.stream().filter(r -> r.value().contains(run.toString())).toList();
  }

  private static List<JsonNode> events(List<ConsumerRecord<String, String>> records, String type) {
    return records.stream().filter(KafkaEvents.ofType(type)).map(r -> json(r.value())).toList();
  }

  private static List<String> types(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(r -> KafkaEvents.header(r, "ce_type")).toList();
  }

  private static JsonNode json(String value) {
    try {
      return InventoryFeed.JSON.readTree(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
