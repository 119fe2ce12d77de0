package io.vigie.ticket.oncall.schedule;

import java.util.List;

/**
 * A layer as the API and the database hold it: {@code shift} DAILY or WEEKLY, {@code handoffTime}
 * ({@code HH:mm}) local in the schedule's time zone, {@code firstHandoff} the local date of the
 * first hand-off (its weekday is the weekly hand-off day), optional daily active hours.
 */
public record ScheduleLayer(
    String name,
    List<String> participants,
    String shift,
    String handoffTime,
    String firstHandoff,
    String activeFrom,
    String activeUntil) {}
