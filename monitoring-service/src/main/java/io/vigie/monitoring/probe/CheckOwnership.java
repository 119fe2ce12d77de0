package io.vigie.monitoring.probe;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.UUID;

/**
 * Which live replica runs a check: rendezvous (highest random weight) hashing. Every replica
 * computes the same owner from the same live set without talking to the others; when a replica
 * leaves, only its checks move, and when one joins it takes about its share from each. Plain Java.
 */
public final class CheckOwnership {

  private CheckOwnership() {}

  /** The replica among {@code liveReplicas} that runs {@code checkId}; null when none is live. */
  public static String owner(UUID checkId, Collection<String> liveReplicas) {
    long checkHash = ProbeSchedule.hash(checkId);
    String best = null;
    long bestScore = 0;
    for (String replica : liveReplicas) {
      long score = ProbeSchedule.mix(checkHash ^ replicaHash(replica));
      if (best == null
          || Long.compareUnsigned(score, bestScore) > 0
          || (score == bestScore && replica.compareTo(best) < 0)) {
        best = replica;
        bestScore = score;
      }
    }
    return best;
  }

  /** Whether {@code replica} runs {@code checkId} while {@code liveReplicas} are live. */
  public static boolean owns(String replica, UUID checkId, Collection<String> liveReplicas) {
    return replica.equals(owner(checkId, liveReplicas));
  }

  /** FNV-1a over the id's bytes, then mixed: stable across JVMs, unlike String.hashCode. */
  static long replicaHash(String replica) {
    long h = 0xcbf29ce484222325L;
    for (byte b : replica.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return ProbeSchedule.mix(h);
  }
}
