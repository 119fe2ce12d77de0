package io.vigie.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Pid files under {@code .vigie/pids/}, one per component, so that processes left behind by a
 * launcher that died without running its shutdown hook (kill -9, a crash) can still be stopped by
 * {@code ./vigie down} or the next {@code ./vigie up}.
 *
 * <p>A recorded pid is only acted on when that process's command line mentions the repository root:
 * a pid recycled by an unrelated process since the crash is left alone.
 */
final class PidRegistry {

  private final Path directory;
  private final String marker;

  PidRegistry(Path directory, Path root) {
    this.directory = directory;
    this.marker = root.toAbsolutePath().normalize().toString();
  }

  /** Records the process and its current descendants (call again once a wrapper has forked). */
  void record(String name, ProcessHandle process) {
    String pids =
        Stream.concat(Stream.of(process), process.descendants())
            .map(handle -> Long.toString(handle.pid()))
            .collect(Collectors.joining("\n", "", "\n"));
    try {
      Files.createDirectories(directory);
      Files.writeString(file(name), pids);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void forget(String name) {
    try {
      Files.deleteIfExists(file(name));
    } catch (IOException e) {
      Log.warn("could not delete " + file(name) + ": " + e);
    }
  }

  /**
   * Stops every still-running process recorded here and clears the records.
   *
   * @return the names of the components that had processes left
   */
  List<String> stopLeftovers(Duration grace) throws IOException {
    List<String> stopped = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return stopped;
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      // Services before infrastructure: a postmaster's shutdown waits for its clients to go.
      files =
          listing
              .filter(path -> path.toString().endsWith(".pid"))
              .sorted(
                  Comparator.comparing((Path path) -> !isService(path)).thenComparing(path -> path))
              .toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
      List<ProcessHandle> ours = Files.readAllLines(file).stream().flatMap(this::ours).toList();
      if (!ours.isEmpty()) {
        stopped.add(name);
        Log.info(
            "stopping " + name + " left over by a previous launcher (pids " + pids(ours) + ")");
        ours.forEach(process -> ProcessTree.stop(process, grace));
      }
      Files.deleteIfExists(file);
    }
    return stopped;
  }

  /** Whether this process belongs to this stack: its command line mentions the repository root. */
  boolean isOurs(ProcessHandle process) {
    return process.isAlive()
        && process.info().commandLine().map(line -> line.contains(marker)).orElse(false);
  }

  private Stream<ProcessHandle> ours(String line) {
    Optional<ProcessHandle> process = Optional.empty();
    try {
      process = ProcessHandle.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      // an empty or damaged line: nothing to stop
    }
    return process.filter(this::isOurs).stream();
  }

  private static boolean isService(Path pidFile) {
    return pidFile.getFileName().toString().endsWith("-service.pid");
  }

  private static String pids(List<ProcessHandle> processes) {
    return processes.stream()
        .map(process -> Long.toString(process.pid()))
        .collect(Collectors.joining(" "));
  }

  private Path file(String name) {
    return directory.resolve(name + ".pid");
  }
}
