package io.vigie.events.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A planned intervention was scheduled: every affected client accepted its window (or it concerns
 * no client). Monitoring silences exactly its targets for the window.
 *
 * @param startsAt start of the window agreed with the clients
 * @param endsAt end of the window agreed with the clients
 * @param serverIds the servers worked on (monitoring silences them and what runs on them)
 * @param hostedServiceIds the hosted services worked on, named or running on a VM worked on
 * @param tenants the clients concerned (codes), sorted
 * @param at when it happened
 */
public record InterventionScheduled(
    InterventionRef intervention,
    Instant startsAt,
    Instant endsAt,
    List<UUID> serverIds,
    List<UUID> hostedServiceIds,
    List<String> tenants,
    String actor,
    Instant at)
    implements TicketEvents.InterventionEvent {

  @Override
  public String eventType() {
    return TicketEvents.INTERVENTION_SCHEDULED;
  }
}
