package io.vigie.events.inventory;

import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** One day of the support calendar, with its opening hours in the contract's time zone. */
public record BusinessDay(
    @NotNull DayOfWeek day, @NotNull LocalTime opensAt, @NotNull LocalTime closesAt) {}
