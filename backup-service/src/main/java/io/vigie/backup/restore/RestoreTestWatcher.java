package io.vigie.backup.restore;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.events.backup.RestoreTestOverdue;
import io.vigie.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Publishes {@code RestoreTestOverdue} once per missed due time: a policy whose restore test did
 * not start within {@code vigie.restore-test.grace} after it was due. The due time it was published
 * for is kept ({@code restore_test_watch}) in the same transaction as the event, so a later pass,
 * or a restarted service, does not publish it again; a test tried moves the policy on to its next
 * due time, which is published when it too is missed.
 */
@ApplicationScoped
public class RestoreTestWatcher {

  private static final String ACTOR = "restore-test-watcher";

  private final InstantSource clock;
  private final Outbox outbox;
  private final RestoreTestService tests;
  private final RestoreTestConfig config;

  public RestoreTestWatcher(
      InstantSource clock, Outbox outbox, RestoreTestService tests, RestoreTestConfig config) {
    this.clock = clock;
    this.outbox = outbox;
    this.tests = tests;
    this.config = config;
  }

  @Scheduled(
      every = "${vigie.restore-test.watch-interval}",
      delayed = "45s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return pass(clock.instant().truncatedTo(ChronoUnit.MICROS), null).replaceWithVoid();
  }

  /**
   * One pass as of {@code now} over every policy ({@code policyId} null) or one; returns how many
   * events it published.
   */
  public Uni<Integer> pass(Instant now, UUID policyId) {
    return tests
        .standings(null, policyId)
        .chain(
            standings ->
                Panache.withTransaction(
                    () ->
                        (policyId == null
                                ? RestoreTestWatch.<RestoreTestWatch>listAll()
                                : RestoreTestWatch.<RestoreTestWatch>list("policyId", policyId))
                            .chain(watched -> publish(standings, watched, now))));
  }

  private Uni<Integer> publish(
      List<RestoreStanding> standings, List<RestoreTestWatch> watched, Instant now) {
    Map<UUID, RestoreTestWatch> last = new HashMap<>();
    watched.forEach(w -> last.put(w.policyId, w));
    List<Supplier<Uni<?>>> writes = new ArrayList<>();
    for (RestoreStanding s : standings) {
      s.overdue(config.grace(), now)
          .ifPresent(
              due -> {
                RestoreTestWatch state = last.get(s.policyId());
                if (state != null && !state.overdueDueAt.isBefore(due)) {
                  return;
                }
                RestoreTestWatch next = state == null ? new RestoreTestWatch() : state;
                next.policyId = s.policyId();
                next.overdueDueAt = due;
                RestoreTestOverdue event =
                    new RestoreTestOverdue(
                        s.policyId(),
                        s.tenant(),
                        s.policyName(),
                        s.schedule(),
                        due,
                        s.lastAttempt(),
                        s.lastSucceeded(),
                        now);
                writes.add(
                    () ->
                        (state == null ? next.persist() : Uni.createFrom().voidItem())
                            .chain(() -> outbox.record(event, ACTOR)));
              });
    }
    return Multi.createFrom()
        .iterable(writes)
        .onItem()
        .transformToUniAndConcatenate(Supplier::get)
        .collect()
        .last()
        .map(x -> writes.size());
  }
}
