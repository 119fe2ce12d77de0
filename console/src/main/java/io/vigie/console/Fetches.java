package io.vigie.console;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The calls one page makes, run side by side (a page is as slow as its slowest service, not as the
 * sum of them). A service that does not answer leaves its part of the page empty and is listed in
 * {@link #down()}, so the page says which service is missing instead of failing whole.
 */
public final class Fetches implements AutoCloseable {

  private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<VigieService> down = ConcurrentHashMap.newKeySet();

  public <T> Future<T> start(VigieService service, Supplier<T> call, T whenDown) {
    return pool.submit(
        () -> {
          try {
            return call.get();
          } catch (ServiceUnavailableException e) {
            down.add(e.service());
            return whenDown;
          } catch (ServiceRejectedException e) {
            if (e.status() == 403) {
              return whenDown; // not this person's to see: the part stays empty
            }
            throw e;
          }
        });
  }

  /** The call's result; a 404 or a refusal is thrown as the call threw it. */
  public static <T> T await(Future<T> call) {
    try {
      return call.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a service", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  public Set<VigieService> down() {
    return down.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(down));
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
