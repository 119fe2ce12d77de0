package io.vigie.ticket.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a post-incident report states as facts, assembled from the incident's timeline and alert
 * history (never from its internal notes).
 *
 * @param clients the clients affected (names)
 * @param hostedServices the hosted services affected (names)
 * @param servers the servers concerned (host names)
 * @param start when the problem started: the alert's start, else the ticket's opening
 * @param detection when the incident was opened (monitoring confirmed it, or someone reported it)
 * @param firstIntervention the first engineer action (it stopped the GTI clock); null if none
 * @param recovery when service came back: the alert's last clearing, else the resolution
 * @param duration from start to recovery
 * @param alertPeriods each period the alert was firing, in order (the last may be open: no end)
 * @param interventionTarget the contract's time to intervention (GTI); null without one
 * @param interventionMet whether the GTI was met; null without a GTI or when nobody acted in time
 *     yet the GTI had not run out
 * @param timeline the incident's public timeline, oldest first
 */
public record IncidentFacts(
    String reference,
    String title,
    List<String> clients,
    List<String> hostedServices,
    List<String> servers,
    Instant start,
    Instant detection,
    Instant firstIntervention,
    Instant recovery,
    Duration duration,
    List<AlertPeriod> alertPeriods,
    Duration interventionTarget,
    Boolean interventionMet,
    List<Line> timeline) {

  /** A period the alert was firing; {@code end} null while it still fires. */
  public record AlertPeriod(Instant start, Instant end) {}

  /** One public timeline entry. */
  public record Line(Instant at, String kind, String author, String text) {}
}
