package io.vigie.kit.security;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens whose signature and claims were already verified, with what they proved, until the
 * earlier of their own expiry and {@code ttl} after the check. A client sends the same token on
 * every request for minutes: verifying its RS256 signature and parsing its claims each time cost a
 * third of a list request's CPU. Keyed by the exact token text, so a token differing by one
 * character is verified afresh; bounded, dropping expired entries first and everything when still
 * full. Plain Java; the clock is injected.
 */
public final class VerifiedTokens<V> {

  private record Entry<V>(V value, Instant until) {}

  private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
  private final InstantSource clock;
  private final Duration ttl;
  private final int maxSize;

  public VerifiedTokens(InstantSource clock, Duration ttl, int maxSize) {
    this.clock = clock;
    this.ttl = ttl;
    this.maxSize = maxSize;
  }

  /** What {@code token} proved, or null when it was not verified or its time is up. */
  public V get(String token) {
    Entry<V> entry = entries.get(token);
    if (entry == null) {
      return null;
    }
    if (!clock.instant().isBefore(entry.until())) {
      entries.remove(token, entry);
      return null;
    }
    return entry.value();
  }

  /**
   * Remembers a token just verified, which expires at {@code expiresAt} (null if it never does). A
   * token still remembered keeps its time: using it does not extend it.
   */
  public void put(String token, V value, Instant expiresAt) {
    if (get(token) != null) {
      return;
    }
    Instant now = clock.instant();
    Instant until = now.plus(ttl);
    if (expiresAt != null && expiresAt.isBefore(until)) {
      until = expiresAt;
    }
    if (!now.isBefore(until)) {
      return;
    }
    if (entries.size() >= maxSize) {
      evict(now);
    }
    entries.put(token, new Entry<>(value, until));
  }

  int size() {
    return entries.size();
  }

  private void evict(Instant now) {
    for (Iterator<Entry<V>> it = entries.values().iterator(); it.hasNext(); ) {
      if (!now.isBefore(it.next().until())) {
        it.remove();
      }
    }
    if (entries.size() >= maxSize) {
      entries.clear();
    }
  }
}
