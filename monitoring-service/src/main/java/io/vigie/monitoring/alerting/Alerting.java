package io.vigie.monitoring.alerting;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.events.monitoring.AlertFired;
import io.vigie.events.monitoring.AlertResolved;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.outbox.Outbox;
import io.vigie.monitoring.maintenance.MaintenanceCalendar;
import io.vigie.monitoring.rules.RuleRunbooks;
import io.vigie.monitoring.targets.TargetServer;
import io.vigie.monitoring.targets.Topology;
import io.vigie.monitoring.targets.TopologyLoader;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The alerting engine every source feeds: one alert per fingerprint, its lifecycle (pending,
 * firing, resolved or discarded) persisted with every transition, and the page decision. A firing
 * alert publishes {@link AlertFired} unless its server is in maintenance or a host-down alert of
 * the same server is firing (it is then grouped under that one) or a maintenance window covers it;
 * it publishes as soon as that no longer holds. {@link AlertResolved} follows only an alert that
 * was published. Runs in the caller's transaction: the alert's state and its events commit
 * together, so a restart neither repeats nor loses one.
 */
@ApplicationScoped
public class Alerting {

  static final String ACTOR = "monitoring-service";

  private final Outbox outbox;
  private final MaintenanceCalendar maintenance;
  private final MeterRegistry meters;
  private final RuleRunbooks runbooks;

  public Alerting(
      Outbox outbox, MaintenanceCalendar maintenance, MeterRegistry meters, RuleRunbooks runbooks) {
    this.outbox = outbox;
    this.maintenance = maintenance;
    this.meters = meters;
    this.runbooks = runbooks;
  }

  /** Must run in a transaction. */
  public Uni<Void> observe(Signal signal) {
    return observeAll(List.of(signal));
  }

  /** Must run in a transaction; signals are applied in order. */
  public Uni<Void> observeAll(List<Signal> signals) {
    if (signals.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<String> fingerprints = signals.stream().map(Signal::fingerprint).distinct().toList();
    // locked: two evaluations of one alert (the periodic one and the one on arrival, or a former
    // and a new owner) apply one after the other, so it fires and resolves once
    return Alert.<Alert>find(
            "fingerprint in ?1 and resolvedAt is null order by fingerprint", fingerprints)
        .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
        .list()
        .chain(
            open -> {
              Map<String, Alert> byFingerprint = new HashMap<>();
              open.forEach(a -> byFingerprint.put(a.fingerprint, a));
              return Multi.createFrom()
                  .iterable(signals)
                  .onItem()
                  .transformToUniAndConcatenate(s -> apply(s, byFingerprint))
                  .collect()
                  .last()
                  .replaceWithVoid();
            });
  }

  private Uni<Void> apply(Signal signal, Map<String, Alert> open) {
    Alert alert = open.get(signal.fingerprint());
    if (alert == null && !signal.breaching()) {
      return Uni.createFrom().voidItem(); // nothing open, nothing wrong: the common case
    }
    return TargetServer.<TargetServer>findById(signal.serverId())
        .chain(
            server -> {
              if (server == null) {
                return Uni.createFrom().voidItem(); // not (or no longer) in the inventory
              }
              if (alert == null) {
                return open(signal, server)
                    .invoke(created -> open.put(created.fingerprint, created))
                    .chain(created -> step(created, signal, server, open));
              }
              return step(alert, signal, server, open);
            });
  }

  private Uni<Alert> open(Signal signal, TargetServer server) {
    Alert alert = new Alert();
    alert.id = Uuids.timeOrdered();
    alert.fingerprint = signal.fingerprint();
    alert.state = Alert.State.PENDING;
    alert.serverId = signal.serverId();
    alert.hostedServiceId = signal.hostedServiceId();
    alert.target = signal.target() == null ? server.hostname : signal.target();
    alert.source = signal.source();
    alert.severity = signal.severity();
    alert.summary = signal.summary();
    alert.labels = new TreeMap<>(signal.labels());
    alert.annotations = new TreeMap<>(signal.annotations());
    alert.hostDown = signal.hostDown();
    alert.startedAt = signal.since();
    alert.forSeconds = signal.forDuration().toSeconds();
    alert.clearForSeconds = signal.clearFor().toSeconds();
    return TopologyLoader.load(server, null)
        .chain(
            topology -> {
              Topology.Affected affected =
                  topology.affected(signal.guestId(), signal.hostedServiceId());
              List<AlertTenant> tenants = new ArrayList<>();
              for (String tenant : affected.tenants()) {
                AlertTenant row = new AlertTenant();
                row.alertId = alert.id;
                row.tenant = tenant;
                tenants.add(row);
              }
              return alert
                  .persist()
                  .chain(
                      () ->
                          tenants.isEmpty()
                              ? Uni.createFrom().voidItem()
                              : AlertTenant.persist(tenants))
                  .chain(() -> record(alert, "PENDING", signal.since(), signal.summary()))
                  .replaceWith(alert);
            });
  }

  /** Feeds the observation to the alert's lifecycle and acts on what changed. */
  private Uni<Void> step(Alert alert, Signal signal, TargetServer server, Map<String, Alert> open) {
    AlertLifecycle lifecycle = alert.lifecycle();
    AlertLifecycle.Status before = lifecycle.status();
    Optional<AlertLifecycle.Change> change = lifecycle.observe(signal.breaching(), signal.at());
    alert.clearSince = lifecycle.clearSince();
    alert.lastObservation = lifecycle.lastObservation();
    alert.flaps = Math.max(alert.flaps, lifecycle.flaps()); // kept once resolved, as history
    if (lifecycle.status() != AlertLifecycle.Status.FIRING && alert.state == Alert.State.PENDING) {
      alert.summary = signal.summary(); // while pending, the latest reading describes it best
      alert.severity = signal.severity();
    }
    if (change.isPresent() && change.get().kind() == AlertLifecycle.Change.Kind.FIRED) {
      alert.state = Alert.State.FIRING;
      alert.firedAt = change.get().at();
      meters.counter("vigie.monitoring.alerts.fired", "source", kind(alert)).increment();
      return record(alert, "FIRING", change.get().at(), "for " + signal.forDuration() + " elapsed")
          .chain(() -> publishIfDue(alert, signal, server, open));
    }
    if (change.isPresent() && change.get().kind() == AlertLifecycle.Change.Kind.RESOLVED) {
      return resolve(alert, change.get().at(), server);
    }
    if (before == AlertLifecycle.Status.PENDING
        && lifecycle.status() == AlertLifecycle.Status.INACTIVE) {
      alert.state = Alert.State.DISCARDED;
      alert.resolvedAt = signal.at();
      open.remove(alert.fingerprint);
      return record(alert, "DISCARDED", signal.at(), "cleared before its for duration");
    }
    if (alert.state == Alert.State.FIRING && !alert.notified && signal.breaching()) {
      return publishIfDue(alert, signal, server, open); // suppression or grouping may have ended
    }
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> resolve(Alert alert, Instant at, TargetServer server) {
    alert.state = Alert.State.RESOLVED;
    alert.resolvedAt = at;
    meters.counter("vigie.monitoring.alerts.resolved", "source", kind(alert)).increment();
    Uni<Void> recorded = record(alert, "RESOLVED", at, "condition cleared");
    if (!alert.notified) {
      return recorded; // never paged: nothing to close downstream
    }
    return recorded.chain(
        () ->
            outbox.record(
                new AlertResolved(
                    alert.fingerprint, alert.serverId, alert.target, alert.startedAt, at),
                ACTOR));
  }

  /** Publishes a firing alert unless suppressed or grouped under a host-down alert. */
  private Uni<Void> publishIfDue(
      Alert alert, Signal signal, TargetServer server, Map<String, Alert> open) {
    if (server.status == ServerStatus.MAINTENANCE) {
      return mark(alert, "server-maintenance", signal);
    }
    return maintenance
        .suppresses(server.id, alert.hostedServiceId, signal.at())
        .chain(
            inWindow ->
                inWindow
                    ? mark(alert, "maintenance-window", signal)
                    : publishUnlessGrouped(alert, signal, server));
  }

  private Uni<Void> publishUnlessGrouped(Alert alert, Signal signal, TargetServer server) {
    Uni<Alert> hostDown =
        alert.hostDown
            ? Uni.createFrom().nullItem()
            : Alert.<Alert>find(
                    "serverId = ?1 and resolvedAt is null and hostDown = true and state = ?2"
                        + " and id <> ?3",
                    alert.serverId,
                    Alert.State.FIRING,
                    alert.id)
                .firstResult();
    return hostDown.chain(
        parent -> {
          if (parent != null) {
            boolean first = !parent.id.equals(alert.groupedUnder);
            alert.groupedUnder = parent.id;
            if (!first) {
              return Uni.createFrom().voidItem();
            }
            meters.counter("vigie.monitoring.alerts.grouped").increment();
            return record(alert, "GROUPED", signal.at(), "under host-down alert " + parent.id);
          }
          return publish(alert, server, signal);
        });
  }

  private Uni<Void> mark(Alert alert, String suppression, Signal signal) {
    if (suppression.equals(alert.suppressedBy)) {
      return Uni.createFrom().voidItem();
    }
    alert.suppressedBy = suppression;
    meters.counter("vigie.monitoring.alerts.suppressed", "by", suppression).increment();
    return record(alert, "SUPPRESSED", signal.at(), suppression);
  }

  private Uni<Void> publish(Alert alert, TargetServer server, Signal signal) {
    alert.notified = true;
    alert.suppressedBy = null;
    return TopologyLoader.load(server, null)
        .chain(
            topology ->
                runbooks
                    .of(alert.source, alert.annotations)
                    .chain(
                        named -> {
                          Topology.Affected affected =
                              topology.affected(signal.guestId(), signal.hostedServiceId());
                          return outbox.record(
                              new AlertFired(
                                  alert.fingerprint,
                                  alert.severity,
                                  alert.summary,
                                  alert.startedAt,
                                  alert.target,
                                  alert.serverId,
                                  affected.tenants(),
                                  affected.hostedServiceIds(),
                                  alert.hostDown,
                                  named.rule(),
                                  named.runbook()),
                              ACTOR);
                        }))
        .chain(() -> record(alert, "NOTIFIED", signal.at(), "AlertFired published"))
        .chain(() -> alert.hostDown ? group(alert, signal) : Uni.createFrom().voidItem());
  }

  /** A host is down: the other open alerts of the server are grouped under it. */
  private Uni<Void> group(Alert hostDown, Signal signal) {
    return Alert.<Alert>list(
            "serverId = ?1 and resolvedAt is null and id <> ?2 and groupedUnder is null",
            hostDown.serverId,
            hostDown.id)
        .chain(
            others ->
                Multi.createFrom()
                    .iterable(others)
                    .onItem()
                    .transformToUniAndConcatenate(
                        other -> {
                          other.groupedUnder = hostDown.id;
                          return record(
                              other,
                              "GROUPED",
                              signal.at(),
                              "under host-down alert " + hostDown.id);
                        })
                    .collect()
                    .last()
                    .replaceWithVoid());
  }

  private static Uni<Void> record(Alert alert, String state, Instant at, String detail) {
    return AlertTransition.of(alert.id, state, at, detail == null ? "" : detail)
        .persist()
        .replaceWithVoid();
  }

  private static String kind(Alert alert) {
    int colon = alert.source.indexOf(':');
    return colon < 0 ? alert.source : alert.source.substring(0, colon);
  }
}
