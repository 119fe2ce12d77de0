package io.vigie.kit.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events a service's consumers are handling right now, per topic, and how long the oldest has
 * been in hand. A consumer waits for its database however long an outage lasts ({@link
 * IdempotentConsumer#process}), so a handler that never finishes for another reason — a lock held
 * elsewhere, a call that never answers — no longer surfaces as a failure: its partition just stops.
 * This age is the signal that is left, exposed as the gauge {@code
 * vigie_messaging_oldest_in_flight_seconds{topic}} and alerted on (VigieConsumerStuck). Plain Java.
 */
public final class InFlightEvents {

  /** One event in hand: give it back to {@link #finished} whatever the outcome. */
  public record Handling(String topic, long sequence) {}

  private final InstantSource clock;
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, ConcurrentSkipListMap<Long, Instant>> started =
      new ConcurrentHashMap<>();

  public InFlightEvents(InstantSource clock) {
    this.clock = clock;
  }

  public Handling started(String topic) {
    long next = sequence.incrementAndGet();
    started.computeIfAbsent(topic, t -> new ConcurrentSkipListMap<>()).put(next, clock.instant());
    return new Handling(topic, next);
  }

  public void finished(Handling handling) {
    ConcurrentSkipListMap<Long, Instant> inHand = started.get(handling.topic());
    if (inHand != null) {
      inHand.remove(handling.sequence());
    }
  }

  /**
   * How long the oldest event of {@code topic} still in hand has been so, in seconds; 0 when none
   * is. Events are started in sequence order, so the oldest is the first one left.
   */
  public double oldestAgeSeconds(String topic) {
    ConcurrentSkipListMap<Long, Instant> inHand = started.get(topic);
    Map.Entry<Long, Instant> oldest = inHand == null ? null : inHand.firstEntry();
    if (oldest == null) {
      return 0;
    }
    Duration age = Duration.between(oldest.getValue(), clock.instant());
    return age.isNegative() ? 0 : age.toMillis() / 1000.0;
  }
}
