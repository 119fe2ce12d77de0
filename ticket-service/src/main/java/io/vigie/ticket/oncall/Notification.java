package io.vigie.ticket.oncall;

import java.util.Map;

/**
 * What one notification says, in every form a contact method needs: the email's subject, plain text
 * and HTML, and the webhook's JSON payload (documented in the README).
 */
public record Notification(String subject, String text, String html, Map<String, Object> payload) {}
