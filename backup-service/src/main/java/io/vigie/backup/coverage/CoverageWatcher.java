package io.vigie.backup.coverage;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vigie.backup.inventory.InventoryClient;
import io.vigie.events.backup.CoverageGapClosed;
import io.vigie.events.backup.CoverageGapFound;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Publishes each coverage gap once when it appears ({@code CoverageGapFound}) and once when it is
 * covered again ({@code CoverageGapClosed}), comparing every client's gaps with those it last
 * published; the stored gaps and the events commit together.
 */
@ApplicationScoped
public class CoverageWatcher {

  private static final String ACTOR = "coverage-watcher";

  private final InstantSource clock;
  private final Outbox outbox;

  public CoverageWatcher(InstantSource clock, Outbox outbox) {
    this.clock = clock;
    this.outbox = outbox;
  }

  @Scheduled(
      every = "${vigie.backup.coverage.interval}",
      delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return sweep(clock.instant().truncatedTo(ChronoUnit.MICROS)).replaceWithVoid();
  }

  /** One pass over every client; returns how many events it published. */
  public Uni<Integer> sweep(Instant now) {
    return sweep(now, () -> InventoryClient.<InventoryClient>list("order by code"));
  }

  /** The same pass over one client. */
  public Uni<Integer> sweep(Instant now, String tenant) {
    return sweep(now, () -> InventoryClient.<InventoryClient>list("code", tenant));
  }

  private Uni<Integer> sweep(Instant now, Supplier<Uni<List<InventoryClient>>> clients) {
    return Panache.withTransaction(
        () ->
            clients
                .get()
                .chain(
                    list -> {
                      int[] published = {0};
                      Uni<Void> chain = Uni.createFrom().voidItem();
                      for (InventoryClient c : list) {
                        chain = chain.chain(() -> client(c, now, published));
                      }
                      return chain.map(x -> published[0]);
                    }));
  }

  private Uni<Void> client(InventoryClient c, Instant now, int[] published) {
    return CoverageService.estate(c)
        .chain(
            estate ->
                CoverageGap.<CoverageGap>list("tenant", c.code)
                    .chain(
                        recorded -> {
                          Map<String, CoverageGap> open = new HashMap<>();
                          recorded.forEach(g -> open.put(g.kind + "/" + g.subjectId, g));
                          Uni<Void> chain = Uni.createFrom().voidItem();
                          for (CoverageCheck.Gap gap : CoverageCheck.gaps(estate)) {
                            CoverageGap known = open.remove(gap.kind() + "/" + gap.subject().id());
                            if (known != null) {
                              known.subjectName = gap.subject().name();
                              known.actual = gap.actual();
                              known.promised = gap.promised();
                              continue;
                            }
                            published[0]++;
                            CoverageGap row = new CoverageGap();
                            row.id = Uuids.timeOrdered();
                            row.tenant = c.code;
                            row.kind = gap.kind();
                            row.subjectId = gap.subject().id();
                            row.subjectKind = gap.subject().kind();
                            row.subjectName = gap.subject().name();
                            row.promised = gap.promised();
                            row.actual = gap.actual();
                            row.foundAt = now;
                            chain =
                                chain
                                    .chain(() -> row.persist())
                                    .chain(
                                        () ->
                                            outbox.record(
                                                new CoverageGapFound(
                                                    c.code,
                                                    gap.kind(),
                                                    row.subjectKind,
                                                    row.subjectId,
                                                    row.subjectName,
                                                    row.promised,
                                                    row.actual,
                                                    now),
                                                ACTOR));
                          }
                          for (CoverageGap closed : open.values()) {
                            published[0]++;
                            chain =
                                chain
                                    .chain(closed::delete)
                                    .chain(
                                        () ->
                                            outbox.record(
                                                new CoverageGapClosed(
                                                    c.code,
                                                    closed.kind,
                                                    closed.subjectKind,
                                                    closed.subjectId,
                                                    closed.subjectName,
                                                    closed.foundAt,
                                                    now),
                                                ACTOR));
                          }
                          return chain;
                        }));
  }
}
