package io.vigie.dns.zone;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * SOA serials in the {@code YYYYMMDDnn} style: the first change of a UTC day gets {@code
 * YYYYMMDD00}, each later one the next number. A serial already ahead of today (more than 99
 * changes in a day, or a zone imported with a larger serial) simply goes up by one, so a serial
 * never goes backwards and secondaries always see a newer zone.
 */
public final class SoaSerials {

  /** Largest serial (RFC 1982 arithmetic is on 32 bits). */
  static final long MAX = 4_294_967_295L;

  private final Clock clock;

  public SoaSerials(Clock clock) {
    this.clock = clock;
  }

  /** The serial of a new zone. */
  public long first() {
    return dayBase();
  }

  /** The serial after {@code current}. */
  public long next(long current) {
    long base = dayBase();
    long next = current < base ? base : current + 1;
    if (next > MAX) {
      throw new IllegalStateException("SOA serial " + current + " cannot be increased further");
    }
    return next;
  }

  private long dayBase() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    return (today.getYear() * 10_000L + today.getMonthValue() * 100L + today.getDayOfMonth()) * 100;
  }
}
