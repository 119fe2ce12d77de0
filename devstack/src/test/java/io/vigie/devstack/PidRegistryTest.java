package io.vigie.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidRegistryTest {

  private static final Duration GRACE = Duration.ofSeconds(2);

  @TempDir Path root;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void stopsRecordedProcessesThatBelongToTheStack() throws Exception {
    PidRegistry pids = new PidRegistry(root.resolve(".vigie/pids"), root);
    // the stack's processes mention the repository root on their command line
    Process leftover = start("sleep 300; true", root.resolve(".vigie/kafka").toString());
    pids.record("kafka", leftover.toHandle());

    assertThat(pids.stopLeftovers(GRACE)).containsExactly("kafka");

    assertThat(leftover.isAlive()).isFalse();
    assertThat(root.resolve(".vigie/pids/kafka.pid")).doesNotExist();
  }

  @Test
  void leavesAloneAProcessThatReusedARecordedPid() throws Exception {
    PidRegistry pids = new PidRegistry(root.resolve(".vigie/pids"), root);
    Process unrelated = start("sleep 300; true", "/somewhere/else");
    pids.record("keycloak", unrelated.toHandle());

    assertThat(pids.stopLeftovers(GRACE)).isEmpty();

    assertThat(unrelated.isAlive()).isTrue();
    assertThat(root.resolve(".vigie/pids/keycloak.pid")).doesNotExist();
  }

  @Test
  void forgetsACleanlyStoppedComponent() throws Exception {
    PidRegistry pids = new PidRegistry(root.resolve(".vigie/pids"), root);
    pids.record("launcher-self", ProcessHandle.current());
    assertThat(Files.readString(root.resolve(".vigie/pids/launcher-self.pid")))
        .startsWith(Long.toString(ProcessHandle.current().pid()));

    pids.forget("launcher-self");

    assertThat(root.resolve(".vigie/pids/launcher-self.pid")).doesNotExist();
  }

  private Process start(String script, String marker) throws Exception {
    // sh -c SCRIPT NAME: NAME becomes $0 and shows in the command line
    Process process = new ProcessBuilder("sh", "-c", script, marker).start();
    started.add(process);
    return process;
  }
}
