package io.vigie.console.report;

import io.vigie.console.VigieService;
import io.vigie.console.api.AvailabilityReport;
import io.vigie.console.api.BackupReport;
import io.vigie.console.api.ServiceMonth;
import java.util.Set;

/**
 * A client's monthly service report, put together from the three services that each keep a part of
 * the promise: availability against the contract (monitoring), tickets and their clocks, reports
 * and interventions (tickets), backups and restore tests (backups). A part whose service did not
 * answer is null and named in {@code down}.
 */
public record MonthlyReport(
    String tenant,
    String month,
    String previousMonth,
    String nextMonth,
    AvailabilityReport availability,
    ServiceMonth tickets,
    BackupReport backups,
    Set<VigieService> down) {

  public boolean isDown(String service) {
    return down.contains(VigieService.valueOf(service));
  }
}
