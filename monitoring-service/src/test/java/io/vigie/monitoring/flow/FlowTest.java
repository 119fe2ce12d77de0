package io.vigie.monitoring.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.kit.tenancy.Roles;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.SqlTime;
import io.vigie.monitoring.metrics.RemoteWriteClient;
import io.vigie.monitoring.metrics.SeriesLabels;
import io.vigie.monitoring.metrics.WriteRequest;
import io.vigie.testkit.TestTokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ingest and alert flow: replicas' tallies flushed into their hourly rows at instants the test
 * chooses (the scheduled flush is off in tests), a failed write keeping its counts, real
 * remote_write requests counted, and the staff endpoint's hours with zeros filled.
 */
@QuarkusTest
class FlowTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Inject IngestFlowRecorder recorder;
  @Inject Pool pool;

  /** A replica's rows: hour start to (accepted, rejected, requests). */
  private Map<Instant, IngestCounts> rows(String replicaId) {
    Map<Instant, IngestCounts> rows = new LinkedHashMap<>();
    for (Row row :
        pool.preparedQuery(
                "select hour_start, samples_accepted, samples_rejected, requests from"
                    + " ingest_flow_hour where replica_id = $1 order by hour_start")
            .execute(Tuple.of(replicaId))
            .await()
            .atMost(WAIT)) {
      rows.put(
          SqlTime.instant(row.getValue(0)),
          new IngestCounts(row.getLong(1), row.getLong(2), row.getLong(3)));
    }
    return rows;
  }

  private void ingestRow(
      Instant hour, String replica, long accepted, long rejected, long requests) {
    pool.preparedQuery(
            "insert into ingest_flow_hour (hour_start, replica_id, samples_accepted,"
                + " samples_rejected, requests) values ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(SqlTime.parameter(hour), replica, accepted, rejected, requests))
        .await()
        .atMost(WAIT);
  }

  /** An alert as the engine leaves it: fired (or not) and resolved (or discarded) at these. */
  private void alert(UUID server, String state, Instant firedAt, Instant resolvedAt) {
    Instant startedAt = firedAt == null ? resolvedAt.minusSeconds(30) : firedAt.minusSeconds(60);
    pool.preparedQuery(
            "insert into alert (id, fingerprint, server_id, source, severity, summary, started_at,"
                + " state, fired_at, resolved_at) values ($1, $2, $3, 'rule:flow', 'warning',"
                + " 'flow test', $4, $5, $6, $7)")
        .execute(
            Tuple.from(
                Arrays.<Object>asList(
                    UUID.randomUUID(),
                    "flow-" + UUID.randomUUID(),
                    server,
                    SqlTime.parameter(startedAt),
                    state,
                    SqlTime.parameter(firedAt),
                    SqlTime.parameter(resolvedAt))))
        .await()
        .atMost(WAIT);
  }

  private static JsonPath flow(String query) {
    return given()
        .auth()
        .oauth2(TestTokens.engineer())
        .get("/api/v1/flow" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void twoReplicasFlushTwiceAndTheirRowsAddUpPerHour() {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(100, ChronoUnit.DAYS);
    Instant h1 = h0.plus(1, ChronoUnit.HOURS);
    String a = "flow-a-" + UUID.randomUUID();
    String b = "flow-b-" + UUID.randomUUID();
    IngestTally tallyA = new IngestTally();
    IngestTally tallyB = new IngestTally();
    IngestFlowWriter replicaA = recorder.writerFor(a, tallyA, h0.plus(10, ChronoUnit.MINUTES));
    IngestFlowWriter replicaB = recorder.writerFor(b, tallyB, h0.plus(30, ChronoUnit.MINUTES));

    tallyA.request();
    tallyA.accepted(5);
    tallyA.request();
    tallyA.rejected(1);
    assertThat(replicaA.flush(h0.plus(11, ChronoUnit.MINUTES)).await().atMost(WAIT))
        .isEqualTo(new IngestCounts(5, 1, 2));
    // the minute from 10:59 to 11:00 began in 10:00: it stays in that hour
    tallyA.request();
    tallyA.accepted(7);
    replicaA.flush(h1.plusMillis(20)).await().atMost(WAIT);
    tallyA.request();
    tallyA.accepted(3);
    replicaA.flush(h1.plus(1, ChronoUnit.MINUTES)).await().atMost(WAIT);
    tallyB.request();
    tallyB.accepted(100);
    tallyB.request();
    tallyB.request();
    replicaB.flush(h0.plus(31, ChronoUnit.MINUTES)).await().atMost(WAIT);
    // nothing counted since: nothing written
    assertThat(replicaB.flush(h1.plus(31, ChronoUnit.MINUTES)).await().atMost(WAIT))
        .isEqualTo(IngestCounts.NONE);

    assertThat(rows(a))
        .containsExactly(
            Map.entry(h0, new IngestCounts(12, 1, 3)), Map.entry(h1, new IngestCounts(3, 0, 1)));
    assertThat(rows(b)).containsExactly(Map.entry(h0, new IngestCounts(100, 0, 3)));
    assertThat(tallyA.peek()).isEqualTo(IngestCounts.NONE);

    JsonPath report = flow("?from=" + h0 + "&to=" + h1.plus(1, ChronoUnit.HOURS));
    assertThat(report.getList("hours.hour")).containsExactly(h0.toString(), h1.toString());
    assertThat(report.getList("hours.samplesAccepted", Long.class)).containsExactly(112L, 3L);
    assertThat(report.getList("hours.samplesRejected", Long.class)).containsExactly(1L, 0L);
    assertThat(report.getList("hours.requests", Long.class)).containsExactly(6L, 1L);
  }

  @Test
  void aWriteTheDatabaseRefusesKeepsItsCountsForTheNextFlush() {
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(120, ChronoUnit.DAYS);
    IngestTally tally = new IngestTally();
    tally.request();
    tally.accepted(9);
    // PostgreSQL refuses a NUL in text: the write fails for real
    IngestFlowWriter refused = recorder.writerFor("flow-\u0000", tally, hour);
    assertThatThrownBy(() -> refused.flush(hour.plus(1, ChronoUnit.MINUTES)).await().atMost(WAIT))
        .isNotNull();
    assertThat(tally.peek()).isEqualTo(new IngestCounts(9, 0, 1));

    tally.request();
    String replica = "flow-c-" + UUID.randomUUID();
    recorder
        .writerFor(replica, tally, hour)
        .flush(hour.plus(2, ChronoUnit.MINUTES))
        .await()
        .atMost(WAIT);
    assertThat(rows(replica)).containsExactly(Map.entry(hour, new IngestCounts(9, 0, 2)));
  }

  @Test
  void realRemoteWritesAreCountedAfterTheFlush() {
    Instant t1 = Instant.now().minus(300, ChronoUnit.DAYS);
    Instant hour = t1.truncatedTo(ChronoUnit.HOURS);
    // what other tests' requests left in the tally is booked before; the interval starts at t1
    recorder.flush(t1).await().atMost(WAIT);
    long now = System.currentTimeMillis();
    String metric = "flow_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    WriteRequest taken =
        new WriteRequest(
            List.of(
                new WriteRequest.TimeSeries(
                    SeriesLabels.of("__name__", metric, "instance", "web-01:9100"),
                    new long[] {now - 2000, now - 1000},
                    new double[] {1, 2}),
                WriteRequest.TimeSeries.of(
                    SeriesLabels.of("__name__", metric, "instance", "web-02:9100"), now, 3)));
    RemoteWriteClient.send(taken).then().statusCode(204);
    // a sample an hour ahead of the receiver's clock: refused after decoding, both samples known
    WriteRequest ahead =
        new WriteRequest(
            List.of(
                new WriteRequest.TimeSeries(
                    SeriesLabels.of("__name__", metric, "instance", "web-03:9100"),
                    new long[] {now, now + 3_600_000},
                    new double[] {4, 5})));
    RemoteWriteClient.send(ahead).then().statusCode(400);

    assertThat(recorder.flush(t1.plus(1, ChronoUnit.MINUTES)).await().atMost(WAIT))
        .isEqualTo(new IngestCounts(3, 2, 2));
    assertThat(rows(recorder.replicaId())).containsEntry(hour, new IngestCounts(3, 2, 2));
    JsonPath report = flow("?from=" + hour + "&to=" + hour.plus(1, ChronoUnit.HOURS));
    assertThat(report.getList("hours.samplesAccepted", Long.class)).containsExactly(3L);
    assertThat(report.getList("hours.samplesRejected", Long.class)).containsExactly(2L);
    assertThat(report.getList("hours.requests", Long.class)).containsExactly(2L);
  }

  @Test
  void everyHourOfThePeriodWithIngestSummedOverReplicasAndAlertsCounted() {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(250, ChronoUnit.DAYS);
    Instant h1 = h0.plus(1, ChronoUnit.HOURS);
    Instant h2 = h0.plus(2, ChronoUnit.HOURS);
    Instant h3 = h0.plus(3, ChronoUnit.HOURS);
    Instant h4 = h0.plus(4, ChronoUnit.HOURS);
    String r1 = "flow-r1-" + UUID.randomUUID();
    String r2 = "flow-r2-" + UUID.randomUUID();
    ingestRow(h0, r1, 10, 1, 3);
    ingestRow(h0, r2, 5, 0, 2);
    ingestRow(h2, r1, 7, 2, 4);
    ingestRow(h0.minus(1, ChronoUnit.HOURS), r1, 99, 9, 9); // before the period
    ingestRow(h4, r2, 99, 9, 9); // after it
    UUID server = InventoryFeed.activeServer("flow");
    alert(server, "RESOLVED", h0.plus(10, ChronoUnit.MINUTES), h1.plus(5, ChronoUnit.MINUTES));
    alert(server, "RESOLVED", h0.plus(20, ChronoUnit.MINUTES), h4.plus(1, ChronoUnit.MINUTES));
    alert(server, "DISCARDED", null, h1.plus(7, ChronoUnit.MINUTES)); // never fired
    alert(server, "RESOLVED", h2.plus(59, ChronoUnit.MINUTES), h2.plus(3599, ChronoUnit.SECONDS));
    alert(server, "RESOLVED", h0.minus(30, ChronoUnit.MINUTES), h1.plus(50, ChronoUnit.MINUTES));

    // the ends asked for are rounded out to the hours they fall in
    JsonPath report =
        flow("?from=" + h0.plus(15, ChronoUnit.MINUTES) + "&to=" + h3.plus(30, ChronoUnit.MINUTES));

    assertThat(report.getString("from")).isEqualTo(h0.toString());
    assertThat(report.getString("to")).isEqualTo(h4.toString());
    assertThat(report.getList("hours.hour"))
        .containsExactly(h0.toString(), h1.toString(), h2.toString(), h3.toString());
    assertThat(report.getList("hours.samplesAccepted", Long.class))
        .containsExactly(15L, 0L, 7L, 0L);
    assertThat(report.getList("hours.samplesRejected", Long.class)).containsExactly(1L, 0L, 2L, 0L);
    assertThat(report.getList("hours.requests", Long.class)).containsExactly(5L, 0L, 4L, 0L);
    assertThat(report.getList("hours.alertsFired", Long.class)).containsExactly(2L, 0L, 1L, 0L);
    assertThat(report.getList("hours.alertsResolved", Long.class)).containsExactly(0L, 2L, 1L, 0L);

    // by default the 24 hours up to the end of the hour in progress
    Instant before = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    JsonPath day = flow("");
    Instant after = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    Instant end = Instant.parse(day.getString("to"));
    assertThat(end).isIn(before, after);
    assertThat(day.getString("from")).isEqualTo(end.minus(24, ChronoUnit.HOURS).toString());
    assertThat(day.getList("hours")).hasSize(24);
  }

  @Test
  void staffOnlyAndBadPeriodsNameTheField() {
    for (String token :
        List.of(
            TestTokens.support(),
            TestTokens.engineer(),
            TestTokens.token("expert", Set.of(Roles.EXPERT), null),
            TestTokens.admin())) {
      given().auth().oauth2(token).get("/api/v1/flow").then().statusCode(200);
    }
    String tenant = "fl-" + UUID.randomUUID().toString().substring(0, 8);
    for (String token : List.of(TestTokens.client(tenant), TestTokens.agent())) {
      given().auth().oauth2(token).get("/api/v1/flow").then().statusCode(403);
    }
    given().get("/api/v1/flow").then().statusCode(401);

    Instant now = Instant.now();
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("?from=yesterday", "from");
    bad.put("?to=2026-11-30", "to");
    bad.put("?from=" + now.minusSeconds(60) + "&to=" + now.minusSeconds(60), "to");
    bad.put("?from=" + now + "&to=" + now.minusSeconds(3600), "to");
    bad.put("?from=" + now.minus(32, ChronoUnit.DAYS) + "&to=" + now, "from");
    bad.forEach(
        (query, field) ->
            given()
                .auth()
                .oauth2(TestTokens.support())
                .get("/api/v1/flow" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)));
  }
}
