package io.vigie.ticket.report;

import io.vigie.ticket.clock.ContractClock;
import io.vigie.ticket.report.IncidentFacts.AlertPeriod;
import io.vigie.ticket.report.IncidentFacts.Line;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Assembles the facts of a post-incident report from a resolved incident and its timeline: the
 * start is the alert's start (the first {@code ALERT_FIRED}, dated when the alert fired), else the
 * clock's start; detection is the {@code OPENED} entry; the first intervention is the engineer
 * action that stopped the GTI clock; the alert periods pair each firing with the clearing after it;
 * recovery is the last clearing when the alert is no longer firing, else the resolution. Only
 * public entries are used, so no internal note reaches a report.
 */
public final class ReportAssembly {

  private static final Set<String> FIRING = Set.of("ALERT_FIRED", "ALERT_FIRED_AGAIN");

  private ReportAssembly() {}

  /** The incident as the assembly reads it. */
  public record Incident(
      String reference,
      String title,
      Instant clockStartedAt,
      Instant firstActionAt,
      Instant resolvedAt,
      ContractClock.State interventionClock) {}

  /** A timeline entry; {@code internal} ones are ignored. */
  public record Entry(Instant at, String kind, boolean internal, String author, String body) {}

  public static IncidentFacts assemble(
      Incident incident,
      List<Entry> entries,
      List<String> clients,
      List<String> hostedServices,
      List<String> servers) {
    List<Entry> visible =
        entries.stream()
            .filter(e -> !e.internal())
            .sorted(Comparator.comparing(Entry::at))
            .toList();
    List<AlertPeriod> periods = new ArrayList<>();
    Instant firing = null;
    for (Entry e : visible) {
      if (FIRING.contains(e.kind()) && firing == null) {
        firing = e.at();
      } else if ("ALERT_RESOLVED".equals(e.kind()) && firing != null) {
        periods.add(new AlertPeriod(firing, e.at()));
        firing = null;
      }
    }
    if (firing != null) {
      periods.add(new AlertPeriod(firing, null));
    }
    Instant start = periods.isEmpty() ? incident.clockStartedAt() : periods.get(0).start();
    Instant detection =
        visible.stream()
            .filter(e -> "OPENED".equals(e.kind()))
            .map(Entry::at)
            .findFirst()
            .orElse(incident.clockStartedAt());
    Instant recovery =
        !periods.isEmpty() && periods.get(periods.size() - 1).end() != null
            ? periods.get(periods.size() - 1).end()
            : incident.resolvedAt();
    ContractClock.State gti = incident.interventionClock();
    return new IncidentFacts(
        incident.reference(),
        incident.title(),
        sorted(clients),
        sorted(hostedServices),
        sorted(servers),
        start,
        detection,
        incident.firstActionAt(),
        recovery,
        start == null || recovery == null ? null : Duration.between(start, recovery),
        List.copyOf(periods),
        gti == null ? null : gti.target(),
        interventionMet(gti),
        visible.stream().map(e -> new Line(e.at(), e.kind(), e.author(), e.body())).toList());
  }

  /** Met when stopped within its target, missed when stopped or breached past it. */
  static Boolean interventionMet(ContractClock.State gti) {
    if (gti == null) {
      return null;
    }
    if (gti.phase() == ContractClock.Phase.STOPPED) {
      return gti.consumed().compareTo(gti.target()) < 0;
    }
    return gti.lastThreshold() >= 100 ? false : null;
  }

  private static List<String> sorted(List<String> names) {
    return names.stream().distinct().sorted().toList();
  }
}
