package io.vigie.ticket.tickets;

import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.ticket.SupportLevel;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.events.ticket.TicketType;
import io.vigie.kit.tenancy.Caller;
import io.vigie.ticket.clock.ContractClock;
import io.vigie.ticket.priority.Impact;
import io.vigie.ticket.priority.Urgency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the ticket API reads and writes. */
public final class TicketViews {

  private TicketViews() {}

  /** A new ticket. Staff name the client ({@code tenant}); a client's is its own. */
  public record OpenTicket(
      @NotNull TicketType type,
      @NotBlank @Size(max = 200) String title,
      @Size(max = 20_000) String description,
      @NotNull Impact impact,
      @NotNull Urgency urgency,
      @Size(max = 100) String tenant,
      @Size(max = 50) List<@NotNull @Valid LinkRequest> links) {}

  /** A link to add: an inventory id (server, VM, hosted service) or an alert fingerprint. */
  public record LinkRequest(
      @NotNull TicketLink.Kind kind, @NotBlank @Size(max = 200) String target) {}

  /**
   * A change; absent fields stay as they are. {@code reason} is required when the support level
   * changes (an escalation by hand).
   */
  public record TicketChange(
      @Size(min = 1, max = 200) String title,
      @Size(max = 20_000) String description,
      Impact impact,
      Urgency urgency,
      TicketStatus status,
      SupportLevel supportLevel,
      @Size(max = 200) String assignee,
      @Size(max = 2_000) String reason) {}

  /** A comment: public (the client reads it) or internal (staff only). */
  public record NewComment(
      @NotBlank @Size(max = 20_000) String body, TimelineEntry.Visibility visibility) {}

  /** A contract clock as the API shows it. */
  public record ClockView(
      Duration target,
      ContractClock.Phase phase,
      Instant startedAt,
      Instant deadline,
      int lastWarningPercent,
      Boolean met) {

    static ClockView of(ContractClock.State state, Instant deadline) {
      if (state == null) {
        return null;
      }
      Boolean met =
          state.phase() == ContractClock.Phase.STOPPED
              ? state.consumed().compareTo(state.target()) < 0
              : null;
      return new ClockView(
          state.target(), state.phase(), state.startedAt(), deadline, state.lastThreshold(), met);
    }
  }

  /**
   * A self-service request's category and the support time it is handled within (its resolution
   * clock's target); null on other tickets.
   */
  public record RequestTerms(String category, Duration handleWithin) {}

  public record LinkView(TicketLink.Kind kind, String target, String label) {}

  /** A ticket; a client never sees the internal parent it belongs to. */
  public record TicketView(
      UUID id,
      String reference,
      String tenant,
      TicketType type,
      TicketStatus status,
      Impact impact,
      Urgency urgency,
      Priority priority,
      SupportLevel supportLevel,
      String assignee,
      String title,
      String description,
      UUID parentId,
      String alertFingerprint,
      String openedBy,
      Instant openedAt,
      Instant clockStartedAt,
      Instant acknowledgedAt,
      Instant resolvedAt,
      Instant closedAt,
      ClockView interventionClock,
      ClockView resolutionClock,
      List<LinkView> links,
      RequestTerms request,
      long version) {

    static TicketView of(Ticket t, List<TicketLink> links, Caller caller) {
      boolean staff = caller.isStaff();
      return new TicketView(
          t.id,
          t.reference,
          t.tenant,
          t.type,
          t.status,
          t.impact,
          t.urgency,
          t.priority,
          t.supportLevel,
          t.assignee,
          t.title,
          t.description,
          staff ? t.parentId : null,
          t.alertFingerprint,
          t.openedBy,
          t.openedAt,
          t.clockStartedAt,
          t.acknowledgedAt,
          t.resolvedAt,
          t.closedAt,
          ClockView.of(t.interventionClock, t.interventionDeadline),
          ClockView.of(t.resolutionClock, t.resolutionDeadline),
          links.stream().map(l -> new LinkView(l.kind, l.target, l.label)).toList(),
          t.requestCategory == null
              ? null
              : new RequestTerms(t.requestCategory, t.requestWithinDuration()),
          t.version);
    }
  }

  public record EntryView(
      UUID id,
      Instant at,
      TimelineEntry.Kind kind,
      TimelineEntry.Visibility visibility,
      String author,
      String body) {

    static EntryView of(TimelineEntry e) {
      return new EntryView(e.id, e.at, e.kind, e.visibility, e.author, e.body);
    }
  }
}
