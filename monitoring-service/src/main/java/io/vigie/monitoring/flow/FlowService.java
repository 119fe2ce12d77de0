package io.vigie.monitoring.flow;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.monitoring.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Reads the flow of a period on the kit's read path: the replicas' ingest rows summed per hour
 * ({@code ingest_flow_total}) and the alerts fired and resolved per hour, counted by PostgreSQL
 * from the alert history ({@code alert_flow_hour}); {@link FlowHours} puts them side by side.
 */
@ApplicationScoped
public class FlowService {

  private static final String INGEST =
      "json_build_object('hour', json_instant(i.hour_start), 'samplesAccepted',"
          + " i.samples_accepted, 'samplesRejected', i.samples_rejected, 'requests', i.requests)";

  private static final String ALERTS =
      "json_build_object('hour', json_instant(a.hour_start), 'alertsFired', a.alerts_fired,"
          + " 'alertsResolved', a.alerts_resolved)";

  private final Reads reads;

  public FlowService(Reads reads) {
    this.reads = reads;
  }

  /** Every hour of {@code period}, oldest first, zeros where nothing happened. */
  public Uni<FlowReport> report(FlowPeriod period) {
    Uni<List<FlowHours.Ingest>> ingest =
        reads.all(
            hours(INGEST, "ingest_flow_total i", "i.hour_start", period),
            FlowPeriod.MOST_HOURS + 1,
            FlowHours.Ingest.class);
    Uni<List<FlowHours.Alerts>> alerts =
        reads.all(
            hours(ALERTS, "alert_flow_hour a", "a.hour_start", period),
            FlowPeriod.MOST_HOURS + 1,
            FlowHours.Alerts.class);
    return Uni.combine()
        .all()
        .unis(ingest, alerts)
        .with((i, a) -> new FlowReport(period.from(), period.to(), FlowHours.of(period, i, a)));
  }

  private static SqlQuery hours(String document, String from, String hour, FlowPeriod period) {
    return SqlQuery.select(document, from)
        .where(hour + " >= ?", SqlTime.parameter(period.from()))
        .where(hour + " < ?", SqlTime.parameter(period.to()))
        .keyset(Keyset.ascending(hour, "timestamptz"));
  }
}
