package io.vigie.ticket.oncall;

import java.time.Duration;

/** "Notify me through {@code contact}, {@code after} the page reached me" (PT0S: at once). */
public record NotificationRule(String contact, Duration after) {}
