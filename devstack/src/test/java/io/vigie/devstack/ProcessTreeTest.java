package io.vigie.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessTreeTest {

  private static final Duration GRACE = Duration.ofSeconds(1);

  private Process root;

  @AfterEach
  void cleanUp() {
    if (root != null) {
      root.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      root.destroyForcibly();
    }
  }

  @Test
  void stopsChildrenThatTheRootDoesNotTakeDown() throws Exception {
    // sh exits on SIGTERM and leaves its background children running, as a wrapper script would
    root = start("sleep 300 & sleep 300 & wait");
    List<ProcessHandle> children = awaitChildren(2);

    assertThat(ProcessTree.stop(root.toHandle(), GRACE)).isTrue();

    assertThat(root.isAlive()).isFalse();
    assertThat(children).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void killsARootThatIgnoresSigterm() throws Exception {
    root = start("trap '' TERM; echo ready; sleep 300 & wait; wait");
    awaitReady();
    List<ProcessHandle> children = awaitChildren(1);

    assertThat(ProcessTree.stop(root.toHandle(), GRACE)).isTrue();

    assertThat(root.isAlive()).isFalse();
    assertThat(root.exitValue()).isEqualTo(137); // SIGKILL
    assertThat(children).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void aGracefulRootIsNotKilled() throws Exception {
    root = start("trap 'exit 7' TERM; echo ready; while true; do sleep 0.1; done");
    awaitReady();

    assertThat(ProcessTree.stop(root.toHandle(), GRACE)).isTrue();

    assertThat(root.exitValue()).isEqualTo(7); // SIGTERM handled, no SIGKILL (137)
  }

  private static Process start(String script) throws Exception {
    return new ProcessBuilder("sh", "-c", script).start();
  }

  /** Until the script has set its trap: a SIGTERM before that would kill it at once. */
  private void awaitReady() throws IOException {
    try (BufferedReader out = root.inputReader()) {
      assertThat(out.readLine()).isEqualTo("ready");
    }
  }

  private List<ProcessHandle> awaitChildren(int count) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      List<ProcessHandle> children = root.toHandle().children().toList();
      if (children.size() >= count) {
        return children;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the test script did not start its children");
  }
}
