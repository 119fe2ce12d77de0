package io.vigie.console.window;

import io.vigie.console.api.AvailabilityReport;
import io.vigie.console.api.ClockTally;
import io.vigie.console.api.ServiceMonth;
import java.time.YearMonth;

/**
 * A client's month for the window's graphs: monitoring's availability report and ticket-service's
 * report of the month (either null when the service has none or did not answer).
 */
public record MonthFigures(YearMonth month, AvailabilityReport availability, ServiceMonth tickets) {

  /** The month's availability over all the client's hosted services, percent, or null. */
  public Double availabilityPercent() {
    return availability == null || availability.overall() == null
        ? null
        : availability.overall().availabilityPercent();
  }

  /** How many GTI clocks were met, of those met or breached (running ones are not counted). */
  public int gtiMet() {
    ClockTally gti = gti();
    return gti == null || gti.met() == null ? 0 : gti.met();
  }

  public int gtiDue() {
    ClockTally gti = gti();
    if (gti == null) {
      return 0;
    }
    return (gti.met() == null ? 0 : gti.met()) + (gti.breached() == null ? 0 : gti.breached());
  }

  /** The share of GTI met, percent, or null when none was due this month. */
  public Double gtiMetPercent() {
    int due = gtiDue();
    return due == 0 ? null : 100.0 * gtiMet() / due;
  }

  private ClockTally gti() {
    return tickets == null ? null : tickets.intervention();
  }
}
