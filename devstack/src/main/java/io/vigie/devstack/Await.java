package io.vigie.devstack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a readiness condition, giving up early when the process being waited for has died. */
final class Await {

  private static final Duration POLL = Duration.ofMillis(250);
  private static final int LOG_LINES = 30;

  static void ready(String what, ManagedProcess process, Duration timeout, BooleanSupplier ready) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready.getAsBoolean()) {
      if (!process.isAlive()) {
        throw new StartupException(
            what
                + " exited with code "
                + process.exitValue()
                + " before it was ready; last lines of "
                + process.log()
                + ":\n"
                + process.logTail(LOG_LINES));
      }
      if (System.nanoTime() > deadline) {
        throw new StartupException(
            what
                + " not ready after "
                + timeout.toSeconds()
                + " s; last lines of "
                + process.log()
                + ":\n"
                + process.logTail(LOG_LINES));
      }
      sleep(POLL);
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted", e);
    }
  }

  private Await() {}
}
