package io.vigie.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a process and every process it started.
 *
 * <p>Wrapper scripts fork the real JVM (Keycloak's {@code kc.sh} does), and a child outlives its
 * parent when only the parent is signalled. The tree is captured before the first signal because
 * once the root is gone its children are re-parented and no longer count as its descendants.
 */
final class ProcessTree {

  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  /**
   * Sends SIGTERM to the root, then to whatever of its tree is still running once the root has
   * exited (or after {@code grace}), then SIGKILL to what is left after another {@code grace}.
   *
   * @return true when the whole tree has exited
   */
  static boolean stop(ProcessHandle root, Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(root);
    root.descendants().forEach(tree::add);

    // The root first: kc.sh forwards the signal to its JVM and waits for it, a postmaster shuts its
    // own children down in order. Signalling every child at once would defeat both.
    root.destroy();
    awaitExit(List.of(root), grace);

    List<ProcessHandle> running = alive(tree);
    running.forEach(ProcessHandle::destroy);
    awaitExit(running, grace);

    List<ProcessHandle> stubborn = alive(running);
    stubborn.forEach(ProcessHandle::destroyForcibly);
    awaitExit(stubborn, KILL_WAIT);
    return alive(stubborn).isEmpty();
  }

  private static List<ProcessHandle> alive(List<ProcessHandle> handles) {
    // ProcessHandle compares start times, so a recycled pid does not count as alive.
    return handles.stream().filter(ProcessHandle::isAlive).toList();
  }

  private static void awaitExit(List<ProcessHandle> handles, Duration timeout) {
    if (handles.isEmpty()) {
      return;
    }
    CompletableFuture<?>[] exits =
        handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // the caller looks at what is still alive
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ProcessTree() {}
}
