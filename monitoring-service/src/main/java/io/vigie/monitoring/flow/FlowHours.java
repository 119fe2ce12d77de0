package io.vigie.monitoring.flow;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the stored hours of ingest (summed over replicas) and of alerts side by side, one {@link
 * FlowHour} for every hour of the period, zeros where nothing was stored, so a chart has no hole.
 * Hours outside the period are left out. Plain Java.
 */
public final class FlowHours {

  /** An hour of ingest as stored, every replica summed. */
  public record Ingest(Instant hour, long samplesAccepted, long samplesRejected, long requests) {}

  /** An hour of alerts as counted. */
  public record Alerts(Instant hour, long alertsFired, long alertsResolved) {}

  private FlowHours() {}

  public static List<FlowHour> of(FlowPeriod period, List<Ingest> ingest, List<Alerts> alerts) {
    Map<Instant, Ingest> ingestByHour = new HashMap<>();
    ingest.forEach(i -> ingestByHour.merge(i.hour(), i, FlowHours::add));
    Map<Instant, Alerts> alertsByHour = new HashMap<>();
    alerts.forEach(a -> alertsByHour.merge(a.hour(), a, FlowHours::add));
    List<FlowHour> hours = new ArrayList<>(period.hours());
    for (Instant hour = period.from();
        hour.isBefore(period.to());
        hour = hour.plus(1, ChronoUnit.HOURS)) {
      Ingest i = ingestByHour.getOrDefault(hour, new Ingest(hour, 0, 0, 0));
      Alerts a = alertsByHour.getOrDefault(hour, new Alerts(hour, 0, 0));
      hours.add(
          new FlowHour(
              hour,
              i.samplesAccepted(),
              i.samplesRejected(),
              i.requests(),
              a.alertsFired(),
              a.alertsResolved()));
    }
    return hours;
  }

  private static Ingest add(Ingest a, Ingest b) {
    return new Ingest(
        a.hour(),
        a.samplesAccepted() + b.samplesAccepted(),
        a.samplesRejected() + b.samplesRejected(),
        a.requests() + b.requests());
  }

  private static Alerts add(Alerts a, Alerts b) {
    return new Alerts(
        a.hour(), a.alertsFired() + b.alertsFired(), a.alertsResolved() + b.alertsResolved());
  }
}
