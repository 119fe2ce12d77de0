package io.vigie.monitoring.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds how many remote_write requests are decoded at once. Never waits: when every permit is
 * taken the caller is told at once, so the endpoint can answer 429 and the sender backs off, rather
 * than queueing decoded requests in memory.
 */
@ApplicationScoped
public class RemoteWriteGate {

  private final int capacity;
  private final Semaphore permits;

  @Inject
  public RemoteWriteGate(RemoteWriteConfig config) {
    this(config.effectiveMaxInFlight());
  }

  public RemoteWriteGate(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("max-in-flight must be at least 1");
    }
    this.capacity = capacity;
    this.permits = new Semaphore(capacity);
  }

  /** A permit to decode one request, or null when {@link #capacity()} requests are in flight. */
  public Permit tryEnter() {
    return permits.tryAcquire() ? new Permit() : null;
  }

  /** Like {@link #tryEnter()}, waiting up to {@code wait} for a slot to free up. */
  public Permit tryEnter(Duration wait) {
    try {
      return permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS) ? new Permit() : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  public int capacity() {
    return capacity;
  }

  /** Requests being decoded right now. */
  public int inFlight() {
    return capacity - permits.availablePermits();
  }

  /** Held while one request is decoded and appended; closing it twice releases once. */
  public final class Permit implements AutoCloseable {

    private final AtomicBoolean open = new AtomicBoolean(true);

    private Permit() {}

    @Override
    public void close() {
      if (open.compareAndSet(true, false)) {
        permits.release();
      }
    }
  }
}
