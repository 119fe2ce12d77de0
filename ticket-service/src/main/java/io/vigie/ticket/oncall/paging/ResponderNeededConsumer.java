package io.vigie.ticket.oncall.paging;

import io.smallrye.mutiny.Uni;
import io.vigie.events.ticket.ResponderNeeded;
import io.vigie.events.ticket.TicketEvents;
import io.vigie.events.ticket.TicketResolved;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.events.ticket.TicketStatusChanged;
import io.vigie.kit.messaging.IdempotentConsumer;
import io.vigie.kit.messaging.IncomingEvent;
import io.vigie.kit.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * ticket-service's own {@code ticket.events}, read back by the on-call part (group {@value
 * #CONSUMER}): each {@code ResponderNeeded} opens its ticket's page once, in the transaction that
 * records the event as processed, so a redelivered event never pages twice; a {@code
 * TicketStatusChanged} out of NEW (acknowledged in the ticket), or a {@code TicketResolved}
 * (resolved in the ticket, even straight from NEW), stops the ticket's open page.
 */
@ApplicationScoped
public class ResponderNeededConsumer {

  public static final String CHANNEL = "oncall-ticket-events";
  static final String CONSUMER = "ticket-service.oncall";

  private final IdempotentConsumer idempotent;
  private final PagingService paging;

  public ResponderNeededConsumer(IdempotentConsumer idempotent, PagingService paging) {
    this.idempotent = idempotent;
    this.paging = paging;
  }

  @Incoming(CHANNEL)
  public Uni<Void> consume(Message<String> message) {
    return idempotent.acknowledgeAfter(message, this::handle);
  }

  private Uni<Void> handle(IncomingEvent event) {
    if (TicketEvents.TICKET_STATUS_CHANGED.equals(event.type())) {
      TicketStatusChanged changed = event.data(TicketStatusChanged.class);
      if (changed.ticket() == null
          || changed.from() != TicketStatus.NEW
          || changed.to() == TicketStatus.NEW) {
        return Uni.createFrom().voidItem();
      }
      // acknowledged in the ticket (or by the page itself, whose page is then no longer open)
      return idempotent.process(
          CONSUMER,
          event,
          () -> paging.ticketActedOn(changed.ticket().id(), String.valueOf(changed.actor())));
    }
    if (TicketEvents.TICKET_RESOLVED.equals(event.type())) {
      TicketResolved resolved = event.data(TicketResolved.class);
      if (resolved.ticket() == null) {
        return Uni.createFrom().voidItem();
      }
      // resolved in the ticket: nobody needs paging any more (resolved from the page, the page
      // stopped in that transaction already and nothing is live)
      return idempotent.process(
          CONSUMER,
          event,
          () -> paging.ticketActedOn(resolved.ticket().id(), String.valueOf(resolved.actor())));
    }
    if (!TicketEvents.RESPONDER_NEEDED.equals(event.type())) {
      return Uni.createFrom().voidItem();
    }
    ResponderNeeded needed = event.data(ResponderNeeded.class);
    if (needed.ticket() == null || needed.ticket().id() == null || needed.reason() == null) {
      throw new PoisonMessageException("ResponderNeeded without its ticket or reason");
    }
    return idempotent.process(CONSUMER, event, () -> paging.open(needed));
  }
}
