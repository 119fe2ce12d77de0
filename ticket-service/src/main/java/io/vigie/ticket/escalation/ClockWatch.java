package io.vigie.ticket.escalation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vigie.events.DomainEvent;
import io.vigie.events.ticket.ClockBreached;
import io.vigie.events.ticket.ClockKind;
import io.vigie.events.ticket.ClockWarningReached;
import io.vigie.events.ticket.ResponderNeeded;
import io.vigie.events.ticket.SupportLevel;
import io.vigie.events.ticket.TicketEscalated;
import io.vigie.ticket.clock.TicketClocks;
import io.vigie.ticket.priority.PriorityPolicyService;
import io.vigie.ticket.tickets.Ticket;
import io.vigie.ticket.tickets.TicketService;
import io.vigie.ticket.tickets.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Watches the contract clocks: every {@code vigie.ticket.clock-watch-every}, the tickets whose next
 * threshold is due (an indexed {@code next_clock_check}) are evaluated. Each threshold crossed is
 * published once ({@link ClockWarningReached} at 50, 75 and 90 %, {@link ClockBreached} at 100 %),
 * written on the timeline as an internal entry, and escalates the ticket per the {@link
 * EscalationPolicy}. While nobody acted on the ticket, a GTI threshold also publishes {@link
 * ResponderNeeded}, which the on-call part pages for. The clocks' state (which thresholds were
 * published) is committed with the events, so a restart neither repeats nor loses one; replicas
 * share the work with {@code for update skip locked}.
 */
@ApplicationScoped
public class ClockWatch {

  private static final Logger LOG = Logger.getLogger(ClockWatch.class);
  static final String ACTOR = "ticket-service";
  private static final int BATCH = 200;

  private final TicketService tickets;
  private final InstantSource time;
  private final PriorityPolicyService policies;

  public ClockWatch(TicketService tickets, InstantSource time, PriorityPolicyService policies) {
    this.tickets = tickets;
    this.time = time;
    this.policies = policies;
  }

  @Scheduled(
      every = "${vigie.ticket.clock-watch-every:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return check()
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.warnf(failure, "Clock watch failed; the next run retries");
              return 0;
            })
        .replaceWithVoid();
  }

  /** Evaluates the due tickets at the current instant; answers how many were looked at. */
  public Uni<Integer> check() {
    Instant now = time.instant();
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .createNativeQuery(
                                "select * from ticket where next_clock_check <= :now"
                                    + " order by next_clock_check limit :batch"
                                    + " for update skip locked",
                                Ticket.class)
                            .setParameter("now", now)
                            .setParameter("batch", BATCH)
                            .getResultList())
                .chain(
                    due ->
                        policies
                            .escalation()
                            .chain(
                                policy -> {
                                  Uni<Void> chain = Uni.createFrom().voidItem();
                                  for (Ticket t : due) {
                                    chain = chain.chain(() -> evaluate(t, now, policy));
                                  }
                                  return chain.replaceWith(due.size());
                                })));
  }

  private Uni<Void> evaluate(Ticket t, Instant now, EscalationPolicy policy) {
    return tickets
        .clocksOf(t)
        .chain(
            clocks -> {
              List<TicketClocks.Signal> signals = clocks.evaluate(now);
              if (signals.isEmpty()) {
                TicketService.keep(t, clocks);
                return Uni.createFrom().voidItem();
              }
              t.version++;
              List<DomainEvent> events = new ArrayList<>();
              List<TimelineEntry> entries = new ArrayList<>();
              for (TicketClocks.Signal signal : signals) {
                var crossing = signal.crossing();
                String clockName =
                    signal.clock() == ClockKind.INTERVENTION ? "Intervention" : "Resolution";
                if (crossing.isBreach()) {
                  events.add(new ClockBreached(t.ref(), signal.clock(), crossing.deadline()));
                  entries.add(
                      internal(
                          t,
                          crossing.reachedAt(),
                          TimelineEntry.Kind.CLOCK_BREACHED,
                          clockName + " time ran out at " + crossing.deadline()));
                } else {
                  events.add(
                      new ClockWarningReached(
                          t.ref(),
                          signal.clock(),
                          crossing.percent(),
                          crossing.deadline(),
                          crossing.reachedAt()));
                  entries.add(
                      internal(
                          t,
                          crossing.reachedAt(),
                          TimelineEntry.Kind.CLOCK_WARNING,
                          clockName
                              + " time "
                              + crossing.percent()
                              + " % used; deadline "
                              + crossing.deadline()));
                }
                boolean acted = t.firstActionAt != null;
                policy
                    .escalation(
                        t.priority, t.supportLevel, acted, signal.clock(), crossing.percent())
                    .ifPresent(
                        level -> {
                          SupportLevel before = t.supportLevel;
                          t.supportLevel = level;
                          String why =
                              clockName
                                  + " clock at "
                                  + crossing.percent()
                                  + " %"
                                  + (acted ? "" : " with nobody acting on it");
                          events.add(
                              new TicketEscalated(t.ref(), before, level, true, why, ACTOR, now));
                          entries.add(
                              internal(
                                  t,
                                  now,
                                  TimelineEntry.Kind.ESCALATED,
                                  before + " -> " + level + ": " + why));
                        });
                // a grouped incident is covered by its host-down incident's page
                if (signal.clock() == ClockKind.INTERVENTION && !acted && t.groupedUnder == null) {
                  events.add(
                      TicketService.responderNeeded(
                          t,
                          crossing.isBreach()
                              ? ResponderNeeded.Reason.INTERVENTION_CLOCK_BREACHED
                              : ResponderNeeded.Reason.INTERVENTION_CLOCK_WARNING,
                          now));
                }
              }
              TicketService.keep(t, clocks);
              return TimelineEntry.persist(entries).chain(() -> tickets.record(events, ACTOR));
            });
  }

  private static TimelineEntry internal(
      Ticket t, Instant at, TimelineEntry.Kind kind, String body) {
    return TimelineEntry.of(t.id, at, kind, TimelineEntry.Visibility.INTERNAL, ACTOR, body);
  }
}
