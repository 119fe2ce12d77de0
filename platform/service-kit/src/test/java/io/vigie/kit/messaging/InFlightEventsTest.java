package io.vigie.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InFlightEventsTest {

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-30T14:00:00Z"));
  private final InstantSource clock = () -> now.get();
  private final InFlightEvents events = new InFlightEvents(clock);

  private void later(Duration duration) {
    now.set(now.get().plus(duration));
  }

  @Test
  void nothingInHandIsZero() {
    assertThat(events.oldestAgeSeconds("inventory.events")).isZero();
    events.finished(events.started("inventory.events"));
    later(Duration.ofMinutes(10));
    assertThat(events.oldestAgeSeconds("inventory.events")).isZero();
  }

  @Test
  void theAgeIsTheOldestEventStillInHandPerTopic() {
    InFlightEvents.Handling first = events.started("monitoring.events");
    later(Duration.ofSeconds(30));
    InFlightEvents.Handling second = events.started("monitoring.events");
    events.started("ticket.events");
    later(Duration.ofSeconds(270));

    assertThat(events.oldestAgeSeconds("monitoring.events")).isEqualTo(300.0);
    assertThat(events.oldestAgeSeconds("ticket.events")).isEqualTo(270.0);

    events.finished(first);
    assertThat(events.oldestAgeSeconds("monitoring.events")).isEqualTo(270.0);
    events.finished(second);
    assertThat(events.oldestAgeSeconds("monitoring.events")).isZero();
    assertThat(events.oldestAgeSeconds("ticket.events")).isEqualTo(270.0);
  }

  @Test
  void aHandlerWedgedForMinutesShowsWhileOthersOnOtherTopicsFinish() {
    events.started("backup.events");
    for (int i = 0; i < 100; i++) {
      later(Duration.ofSeconds(6));
      events.finished(events.started("inventory.events"));
    }
    assertThat(events.oldestAgeSeconds("backup.events")).isEqualTo(600.0);
    assertThat(events.oldestAgeSeconds("inventory.events")).isZero();
  }
}
