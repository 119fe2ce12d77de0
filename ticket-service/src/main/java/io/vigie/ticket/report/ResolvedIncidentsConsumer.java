package io.vigie.ticket.report;

import io.smallrye.mutiny.Uni;
import io.vigie.events.ticket.TicketEvents;
import io.vigie.events.ticket.TicketResolved;
import io.vigie.kit.messaging.IdempotentConsumer;
import io.vigie.kit.messaging.IncomingEvent;
import io.vigie.kit.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * ticket-service's own {@code ticket.events}, read back: each {@code TicketResolved} drafts its
 * incident's report once, in the transaction that records the event as processed. Reading the
 * published event keeps drafting out of the resolution's transaction and path.
 */
@ApplicationScoped
public class ResolvedIncidentsConsumer {

  public static final String CHANNEL = "ticket-events";
  static final String CONSUMER = "ticket-service.reports";

  private final IdempotentConsumer idempotent;
  private final ReportService reports;

  public ResolvedIncidentsConsumer(IdempotentConsumer idempotent, ReportService reports) {
    this.idempotent = idempotent;
    this.reports = reports;
  }

  @Incoming(CHANNEL)
  public Uni<Void> consume(Message<String> message) {
    return idempotent.acknowledgeAfter(message, this::handle);
  }

  private Uni<Void> handle(IncomingEvent event) {
    if (!TicketEvents.TICKET_RESOLVED.equals(event.type())) {
      return Uni.createFrom().voidItem();
    }
    TicketResolved resolved = event.data(TicketResolved.class);
    if (resolved.ticket() == null || resolved.ticket().id() == null) {
      throw new PoisonMessageException("TicketResolved without its ticket");
    }
    return idempotent.process(CONSUMER, event, () -> reports.draft(resolved.ticket().id()));
  }
}
