package io.vigie.ticket.report;

import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.ticket.ClockKind;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.events.ticket.TicketType;
import io.vigie.ticket.clock.ContractClock;
import io.vigie.ticket.report.ServiceMonth.Breach;
import io.vigie.ticket.report.ServiceMonth.ClockFigures;
import io.vigie.ticket.report.ServiceMonth.InterventionDone;
import io.vigie.ticket.report.ServiceMonth.Publication;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a monthly service report. The month runs from its first midnight to the next month's in
 * the client's time zone (so a ticket opened at 23:30 UTC on 31 October is November's in Paris). A
 * clock is met when it stopped (or, for the resolution clock, paused by the resolution) within its
 * target; breached when it used its whole target, or its deadline has passed while it runs;
 * otherwise pending.
 */
public final class ServiceMonthFigures {

  private ServiceMonthFigures() {}

  /** A client's ticket as the figures read it. */
  public record TicketRow(
      String reference,
      String title,
      TicketType type,
      Priority priority,
      TicketStatus status,
      Instant openedAt,
      ContractClock.State intervention,
      Instant interventionDeadline,
      ContractClock.State resolution,
      Instant resolutionDeadline) {}

  /** How one clock of one ticket ended up. */
  enum Outcome {
    MET,
    BREACHED,
    PENDING,
    NOT_PROMISED
  }

  public static Instant from(YearMonth month, ZoneId zone) {
    return month.atDay(1).atStartOfDay(zone).toInstant();
  }

  public static Instant to(YearMonth month, ZoneId zone) {
    return from(month.plusMonths(1), zone);
  }

  public static ServiceMonth compute(
      String tenant,
      String client,
      YearMonth month,
      ZoneId zone,
      List<TicketRow> tickets,
      List<Publication> publications,
      List<InterventionDone> interventions,
      Instant now) {
    Instant from = from(month, zone);
    Instant to = to(month, zone);
    List<TicketRow> opened =
        tickets.stream()
            .filter(t -> !t.openedAt().isBefore(from) && t.openedAt().isBefore(to))
            .sorted(Comparator.comparing(TicketRow::openedAt))
            .toList();
    Map<TicketType, Integer> byType = new EnumMap<>(TicketType.class);
    for (TicketType type : TicketType.values()) {
      byType.put(type, 0);
    }
    Map<Priority, Integer> byPriority = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      byPriority.put(priority, 0);
    }
    int[] gti = new int[Outcome.values().length];
    int[] resolution = new int[Outcome.values().length];
    List<Breach> breaches = new ArrayList<>();
    for (TicketRow t : opened) {
      byType.merge(t.type(), 1, Integer::sum);
      byPriority.merge(t.priority(), 1, Integer::sum);
      Outcome g = outcome(t.intervention(), t.interventionDeadline(), false, now);
      Outcome r = outcome(t.resolution(), t.resolutionDeadline(), resolved(t.status()), now);
      gti[g.ordinal()]++;
      resolution[r.ordinal()]++;
      if (g == Outcome.BREACHED) {
        breaches.add(breach(t, ClockKind.INTERVENTION, t.intervention(), t.interventionDeadline()));
      }
      if (r == Outcome.BREACHED) {
        breaches.add(breach(t, ClockKind.RESOLUTION, t.resolution(), t.resolutionDeadline()));
      }
    }
    return new ServiceMonth(
        tenant,
        client,
        month,
        zone.getId(),
        from,
        to,
        opened.size(),
        byType,
        byPriority,
        figures(gti),
        figures(resolution),
        List.copyOf(breaches),
        publications.stream()
            .filter(p -> !p.publishedAt().isBefore(from) && p.publishedAt().isBefore(to))
            .sorted(Comparator.comparing(Publication::publishedAt))
            .toList(),
        interventions.stream()
            .filter(i -> !i.endedAt().isBefore(from) && i.endedAt().isBefore(to))
            .sorted(Comparator.comparing(InterventionDone::endedAt))
            .toList());
  }

  static Outcome outcome(ContractClock.State clock, Instant deadline, boolean done, Instant now) {
    if (clock == null) {
      return Outcome.NOT_PROMISED;
    }
    boolean usedUp =
        clock.consumed().compareTo(clock.target()) >= 0 || clock.lastThreshold() >= 100;
    if (usedUp) {
      return Outcome.BREACHED;
    }
    if (clock.phase() == ContractClock.Phase.STOPPED
        || (done && clock.phase() == ContractClock.Phase.PAUSED)) {
      return Outcome.MET;
    }
    if (clock.phase() == ContractClock.Phase.RUNNING
        && deadline != null
        && !now.isBefore(deadline)) {
      return Outcome.BREACHED;
    }
    return Outcome.PENDING;
  }

  private static boolean resolved(TicketStatus status) {
    return status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
  }

  private static Breach breach(
      TicketRow t, ClockKind kind, ContractClock.State clock, Instant deadline) {
    boolean running = clock.phase() == ContractClock.Phase.RUNNING;
    return new Breach(
        t.reference(),
        t.title(),
        t.type(),
        t.priority(),
        kind,
        clock.target(),
        running ? null : clock.consumed(),
        running ? deadline : null);
  }

  private static ClockFigures figures(int[] counts) {
    return new ClockFigures(
        counts[Outcome.MET.ordinal()],
        counts[Outcome.BREACHED.ordinal()],
        counts[Outcome.PENDING.ordinal()],
        counts[Outcome.NOT_PROMISED.ordinal()]);
  }
}
