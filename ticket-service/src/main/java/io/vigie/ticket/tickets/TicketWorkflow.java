package io.vigie.ticket.tickets;

import static io.vigie.events.ticket.TicketStatus.ACKNOWLEDGED;
import static io.vigie.events.ticket.TicketStatus.CLOSED;
import static io.vigie.events.ticket.TicketStatus.IN_PROGRESS;
import static io.vigie.events.ticket.TicketStatus.NEW;
import static io.vigie.events.ticket.TicketStatus.RESOLVED;
import static io.vigie.events.ticket.TicketStatus.WAITING_FOR_CLIENT;

import io.vigie.events.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The statuses a ticket may move between, and who may move it: new -> acknowledged -> in progress
 * <-> waiting for client -> resolved -> closed; a resolved ticket reopens (back to in progress)
 * within the reopen period. Staff make every move; a client answers (waiting for client -> in
 * progress), confirms the resolution (resolved -> closed) or reopens.
 */
public final class TicketWorkflow {

  private static final Map<TicketStatus, Set<TicketStatus>> NEXT =
      Map.of(
          NEW, Set.of(ACKNOWLEDGED, IN_PROGRESS, WAITING_FOR_CLIENT, RESOLVED),
          ACKNOWLEDGED, Set.of(IN_PROGRESS, WAITING_FOR_CLIENT, RESOLVED),
          IN_PROGRESS, Set.of(WAITING_FOR_CLIENT, RESOLVED),
          WAITING_FOR_CLIENT, Set.of(IN_PROGRESS, RESOLVED),
          RESOLVED, Set.of(IN_PROGRESS, CLOSED),
          CLOSED, Set.of());

  private static final Set<Move> CLIENT_MOVES =
      Set.of(
          new Move(WAITING_FOR_CLIENT, IN_PROGRESS),
          new Move(RESOLVED, CLOSED),
          new Move(RESOLVED, IN_PROGRESS));

  private TicketWorkflow() {}

  private record Move(TicketStatus from, TicketStatus to) {}

  /**
   * Why a move is refused; {@code forbidden} when the caller's role may never make it, otherwise
   * the ticket's state forbids it (a conflict).
   */
  public record Refusal(String reason, boolean forbidden) {}

  /** Why the move is refused, or empty when it is allowed. */
  public static Optional<Refusal> refusal(
      TicketStatus from,
      TicketStatus to,
      boolean byStaff,
      Instant resolvedAt,
      Instant now,
      Duration reopenPeriod) {
    if (from == to) {
      return Optional.of(new Refusal("the ticket is already " + to, false));
    }
    if (!byStaff && !CLIENT_MOVES.contains(new Move(from, to))) {
      return Optional.of(
          new Refusal(
              "a client may answer a ticket waiting for it, confirm a resolution or reopen it",
              true));
    }
    if (!NEXT.get(from).contains(to)) {
      return Optional.of(new Refusal("a " + from + " ticket cannot move to " + to, false));
    }
    if (from == RESOLVED
        && to == IN_PROGRESS
        && resolvedAt != null
        && now.isAfter(resolvedAt.plus(reopenPeriod))) {
      return Optional.of(
          new Refusal(
              "the reopen period of " + reopenPeriod + " after resolution has passed", false));
    }
    return Optional.empty();
  }
}
