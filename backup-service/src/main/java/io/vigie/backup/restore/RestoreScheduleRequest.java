package io.vigie.backup.restore;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A policy's restore test schedule: cron in the policy's time zone ({@code 0 5 * * 1}). */
public record RestoreScheduleRequest(@NotBlank @Size(max = 200) String schedule) {}
