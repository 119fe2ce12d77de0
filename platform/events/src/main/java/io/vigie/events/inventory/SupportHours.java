package io.vigie.events.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;

/**
 * When the hoster's clocks run for this client: always (24/7) or during business hours in the
 * client's time zone, minus public holidays.
 */
public record SupportHours(
    @NotNull Coverage coverage,
    @NotBlank String timeZone,
    List<@NotNull @Valid BusinessDay> businessDays,
    List<LocalDate> holidays) {

  public enum Coverage {
    /** 24/7/365. */
    ALWAYS,
    BUSINESS_HOURS
  }
}
