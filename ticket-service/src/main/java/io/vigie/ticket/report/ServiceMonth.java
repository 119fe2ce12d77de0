package io.vigie.ticket.report;

import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.ticket.ClockKind;
import io.vigie.events.ticket.TicketType;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A client's monthly service report: the tickets opened in the month (in the client's time zone),
 * how their contract clocks fared, the breaches one by one, the incident reports published and the
 * planned interventions done.
 *
 * @param from the month's first instant in the client's time zone
 * @param to the next month's first instant
 * @param byType tickets opened per type, every type listed
 * @param byPriority tickets opened per priority, every priority listed
 */
public record ServiceMonth(
    String tenant,
    String client,
    YearMonth month,
    String timeZone,
    Instant from,
    Instant to,
    int ticketsOpened,
    Map<TicketType, Integer> byType,
    Map<Priority, Integer> byPriority,
    ClockFigures intervention,
    ClockFigures resolution,
    List<Breach> breaches,
    List<Publication> reportsPublished,
    List<InterventionDone> interventionsDone) {

  /**
   * How one clock fared over the month's tickets: met, breached, still counting (running or waiting
   * for the client) or not promised (no time in the contract for that priority).
   */
  public record ClockFigures(int met, int breached, int pending, int notPromised) {}

  /**
   * A clock that ran out.
   *
   * @param target the time the contract promised
   * @param used the support time the clock counted when it stopped; null while it still runs
   * @param deadline when it ran out; null once the clock stopped (then {@code used} tells by how
   *     much)
   */
  public record Breach(
      String reference,
      String title,
      TicketType type,
      Priority priority,
      ClockKind clock,
      Duration target,
      Duration used,
      Instant deadline) {}

  /**
   * A planned intervention on the client's platform that ended in the month (agreed with the
   * client, then started and ended by staff).
   */
  public record InterventionDone(
      String reference, String title, Instant startedAt, Instant endedAt) {}

  /** An incident report version published to the client in the month. */
  public record Publication(String reference, String title, long version, Instant publishedAt) {}
}
