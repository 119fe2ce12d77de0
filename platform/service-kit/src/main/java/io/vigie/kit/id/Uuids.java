package io.vigie.kit.id;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (RFC 9562 version 7): ids sort by creation time, so indexes stay compact. */
public final class Uuids {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Uuids() {}

  public static UUID timeOrdered() {
    return timeOrdered(System.currentTimeMillis());
  }

  static UUID timeOrdered(long epochMillis) {
    long randA = RANDOM.nextInt(1 << 12);
    long msb = (epochMillis << 16) | (0x7L << 12) | randA;
    long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }
}
