package io.vigie.ticket.incident;

import io.smallrye.mutiny.Uni;
import io.vigie.events.monitoring.AlertFired;
import io.vigie.events.monitoring.AlertResolved;
import io.vigie.events.monitoring.MonitoringEvents;
import io.vigie.kit.messaging.IdempotentConsumer;
import io.vigie.kit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Alerts from monitoring-service: each event applied once, in the transaction of its effect. */
@ApplicationScoped
public class AlertEventsConsumer {

  public static final String CHANNEL = "monitoring-events";
  static final String CONSUMER = "ticket-service.monitoring";

  private final IdempotentConsumer idempotent;
  private final IncidentService incidents;

  public AlertEventsConsumer(IdempotentConsumer idempotent, IncidentService incidents) {
    this.idempotent = idempotent;
    this.incidents = incidents;
  }

  @Incoming(CHANNEL)
  public Uni<Void> consume(Message<String> message) {
    return idempotent.acknowledgeAfter(message, this::handle);
  }

  private Uni<Void> handle(IncomingEvent event) {
    return switch (event.type()) {
      case MonitoringEvents.ALERT_FIRED -> {
        AlertFired fired = event.data(AlertFired.class);
        yield idempotent.process(CONSUMER, event, () -> incidents.alertFired(fired));
      }
      case MonitoringEvents.ALERT_RESOLVED -> {
        AlertResolved resolved = event.data(AlertResolved.class);
        yield idempotent.process(CONSUMER, event, () -> incidents.alertResolved(resolved));
      }
      // usage rollups are inventory's business
      default -> Uni.createFrom().voidItem();
    };
  }
}
