package io.vigie.monitoring.consumption;

import jakarta.ws.rs.QueryParam;

/**
 * {@code ?window=P30D&thresholdPercent=90}, the two parameters every forecast takes; both are
 * checked where they are read ({@link GrowthForecast#window}, {@link
 * GrowthForecast#thresholdPercent}), so a bad one answers 400 naming it.
 */
public class ForecastQuery {

  /** The window the trend is fitted over, ISO 8601 ({@code P1D} to {@code P400D}; P30D). */
  @QueryParam("window")
  public String window;

  /** The share of the capacity whose crossing date is asked for (more than 0, at most 100; 90). */
  @QueryParam("thresholdPercent")
  public String thresholdPercent;
}
