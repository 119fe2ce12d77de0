package io.vigie.backup.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vigie.backup.Estate;
import io.vigie.events.backup.BackupEvents;
import io.vigie.testkit.VigieTestResources;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A pass over a few thousand policies: judged in bounded batches (one transaction each), and
 * exactly the expected events, once. The policies are written straight into the database (the
 * watcher reads only the database; creating 2,500 through the API would take minutes on a shared
 * machine): one client's hourly MySQL dumps, each with copies in DC3 and DC5 whose newest point may
 * be 1 h 30 min old, an RPO of 2 h, watched from 10:00 UTC.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class WatcherBatchesTest {

  private static final int POLICIES = 2_500;
  private static final int BATCH = 500;
  private static final Instant SINCE = Instant.parse("2031-03-03T10:00:00Z");

  @Inject BackupWatcher watcher;

  @Test
  void aPassOverThousandsOfPoliciesRunsInBatchesAndPublishesEachEventOnce() throws Throwable {
    Estate estate = Estate.saintRoch();
    insertPolicies(estate);

    BackupWatcher.Pass early = sweep(estate, "2031-03-03T11:30:00Z");
    assertThat(early.policies()).isEqualTo(POLICIES);
    assertThat(early.batches()).isEqualTo(POLICIES / BATCH);
    assertThat(early.events()).isZero();

    // 11:00 was due (30 min of grace): both copies overdue, both datacenters' copies too old
    BackupWatcher.Pass late = sweep(estate, "2031-03-03T11:30:01Z");
    assertThat(late.batches()).isEqualTo(POLICIES / BATCH);
    assertThat(late.events()).isEqualTo(POLICIES * 4);
    // the same instant again, and later the same missed run: nothing new
    assertThat(sweep(estate, "2031-03-03T11:30:01Z").events()).isZero();
    assertThat(sweep(estate, "2031-03-03T11:45:00Z").events()).isZero();
    // 12:00:01: the policy's RPO of 2 h breaks too
    assertThat(sweep(estate, "2031-03-03T12:00:01Z").events()).isEqualTo(POLICIES);

    assertThat(outbox(estate, "event_type"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                BackupEvents.BACKUP_OVERDUE, (long) POLICIES * 2,
                BackupEvents.RPO_BREACHED, (long) POLICIES * 3));
    // per policy: two overdue copies (one each), the RPO and each datacenter once
    assertThat(
            query(
                "select count(*) from (select aggregate_id, event_type, count(*) n"
                    + " from outbox_event where tenant = :tenant group by 1, 2) g"
                    + " where (event_type = :overdue and n <> 2)"
                    + " or (event_type = :breached and n <> 3)",
                estate,
                Map.of(
                    "overdue", BackupEvents.BACKUP_OVERDUE,
                    "breached", BackupEvents.RPO_BREACHED)))
        .isEqualTo(0L);
    assertThat(
            query(
                "select count(*) from rpo_watch w join backup_policy p on p.id = w.policy_id"
                    + " where p.tenant = :tenant",
                estate,
                Map.of()))
        .isEqualTo((long) POLICIES * 3);
    // and the relay puts them all on backup.events
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                query(
                        "select count(*) from outbox_event where tenant = :tenant"
                            + " and published_at is null",
                        estate,
                        Map.of())
                    == 0L);
  }

  private BackupWatcher.Pass sweep(Estate estate, String at) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(
        () -> watcher.sweepTenant(Instant.parse(at), estate.tenant));
  }

  private static void insertPolicies(Estate estate) throws Throwable {
    VertxContextSupport.subscribeAndAwait(
        () ->
            Panache.withTransaction(
                () ->
                    Panache.getSession()
                        .chain(
                            s ->
                                s.createNativeQuery(
                                        "insert into backup_policy (id, tenant, name, kind,"
                                            + " target_kind, target_id, target_name, time_zone,"
                                            + " rpo_seconds, start_grace_seconds,"
                                            + " max_run_seconds, keep_last, keep_hourly,"
                                            + " keep_daily, keep_weekly, keep_monthly,"
                                            + " keep_yearly, keep_within, active_since, version,"
                                            + " created_at, updated_at)"
                                            + " select gen_random_uuid(), :tenant,"
                                            + " 'MySQL dump ' || n, 'DATABASE', 'HOSTED_SERVICE',"
                                            + " :target, 'MySQL', 'Europe/Paris', 7200, 1800,"
                                            + " 21600, 0, 0, 0, 0, 0, 0, '10d', :since, 0,"
                                            + " :since, :since"
                                            + " from generate_series(1, :count) n")
                                    .setParameter("tenant", estate.tenant)
                                    .setParameter("target", estate.database)
                                    .setParameter("since", SINCE)
                                    .setParameter("count", POLICIES)
                                    .executeUpdate()
                                    .chain(
                                        () ->
                                            s.createNativeQuery(
                                                    "insert into backup_policy_copy (id,"
                                                        + " policy_id, position, repository_id,"
                                                        + " schedule, max_age_seconds, ping_key)"
                                                        + " select gen_random_uuid(), p.id,"
                                                        + " c.position, case c.position when 0"
                                                        + " then cast(:dc3 as uuid)"
                                                        + " else cast(:dc5 as uuid) end,"
                                                        + " '0 * * * *', 5400, gen_random_uuid()"
                                                        + " from backup_policy p cross join"
                                                        + " (values (0), (1)) c(position)"
                                                        + " where p.tenant = :tenant")
                                                .setParameter("dc3", estate.repoDc3)
                                                .setParameter("dc5", estate.repoDc5)
                                                .setParameter("tenant", estate.tenant)
                                                .executeUpdate()))));
  }

  private static Map<String, Long> outbox(Estate estate, String column) throws Throwable {
    List<Object[]> rows =
        VertxContextSupport.subscribeAndAwait(
            () ->
                Panache.withSession(
                    () ->
                        Panache.getSession()
                            .chain(
                                s ->
                                    s.createNativeQuery(
                                            "select "
                                                + column
                                                + ", count(*) from outbox_event"
                                                + " where tenant = :tenant group by 1",
                                            Object[].class)
                                        .setParameter("tenant", estate.tenant)
                                        .getResultList())));
    Map<String, Long> counts = new TreeMap<>();
    rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
    return counts;
  }

  private static long query(String sql, Estate estate, Map<String, String> parameters)
      throws Exception {
    try {
      return count(sql, estate, parameters);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(String sql, Estate estate, Map<String, String> parameters)
      throws Throwable {
    return VertxContextSupport.subscribeAndAwait(
        () ->
            Panache.withSession(
                () ->
                    Panache.getSession()
                        .chain(
                            s -> {
                              var q =
                                  s.createNativeQuery(sql, Long.class)
                                      .setParameter("tenant", estate.tenant);
                              parameters.forEach(q::setParameter);
                              return q.getSingleResult();
                            })));
  }
}
