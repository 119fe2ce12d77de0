package io.vigie.dns.zone;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vigie.dns.DnsConfig;
import io.vigie.dns.provider.DnsProvider;
import io.vigie.dns.provider.ProviderException;
import io.vigie.dns.provider.Providers;
import io.vigie.events.dns.DriftFound;
import io.vigie.events.dns.ZoneApplied;
import io.vigie.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TextParseException;

/**
 * Brings providers to the zone Vigie holds, and finds where they differ. A zone's change is
 * committed with every provider marked out of sync; {@link #apply} then talks to each server off
 * the event loop and records, per provider, in sync at the serial it applied or out of sync with
 * the server's answer. A failed or interrupted apply is retried every {@code retry-interval}; an
 * apply is idempotent, so retrying a zone already served as held sends nothing.
 */
@ApplicationScoped
public class ZoneSync {

  private static final Logger LOG = Logger.getLogger(ZoneSync.class);

  private final Providers providers;
  private final Outbox outbox;
  private final Clock clock;
  private final Soa soa;

  public ZoneSync(Providers providers, Outbox outbox, Clock clock, DnsConfig config) {
    this.providers = providers;
    this.outbox = outbox;
    this.clock = clock;
    this.soa = Soa.of(config.soa().primary(), config.soa().hostmaster());
  }

  /** A zone as held when it was read, for the servers. */
  record Desired(
      UUID id,
      String tenant,
      Name name,
      long serial,
      List<String> providers,
      List<RecordSet> recordSets,
      boolean deleted) {}

  /** What one provider did, or why it failed. */
  record Outcome(String provider, Plan plan, String error) {}

  public Soa soa() {
    return soa;
  }

  /** Applies the zone to each of its providers and records where each stands. */
  public Uni<Void> apply(UUID zoneId) {
    return apply(zoneId, null);
  }

  /** Applies the zone to {@code only} those of its providers (all when null). */
  Uni<Void> apply(UUID zoneId, java.util.Set<String> only) {
    // one apply of a zone at a time, across replicas: the request's own apply and the retry
    // schedule's would otherwise both read the server before either sent the change, both send
    // it, and both publish ZoneApplied for the same serial. The second now reads the server after
    // the first, finds nothing to send and publishes nothing.
    return Panache.withTransaction(
        () ->
            applyLock(zoneId)
                .chain(() -> load(zoneId))
                .chain(
                    desired ->
                        desired == null
                            ? Uni.createFrom().voidItem()
                            : blocking(() -> applyAll(desired, only))
                                .chain(outcomes -> record(desired, outcomes))));
  }

  /** The transaction's lock on applying {@code zoneId}, released when it ends. */
  private static Uni<Void> applyLock(UUID zoneId) {
    long key = zoneId.getMostSignificantBits() ^ zoneId.getLeastSignificantBits();
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) locked")
                    .setParameter(1, key)
                    .getSingleResult())
        .replaceWithVoid();
  }

  /** Reads every provider's copy and reports how it differs from the zone held. */
  public Uni<ZoneViews.DriftReport> drift(UUID zoneId) {
    return Panache.withSession(() -> load(zoneId))
        .chain(
            desired ->
                blocking(() -> readAll(desired, java.util.Set.of()))
                    .chain(
                        outcomes ->
                            Panache.withTransaction(() -> recordDrift(desired, outcomes, false))
                                .replaceWith(
                                    new ZoneViews.DriftReport(
                                        desired.name().toString(),
                                        outcomes.stream().map(ZoneSync::plan).toList()))));
  }

  /** What each provider would be sent for {@code desired} record sets (a dry run). */
  public Uni<List<ZoneViews.ProviderPlan>> preview(
      Name zone, List<String> names, List<RecordSet> desired) {
    return blocking(
        () -> {
          List<ZoneViews.ProviderPlan> plans = new ArrayList<>();
          for (String name : names) {
            try {
              DnsProvider.ServedZone served = providers.get(name).read(zone);
              plans.add(
                  plan(
                      new Outcome(
                          name,
                          Plan.between(desired, served == null ? List.of() : served.recordSets()),
                          null)));
            } catch (ProviderException e) {
              plans.add(new ZoneViews.ProviderPlan(name, List.of(), e.getMessage()));
            }
          }
          return plans;
        });
  }

  /**
   * The zone's records taken by AXFR from {@code source}, as a zone file; a refused or failed
   * transfer is a problem naming the {@code axfr} field.
   */
  public Uni<String> transfer(Name zone, ZoneRequests.Axfr source) {
    return blocking(
        () -> {
          org.xbill.DNS.TSIG key = null;
          if (source.tsigKeyName() != null || source.tsigSecret() != null) {
            if (source.tsigKeyName() == null || source.tsigSecret() == null) {
              throw io.vigie.kit.problem.ProblemException.invalidField(
                  "axfr.tsigSecret", "a TSIG key needs both tsigKeyName and tsigSecret");
            }
            try {
              key =
                  io.vigie.dns.provider.Rfc2136Provider.key(
                      source.tsigAlgorithm() == null ? "hmac-sha256" : source.tsigAlgorithm(),
                      source.tsigKeyName(),
                      source.tsigSecret());
            } catch (RuntimeException e) {
              throw io.vigie.kit.problem.ProblemException.invalidField(
                  "axfr.tsigSecret", "is not a usable TSIG key: " + e.getMessage());
            }
          }
          io.vigie.dns.provider.Rfc2136Provider server =
              new io.vigie.dns.provider.Rfc2136Provider(
                  "axfr source",
                  new java.net.InetSocketAddress(
                      source.host(), source.port() == null ? 53 : source.port()),
                  key,
                  java.time.Duration.ofSeconds(10));
          try {
            StringBuilder text = new StringBuilder();
            for (org.xbill.DNS.Record record : server.transfer(zone)) {
              text.append(record).append('\n');
            }
            return text.toString();
          } catch (ProviderException e) {
            throw new io.vigie.kit.problem.ProblemException(
                422,
                "zone-transfer-failed",
                "Zone transfer failed",
                "axfr: " + e.getMessage(),
                List.of(new io.vigie.kit.problem.Problem.FieldError("axfr", e.getMessage())));
          }
        });
  }

  @Scheduled(
      every = "${vigie.dns.retry-interval:30s}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> retryOutOfSync() {
    return Panache.withSession(
            () ->
                ZoneProvider.<ZoneProvider>find("state", ZoneProvider.State.OUT_OF_SYNC)
                    .list()
                    .map(
                        rows ->
                            rows.stream()
                                .collect(
                                    java.util.stream.Collectors.groupingBy(
                                        r -> r.zoneId,
                                        java.util.stream.Collectors.mapping(
                                            r -> r.provider,
                                            java.util.stream.Collectors.toSet())))))
        .onItem()
        .transformToMulti(byZone -> Multi.createFrom().iterable(byZone.entrySet()))
        .onItem()
        .transformToUniAndConcatenate(
            entry ->
                // only the providers out of sync: a drifted one waits for a person
                apply(entry.getKey(), entry.getValue())
                    .onFailure()
                    .recoverWithUni(
                        e -> {
                          LOG.warnf("Retrying zone %s failed: %s", entry.getKey(), e.getMessage());
                          return Uni.createFrom().voidItem();
                        }))
        .collect()
        .asList()
        .replaceWithVoid();
  }

  private Uni<Desired> load(UUID zoneId) {
    return Zone.<Zone>findById(zoneId)
        .chain(
            zone ->
                zone == null
                    ? Uni.createFrom().nullItem()
                    : RecordSetRow.<RecordSetRow>list("zoneId", zoneId)
                        .map(
                            rows ->
                                new Desired(
                                    zone.id,
                                    zone.tenant,
                                    name(zone.name),
                                    zone.serial,
                                    zone.providerNames(),
                                    rows.stream().map(RecordSetRow::recordSet).toList(),
                                    zone.deletedAt != null)));
  }

  private List<Outcome> applyAll(Desired d, java.util.Set<String> only) {
    List<Outcome> outcomes = new ArrayList<>();
    for (String name : d.providers()) {
      if (only != null && !only.contains(name)) {
        continue;
      }
      try {
        DnsProvider provider = providers.get(name);
        SOARecord serial = soa.record(d.name(), d.serial());
        Plan plan =
            d.deleted()
                ? provider.remove(d.name(), serial)
                : provider.apply(d.name(), serial, d.recordSets());
        outcomes.add(new Outcome(name, plan, null));
      } catch (ProviderException | RuntimeException e) {
        LOG.warnf("Applying %s to %s failed: %s", d.name(), name, e.getMessage());
        outcomes.add(new Outcome(name, null, e.getMessage()));
      }
    }
    return outcomes;
  }

  private List<Outcome> readAll(Desired d, java.util.Set<String> skip) {
    List<Outcome> outcomes = new ArrayList<>();
    for (String name : d.providers()) {
      if (skip.contains(name)) {
        continue;
      }
      try {
        DnsProvider.ServedZone served = providers.get(name).read(d.name());
        outcomes.add(
            new Outcome(
                name,
                Plan.between(d.recordSets(), served == null ? List.of() : served.recordSets()),
                served == null ? name + " does not serve " + d.name() : null));
      } catch (ProviderException | RuntimeException e) {
        outcomes.add(new Outcome(name, null, e.getMessage()));
      }
    }
    return outcomes;
  }

  private Uni<Void> record(Desired d, List<Outcome> outcomes) {
    return Zone.<Zone>findById(d.id())
        .chain(
            zone -> {
              if (zone == null) {
                return Uni.createFrom().voidItem();
              }
              boolean current = zone.serial == d.serial();
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (Outcome outcome : outcomes) {
                chain =
                    chain.chain(
                        () ->
                            lockedState(d.id(), outcome.provider())
                                .chain(
                                    row -> {
                                      row.checkedAt = clock.instant();
                                      if (outcome.error() != null) {
                                        row.state = ZoneProvider.State.OUT_OF_SYNC;
                                        row.detail = outcome.error();
                                        return Uni.createFrom().voidItem();
                                      }
                                      // an apply that found the server already serving this
                                      // serial as held (a retry racing the request's own apply,
                                      // a reconcile with nothing to do) changed nothing: no event
                                      boolean nothingChanged =
                                          outcome.plan().isEmpty()
                                              && Long.valueOf(d.serial()).equals(row.appliedSerial);
                                      row.appliedSerial = d.serial();
                                      row.state =
                                          !current
                                              ? ZoneProvider.State.OUT_OF_SYNC
                                              : d.deleted()
                                                  ? ZoneProvider.State.REMOVED
                                                  : ZoneProvider.State.IN_SYNC;
                                      row.detail =
                                          !current
                                              ? "a newer change is pending"
                                              : d.deleted()
                                                  ? "the server no longer serves it"
                                                  : null;
                                      if (nothingChanged) {
                                        return Uni.createFrom().voidItem();
                                      }
                                      Plan plan = outcome.plan();
                                      return outbox.record(
                                          new ZoneApplied(
                                              d.id(),
                                              d.tenant(),
                                              d.name().toString(),
                                              outcome.provider(),
                                              d.serial(),
                                              (int) plan.count(Plan.Action.ADD),
                                              (int) plan.count(Plan.Action.CHANGE),
                                              (int) plan.count(Plan.Action.REMOVE),
                                              clock.instant()),
                                          "dns-service");
                                    }));
              }
              return chain;
            });
  }

  /**
   * Records what each provider serves against the zone held: a difference marks it DRIFTED and is
   * published as {@code DriftFound} — on schedule ({@code onlyNew}) only when it is not the one
   * published last; a provider that serves the zone as held again is back IN_SYNC.
   */
  private Uni<Void> recordDrift(Desired d, List<Outcome> outcomes, boolean onlyNew) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (Outcome outcome : outcomes) {
      chain =
          chain.chain(
              () ->
                  state(d.id(), outcome.provider())
                      .chain(
                          row -> {
                            row.checkedAt = clock.instant();
                            if (outcome.plan() == null) {
                              row.state = ZoneProvider.State.OUT_OF_SYNC;
                              row.detail = outcome.error();
                              return Uni.createFrom().voidItem();
                            }
                            if (outcome.error() == null && outcome.plan().isEmpty()) {
                              row.driftReported = null;
                              if (row.state == ZoneProvider.State.DRIFTED) {
                                row.state = ZoneProvider.State.IN_SYNC;
                                row.detail = null;
                              }
                              return Uni.createFrom().voidItem();
                            }
                            String fingerprint = fingerprint(outcome.plan());
                            row.state = ZoneProvider.State.DRIFTED;
                            row.detail =
                                "drift: " + outcome.plan().changes().size() + " RRsets differ";
                            if (onlyNew && fingerprint.equals(row.driftReported)) {
                              return Uni.createFrom().voidItem();
                            }
                            row.driftReported = fingerprint;
                            return outbox.record(
                                new DriftFound(
                                    d.id(),
                                    d.tenant(),
                                    d.name().toString(),
                                    outcome.provider(),
                                    outcome.plan().changes().stream()
                                        .map(
                                            c ->
                                                new DriftFound.Difference(
                                                    c.key().name(),
                                                    c.key().type(),
                                                    ZoneViews.RecordSetChange.data(c.after()),
                                                    ZoneViews.RecordSetChange.data(c.before())))
                                        .toList(),
                                    clock.instant()),
                                "dns-service");
                          }));
    }
    return chain;
  }

  /** The differences of a drift, as a short stable text: the same drift, the same fingerprint. */
  static String fingerprint(Plan plan) {
    String text =
        plan.changes().stream()
            .map(c -> c.action() + " " + c.key() + " " + c.before() + " -> " + c.after())
            .collect(java.util.stream.Collectors.joining("\n"));
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always there", e);
    }
  }

  /**
   * The schedule's check of one zone: its providers read back and compared, except those with a
   * change pending (the retry schedule's); a new difference is published once. The zone's version
   * is not touched (its ETag stays).
   */
  public Uni<Void> scheduledDrift(UUID zoneId) {
    return Panache.withSession(
            () ->
                load(zoneId)
                    .chain(
                        desired ->
                            desired == null || desired.deleted()
                                ? Uni.createFrom().<DriftCheck>nullItem()
                                : ZoneProvider.<ZoneProvider>list("zoneId", zoneId)
                                    .map(
                                        rows ->
                                            new DriftCheck(
                                                desired,
                                                rows.stream()
                                                    .filter(
                                                        r ->
                                                            r.state
                                                                == ZoneProvider.State.OUT_OF_SYNC)
                                                    .map(r -> r.provider)
                                                    .collect(
                                                        java.util.stream.Collectors.toSet())))))
        .chain(
            check ->
                check == null
                    ? Uni.createFrom().voidItem()
                    : blocking(() -> readAll(check.desired(), check.pending()))
                        .chain(
                            outcomes ->
                                Panache.withTransaction(
                                    () ->
                                        recordDrift(check.desired(), outcomes, true)
                                            .chain(
                                                () ->
                                                    Zone.update(
                                                        "driftCheckedAt = ?1 where id = ?2",
                                                        clock.instant(),
                                                        zoneId))
                                            .replaceWithVoid())));
  }

  private record DriftCheck(Desired desired, java.util.Set<String> pending) {}

  /**
   * The provider's row locked until the transaction ends, so that two applies of the same zone (the
   * request's and the retry schedule's) record one after the other: the second sees the serial the
   * first recorded.
   */
  private static Uni<ZoneProvider> lockedState(UUID zoneId, String provider) {
    return ZoneProvider.<ZoneProvider>find("zoneId = ?1 and provider = ?2", zoneId, provider)
        .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
        .firstResult()
        .chain(row -> row != null ? Uni.createFrom().item(row) : state(zoneId, provider));
  }

  private static Uni<ZoneProvider> state(UUID zoneId, String provider) {
    return ZoneProvider.<ZoneProvider>find("zoneId = ?1 and provider = ?2", zoneId, provider)
        .firstResult()
        .chain(
            row -> {
              if (row != null) {
                return Uni.createFrom().item(row);
              }
              ZoneProvider created = new ZoneProvider();
              created.id = io.vigie.kit.id.Uuids.timeOrdered();
              created.zoneId = zoneId;
              created.provider = provider;
              created.state = ZoneProvider.State.OUT_OF_SYNC;
              return created.<ZoneProvider>persist();
            });
  }

  private static ZoneViews.ProviderPlan plan(Outcome outcome) {
    return new ZoneViews.ProviderPlan(
        outcome.provider(),
        outcome.plan() == null
            ? List.of()
            : outcome.plan().changes().stream().map(ZoneViews.RecordSetChange::of).toList(),
        outcome.error());
  }

  /** Runs blocking network work on a worker thread and comes back to the caller's context. */
  private static <T> Uni<T> blocking(Supplier<T> work) {
    Context context = Vertx.currentContext();
    Uni<T> uni =
        Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    return context == null ? uni : uni.emitOn(command -> context.runOnContext(x -> command.run()));
  }

  static Name name(String zone) {
    try {
      return Name.fromString(zone);
    } catch (TextParseException e) {
      throw new IllegalStateException("stored zone name " + zone + " is not a name", e);
    }
  }
}
