package io.vigie.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A child process of the stack: its output goes to {@code .vigie/logs/<name>.log} and its pids to
 * {@code .vigie/pids/<name>.pid}.
 *
 * <p>Children run in their own session ({@code setsid}): a Ctrl-C in the terminal reaches only the
 * launcher, which then stops services before the infrastructure they use, instead of every process
 * receiving SIGINT at once.
 */
final class ManagedProcess {

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final String name;
  private final Process process;
  private final Path log;
  private final PidRegistry pids;

  private ManagedProcess(String name, Process process, Path log, PidRegistry pids) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.pids = pids;
  }

  static ManagedProcess start(String name, ProcessBuilder builder, Path log, PidRegistry pids)
      throws IOException {
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      // --wait: should setsid have to fork, it stays as the parent and reports the exit code
      command.addAll(List.of(SETSID.toString(), "--wait"));
    }
    command.addAll(builder.command());
    builder
        .command(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Process process = builder.start();
    pids.record(name, process.toHandle());
    return new ManagedProcess(name, process, log, pids);
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int exitValue() {
    return process.exitValue();
  }

  Process process() {
    return process;
  }

  /** Records the pids again, now including whatever the process has forked since it started. */
  void recordTree() {
    if (process.isAlive()) {
      pids.record(name, process.toHandle());
    }
  }

  void stop(Duration grace) {
    ProcessTree.stop(process.toHandle(), grace);
    pids.forget(name);
  }

  /** The last lines of the log, to explain a failed start without sending the user digging. */
  String logTail(int lines) {
    try {
      // decoded leniently: a log may hold anything
      List<String> all =
          new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log not readable: " + e + ")";
    }
  }
}
