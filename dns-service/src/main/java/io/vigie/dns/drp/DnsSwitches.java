package io.vigie.dns.drp;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vigie.dns.DnsConfig;
import io.vigie.dns.zone.InvalidZoneException;
import io.vigie.dns.zone.RecordSet;
import io.vigie.dns.zone.RecordSetInput;
import io.vigie.dns.zone.RecordSetRow;
import io.vigie.dns.zone.Zone;
import io.vigie.dns.zone.ZoneService;
import io.vigie.dns.zone.ZoneSync;
import io.vigie.events.backup.DrpActivated;
import io.vigie.events.backup.DrpDirection;
import io.vigie.events.backup.DrpStepStarted;
import io.vigie.events.dns.DnsSwitchApplied;
import io.vigie.events.dns.DnsSwitchFailed;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The DNS part of a client's DRP. On activation the TTL of the client's failover record sets is
 * lowered; on the run's DNS switch step they are pointed at the step's addresses, through the same
 * plan, serial, audit ("DRP run ...") and events as any change, applied to every provider, then
 * verified by asking every provider's server until each answers the new addresses; {@code
 * DnsSwitchApplied} follows, or {@code DnsSwitchFailed} when refused or not verified before the
 * deadline (injected clock). One switch per run step, whatever the deliveries.
 */
@ApplicationScoped
public class DnsSwitches {

  private static final Logger LOG = Logger.getLogger(DnsSwitches.class);
  static final String ACTOR = "dns-service (DRP)";

  private final ZoneService zones;
  private final ZoneSync sync;
  private final SwitchVerifier verifier;
  private final Outbox outbox;
  private final Clock clock;
  private final DnsConfig.Drp policy;

  public DnsSwitches(
      ZoneService zones,
      ZoneSync sync,
      SwitchVerifier verifier,
      Outbox outbox,
      Clock clock,
      DnsConfig config) {
    this.zones = zones;
    this.sync = sync;
    this.verifier = verifier;
    this.outbox = outbox;
    this.clock = clock;
    this.policy = config.drp();
  }

  /** A tenant's zone holding failover record sets, with all its rows as loaded. */
  private record FailoverZone(Zone zone, List<RecordSetRow> rows) {

    List<RecordSetRow> failover() {
      return rows.stream().filter(r -> r.failoverGroup != null).toList();
    }

    List<FailoverSwitch.FailoverSet> sets() {
      return failover().stream()
          .map(r -> new FailoverSwitch.FailoverSet(r.recordSet(), r.failoverGroup, r.productionTtl))
          .toList();
    }

    /** The zone's record sets with {@code replaced} in place of the ones with the same key. */
    List<RecordSet> with(List<RecordSet> replaced) {
      Map<RecordSet.Key, RecordSet> byKey = new HashMap<>();
      replaced.forEach(s -> byKey.put(s.key(), s));
      return rows.stream()
          .map(RecordSetRow::recordSet)
          .map(s -> byKey.getOrDefault(s.key(), s))
          .toList();
    }
  }

  /**
   * In the consumer's transaction: the TTL of the tenant's failover record sets lowered to the
   * policy's; returns the zones changed, to apply after the commit.
   */
  public Uni<List<UUID>> lowerTtl(DrpActivated event) {
    long ttl = policy.switchTtl();
    String reason =
        "DRP run "
            + event.runId()
            + " ("
            + event.direction()
            + ", activated by "
            + event.activatedBy()
            + "): failover record sets' TTL lowered to "
            + ttl
            + " s before the switch";
    return failoverZones(event.tenant())
        .chain(
            found -> {
              List<UUID> changed = new ArrayList<>();
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (FailoverZone fz : found) {
                List<RecordSetRow> high = fz.failover().stream().filter(r -> r.ttl > ttl).toList();
                if (high.isEmpty()) {
                  continue;
                }
                high.forEach(
                    r -> r.productionTtl = r.productionTtl == null ? r.ttl : r.productionTtl);
                List<RecordSet> desired = fz.with(FailoverSwitch.lowered(fz.sets(), ttl));
                changed.add(fz.zone().id);
                chain =
                    chain.chain(
                        () ->
                            zones
                                .changeBySystem(fz.zone(), fz.rows(), desired, reason, ACTOR)
                                .replaceWithVoid());
              }
              return chain.replaceWith(changed);
            });
  }

  /**
   * In the consumer's transaction: the switch of a DNS_SWITCH step recorded and the tenant's
   * failover record sets changed, or the switch refused ({@code DnsSwitchFailed}); returns the
   * switch to apply and verify after the commit, or null when there is nothing more to do (refused,
   * or this step was already taken).
   */
  public Uni<UUID> accept(DrpStepStarted step) {
    return DnsSwitch.count("runId = ?1 and position = ?2", step.runId(), step.position())
        .chain(
            existing ->
                existing > 0
                    ? Uni.createFrom().<UUID>nullItem()
                    : failoverZones(step.tenant()).chain(found -> accept(step, found)));
  }

  private Uni<UUID> accept(DrpStepStarted step, List<FailoverZone> found) {
    Instant now = clock.instant();
    DnsSwitch row = new DnsSwitch();
    row.id = Uuids.timeOrdered();
    row.planId = step.planId();
    row.runId = step.runId();
    row.tenant = step.tenant();
    row.direction = step.direction();
    row.position = step.position();
    row.addresses = step.switchToAddresses() == null ? List.of() : step.switchToAddresses();
    row.acceptedAt = now;
    row.deadline = now.plus(policy.verifyTimeout());
    row.targets = List.of();
    if (found.isEmpty()) {
      return refuse(
          row, "no record set of client " + step.tenant() + " is tagged with a failover group");
    }
    List<List<RecordSet>> switched = new ArrayList<>();
    try {
      for (FailoverZone fz : found) {
        switched.add(
            normalised(
                fz.zone(), FailoverSwitch.switched(fz.sets(), row.addresses, step.direction())));
      }
    } catch (FailoverSwitch.Refused e) {
      return refuse(row, e.getMessage());
    }
    String reason =
        "DRP run "
            + step.runId()
            + " ("
            + step.direction()
            + ", step "
            + step.position()
            + "): failover record sets switched to "
            + String.join(", ", row.addresses);
    List<DnsSwitch.Target> targets = new ArrayList<>();
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (int i = 0; i < found.size(); i++) {
      FailoverZone fz = found.get(i);
      List<RecordSet> sets = switched.get(i);
      if (step.direction() == DrpDirection.RETURN_TO_PRODUCTION) {
        fz.failover().forEach(r -> r.productionTtl = null);
      }
      for (RecordSet s : sets) {
        targets.add(
            new DnsSwitch.Target(
                fz.zone().id,
                fz.zone().name,
                fz.zone().providerNames(),
                s.name(),
                s.type(),
                s.records()));
      }
      List<RecordSet> desired = fz.with(sets);
      chain =
          chain.chain(
              () ->
                  zones
                      .changeBySystem(fz.zone(), fz.rows(), desired, reason, ACTOR)
                      .replaceWithVoid());
    }
    row.targets = targets;
    row.state = DnsSwitch.State.VERIFYING;
    return chain.chain(() -> row.persist()).replaceWith(row.id);
  }

  /** The records in Vigie's canonical form (an IPv6 address as every server prints it). */
  private List<RecordSet> normalised(Zone zone, List<RecordSet> sets)
      throws FailoverSwitch.Refused {
    Name name;
    try {
      name = Name.fromString(zone.name);
    } catch (TextParseException e) {
      throw new IllegalStateException("stored zone name " + zone.name + " is not a name", e);
    }
    List<RecordSet> out = new ArrayList<>();
    for (RecordSet s : sets) {
      try {
        out.add(
            zones
                .rules()
                .recordSet(
                    name,
                    s.key().toString(),
                    new RecordSetInput(s.name(), s.type(), s.ttl(), s.records())));
      } catch (InvalidZoneException e) {
        throw new FailoverSwitch.Refused(s.key() + ": " + e.getMessage());
      }
    }
    return out;
  }

  private Uni<UUID> refuse(DnsSwitch row, String reason) {
    Instant now = clock.instant();
    row.state = DnsSwitch.State.FAILED;
    row.detail = reason;
    row.finishedAt = now;
    LOG.warnf("DNS switch of DRP run %s refused: %s", row.runId, reason);
    return row.persist()
        .chain(() -> outbox.record(failed(row, reason, now), ACTOR))
        .replaceWith(Uni.createFrom().nullItem());
  }

  /** The tenant's zones that hold failover record sets, each with all its rows. */
  private static Uni<List<FailoverZone>> failoverZones(String tenant) {
    return Zone.<Zone>list("tenant = ?1 and deletedAt is null order by name", tenant)
        .chain(
            list -> {
              List<FailoverZone> found = new ArrayList<>();
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (Zone zone : list) {
                chain =
                    chain.chain(
                        () ->
                            RecordSetRow.<RecordSetRow>list("zoneId", zone.id)
                                .invoke(
                                    rows -> {
                                      if (rows.stream().anyMatch(r -> r.failoverGroup != null)) {
                                        found.add(new FailoverZone(zone, rows));
                                      }
                                    })
                                .replaceWithVoid());
              }
              return chain.replaceWith(found);
            });
  }

  /** After the commit: applies the zones changed by activation (TTL lowered). */
  public Uni<Void> applyZones(List<UUID> zoneIds) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (UUID zoneId : zoneIds) {
      chain = chain.chain(() -> sync.apply(zoneId));
    }
    return chain;
  }

  /**
   * After the commit: applies the switch's zones to every provider, then asks every server; the
   * switch is concluded when all answer, or failed past its deadline.
   */
  public Uni<Void> settle(UUID switchId, boolean applyFirst) {
    return Panache.withSession(() -> DnsSwitch.<DnsSwitch>findById(switchId))
        .chain(
            sw -> {
              if (sw == null || sw.state != DnsSwitch.State.VERIFYING) {
                return Uni.createFrom().voidItem();
              }
              Uni<Void> applied =
                  applyFirst
                      ? applyZones(
                          sw.targets.stream()
                              .map(DnsSwitch.Target::zoneId)
                              .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new))
                              .stream()
                              .toList())
                      : Uni.createFrom().voidItem();
              return applied
                  .chain(() -> blocking(() -> verifier.verify(sw.targets)))
                  .chain(v -> Panache.withTransaction(() -> conclude(switchId, v)));
            });
  }

  private Uni<Void> conclude(UUID switchId, SwitchVerifier.Verification verification) {
    return DnsSwitch.<DnsSwitch>findById(switchId, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            sw -> {
              if (sw == null || sw.state != DnsSwitch.State.VERIFYING) {
                return Uni.createFrom().voidItem();
              }
              Instant now = clock.instant();
              if (verification.done()) {
                sw.state = DnsSwitch.State.APPLIED;
                sw.detail = null;
                sw.finishedAt = now;
                return outbox.record(
                    new DnsSwitchApplied(
                        sw.planId,
                        sw.runId,
                        sw.tenant,
                        sw.direction,
                        sw.position,
                        sw.addresses,
                        sw.targets.stream().map(t -> t.name() + " " + t.type()).toList(),
                        verification.verifiedProviders(),
                        now),
                    ACTOR);
              }
              String detail = String.join("; ", verification.mismatches());
              if (now.isBefore(sw.deadline)) {
                sw.detail = detail;
                return Uni.createFrom().voidItem();
              }
              sw.state = DnsSwitch.State.FAILED;
              sw.finishedAt = now;
              sw.detail =
                  "not answered by every server within " + policy.verifyTimeout() + ": " + detail;
              LOG.warnf("DNS switch of DRP run %s failed: %s", sw.runId, sw.detail);
              return outbox.record(failed(sw, sw.detail, now), ACTOR);
            });
  }

  private static DnsSwitchFailed failed(DnsSwitch sw, String reason, Instant now) {
    return new DnsSwitchFailed(
        sw.planId, sw.runId, sw.tenant, sw.direction, sw.position, sw.addresses, reason, now);
  }

  /** Switches not verified yet are asked again; past their deadline they fail. */
  @Scheduled(
      every = "${vigie.dns.drp.check-interval:5s}",
      delayed = "3s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> checkPending() {
    return Panache.withSession(
            () ->
                DnsSwitch.<DnsSwitch>list("state", DnsSwitch.State.VERIFYING)
                    .map(rows -> rows.stream().map(r -> r.id).toList()))
        .onItem()
        .transformToMulti(ids -> Multi.createFrom().iterable(ids))
        .onItem()
        .transformToUniAndConcatenate(
            id ->
                settle(id, false)
                    .onFailure()
                    .recoverWithUni(
                        e -> {
                          LOG.warnf("Checking DNS switch %s failed: %s", id, e.getMessage());
                          return Uni.createFrom().voidItem();
                        }))
        .collect()
        .asList()
        .replaceWithVoid();
  }

  /** Runs blocking network work on a worker thread and comes back to the caller's context. */
  private static <T> Uni<T> blocking(Supplier<T> work) {
    Context context = Vertx.currentContext();
    Uni<T> uni =
        Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    return context == null ? uni : uni.emitOn(command -> context.runOnContext(x -> command.run()));
  }
}
