package io.vigie.console.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A planned intervention as ticket-service shows it. */
@ApiSchema(service = "ticket-service", schema = "InterventionView")
public record InterventionView(
    UUID id,
    String reference,
    String title,
    String clientText,
    Instant startsAt,
    Instant endsAt,
    String status,
    List<InterventionTarget> targets,
    List<ConsentView> consents,
    long version) {}
