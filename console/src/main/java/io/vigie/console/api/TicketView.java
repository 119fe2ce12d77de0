package io.vigie.console.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A ticket as ticket-service shows it. */
@ApiSchema(service = "ticket-service", schema = "TicketView")
public record TicketView(
    UUID id,
    String reference,
    String tenant,
    String type,
    String status,
    String priority,
    String supportLevel,
    String assignee,
    String title,
    String description,
    String openedBy,
    Instant openedAt,
    Instant acknowledgedAt,
    Instant resolvedAt,
    ClockView interventionClock,
    ClockView resolutionClock,
    List<LinkView> links,
    long version) {}
