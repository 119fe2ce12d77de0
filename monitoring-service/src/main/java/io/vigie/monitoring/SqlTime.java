package io.vigie.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A timestamptz column read by a native query, whatever Java type the driver chose for it. */
public final class SqlTime {

  private SqlTime() {}

  public static Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }

  /** An instant as the reactive client binds a timestamptz parameter; null stays null. */
  public static OffsetDateTime parameter(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
