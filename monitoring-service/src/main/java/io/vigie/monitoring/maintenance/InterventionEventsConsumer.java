package io.vigie.monitoring.maintenance;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vigie.events.ticket.InterventionCancelled;
import io.vigie.events.ticket.InterventionEnded;
import io.vigie.events.ticket.InterventionRef;
import io.vigie.events.ticket.InterventionScheduled;
import io.vigie.events.ticket.InterventionStarted;
import io.vigie.events.ticket.TicketEvents;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.messaging.IdempotentConsumer;
import io.vigie.kit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Turns ticket-service's planned interventions into maintenance windows (source {@code TICKET}):
 * {@code InterventionScheduled} (and {@code InterventionStarted}) creates or updates one window
 * over exactly the intervention's servers and hosted services for its window; {@code
 * InterventionCancelled} cancels it from the instant it was cancelled (a window cancelled before it
 * opened never runs); {@code InterventionEnded} before the window's end shortens it to that
 * instant. Each event is applied once, and an event older than the intervention version already
 * applied changes nothing. Other ticket events are not monitoring's business.
 */
@ApplicationScoped
public class InterventionEventsConsumer {

  public static final String CHANNEL = "ticket-events";
  static final String CONSUMER = "monitoring-service.ticket";

  private final IdempotentConsumer idempotent;
  private final MeterRegistry registry;

  public InterventionEventsConsumer(IdempotentConsumer idempotent, MeterRegistry registry) {
    this.idempotent = idempotent;
    this.registry = registry;
  }

  @Incoming(CHANNEL)
  public Uni<Void> consume(Message<String> message) {
    return idempotent.acknowledgeAfter(message, this::handle);
  }

  private Uni<Void> handle(IncomingEvent event) {
    return switch (event.type()) {
      case TicketEvents.INTERVENTION_SCHEDULED -> {
        InterventionScheduled e = event.data(InterventionScheduled.class);
        yield apply(
            event,
            () ->
                upsert(
                    e.intervention(),
                    e.startsAt(),
                    e.endsAt(),
                    e.serverIds(),
                    e.hostedServiceIds(),
                    e.actor(),
                    e.at(),
                    w -> {}));
      }
      case TicketEvents.INTERVENTION_STARTED -> {
        InterventionStarted e = event.data(InterventionStarted.class);
        yield apply(
            event,
            () ->
                upsert(
                    e.intervention(),
                    e.startsAt(),
                    e.endsAt(),
                    e.serverIds(),
                    e.hostedServiceIds(),
                    e.actor(),
                    e.at(),
                    w -> {}));
      }
      case TicketEvents.INTERVENTION_ENDED -> {
        InterventionEnded e = event.data(InterventionEnded.class);
        Instant at = micros(e.at());
        yield apply(
            event,
            () ->
                upsert(
                    e.intervention(),
                    e.startsAt(),
                    e.endsAt(),
                    e.serverIds(),
                    e.hostedServiceIds(),
                    e.actor(),
                    e.at(),
                    w -> {
                      if (!at.isAfter(w.startsAt)) {
                        cancel(w, w.startsAt, e.actor());
                      } else if (at.isBefore(w.endsAt)) {
                        w.endsAt = at;
                        w.recursUntil = at;
                      }
                    }));
      }
      case TicketEvents.INTERVENTION_CANCELLED -> {
        InterventionCancelled e = event.data(InterventionCancelled.class);
        yield apply(
            event,
            () ->
                MaintenanceWindow.<MaintenanceWindow>find("interventionId", e.intervention().id())
                    .firstResult()
                    .invoke(
                        w -> {
                          if (w != null && newer(w, e.intervention()) && !w.cancelled) {
                            cancel(w, micros(e.at()), e.actor());
                            w.interventionVersion = e.intervention().version();
                            w.version++;
                          }
                        })
                    .replaceWithVoid());
      }
      default -> Uni.createFrom().voidItem();
    };
  }

  private Uni<Void> apply(IncomingEvent event, java.util.function.Supplier<Uni<Void>> effect) {
    return idempotent.process(CONSUMER, event, effect);
  }

  /** Creates or updates the intervention's window over exactly its targets, then adjusts it. */
  private Uni<Void> upsert(
      InterventionRef ref,
      Instant startsAt,
      Instant endsAt,
      List<UUID> serverIds,
      List<UUID> serviceIds,
      String actor,
      Instant at,
      Consumer<MaintenanceWindow> adjust) {
    return MaintenanceWindow.<MaintenanceWindow>find("interventionId", ref.id())
        .firstResult()
        .chain(
            existing -> {
              if (existing != null && !newer(existing, ref)) {
                return Uni.createFrom().voidItem();
              }
              boolean created = existing == null;
              MaintenanceWindow w = created ? new MaintenanceWindow() : existing;
              if (created) {
                w.id = Uuids.timeOrdered();
                w.interventionId = ref.id();
                w.source = MaintenanceSource.TICKET;
                w.createdBy = actor == null ? "ticket-service" : actor;
                w.createdAt = micros(at);
                w.timeZone = "UTC";
                w.version = 0;
              }
              w.startsAt = micros(startsAt);
              w.endsAt = micros(endsAt);
              w.rrule = null;
              w.recursUntil = w.endsAt;
              w.reason = "Planned intervention " + ref.reference();
              w.interventionVersion = ref.version();
              w.version++;
              if (!w.cancelled) {
                adjust.accept(w);
              }
              List<MaintenanceTarget> targets = new ArrayList<>();
              new LinkedHashSet<>(serverIds == null ? List.<UUID>of() : serverIds)
                  .forEach(
                      id ->
                          targets.add(
                              MaintenanceTarget.of(w.id, MaintenanceTarget.Kind.SERVER, id)));
              new LinkedHashSet<>(serviceIds == null ? List.<UUID>of() : serviceIds)
                  .forEach(
                      id ->
                          targets.add(
                              MaintenanceTarget.of(
                                  w.id, MaintenanceTarget.Kind.HOSTED_SERVICE, id)));
              Uni<Void> saved =
                  created
                      ? w.persist().call(Panache::flush).replaceWithVoid()
                      : MaintenanceTarget.delete("windowId", w.id)
                          .call(Panache::flush)
                          .replaceWithVoid();
              return saved
                  .call(() -> MaintenanceTarget.persist(targets))
                  .invoke(
                      () -> {
                        if (created) {
                          registry
                              .counter(
                                  "vigie.monitoring.maintenance.windows.created",
                                  "source",
                                  "ticket")
                              .increment();
                        }
                      })
                  .replaceWithVoid();
            });
  }

  private static boolean newer(MaintenanceWindow w, InterventionRef ref) {
    return w.interventionVersion == null || ref.version() >= w.interventionVersion;
  }

  private static void cancel(MaintenanceWindow w, Instant at, String actor) {
    w.cancelled = true;
    w.cancelledAt = at;
    w.cancelledBy = actor == null ? "ticket-service" : actor;
  }

  private static Instant micros(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }
}
