package io.vigie.ticket.oncall;

import java.time.Instant;

/** What happened to one notification: accepted by the SMTP server or the webhook, or why not. */
public record DeliveryOutcome(boolean delivered, String detail, Instant at) {}
