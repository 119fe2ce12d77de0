package io.vigie.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the numbers were measured on. */
record Machine(
    String cpuModel, String nproc, String memory, String os, String kernel, String javaVersion) {

  static Machine describe(Path java) {
    return new Machine(
        procLine("/proc/cpuinfo", "model name").orElse("unknown"),
        exec(List.of("nproc")).orElse(Integer.toString(Runtime.getRuntime().availableProcessors())),
        procLine("/proc/meminfo", "MemTotal").map(Machine::gib).orElse("unknown"),
        osRelease(),
        exec(List.of("uname", "-r")).orElse("unknown"),
        exec(List.of(java.toString(), "-version")).orElse("unknown"));
  }

  /** A report's lines on the machine: CPU, memory, OS and the load averages around the run. */
  void appendMarkdown(StringBuilder md, String loadBefore, String loadAfter) {
    md.append("- CPU: ").append(cpuModel).append(", nproc ").append(nproc).append('\n');
    md.append("- Memory: ").append(memory).append('\n');
    md.append("- OS: ").append(os).append(", kernel ").append(kernel).append('\n');
    md.append("- Load average (1, 5, 15 min) before the run: ")
        .append(loadBefore)
        .append("; after: ")
        .append(loadAfter)
        .append('\n');
    md.append(
        oneMinute(loadBefore) < 1.5
            ? "- A quiet machine: nothing but this run was working on it when it started.\n"
            : "- Shared with other engineers' builds and tests during the run: the figures are an"
                + " upper bound; a rerun on a quiet machine is due.\n");
  }

  /** The 1, 5 and 15 minute load averages: other work on the machine shows here. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * How quiet the machine was before a measured run: the 1-minute load average when the wait began
   * and when the run started, how long it waited, and whether it calmed below the threshold.
   */
  record Calm(String before, String atStart, long waitedSeconds, boolean calm, double threshold) {

    /** e.g. {@code "0.92 (waited 45 s; 2.71 before)"}, or a warning when it never calmed. */
    String describe() {
      String waited =
          waitedSeconds == 0 ? "" : " (waited " + waitedSeconds + " s; " + before + " before)";
      return calm
          ? atStart + waited
          : atStart
              + " — **never below "
              + threshold
              + " in "
              + waitedSeconds
              + " s of waiting: measured anyway on a busy machine**"
              + (waitedSeconds == 0 ? "" : " (" + before + " before)");
    }
  }

  /**
   * Waits until the 1-minute load average is below {@code vigie.bench.calm.maxLoad} (1.5), polling
   * every {@code vigie.bench.calm.pollSeconds} (15) for at most {@code
   * vigie.bench.calm.maxWaitSeconds} (900), so a measured run does not share the CPUs with other
   * people's builds; runs anyway (and says so) when it never calms.
   */
  static Calm awaitCalm(String what) throws InterruptedException {
    double threshold = Double.parseDouble(System.getProperty("vigie.bench.calm.maxLoad", "1.5"));
    long poll = Long.getLong("vigie.bench.calm.pollSeconds", 15);
    long maxWait = Long.getLong("vigie.bench.calm.maxWaitSeconds", 900);
    String before = loadAverage();
    long start = System.nanoTime();
    while (true) {
      String now = loadAverage();
      long waited = (System.nanoTime() - start) / 1_000_000_000L;
      boolean calm = oneMinute(now) < threshold;
      if (calm || waited >= maxWait) {
        if (!calm) {
          System.out.println(
              "[bench] load average still " + now + " after " + waited + " s: measuring " + what);
        }
        return new Calm(before, now, waited, calm, threshold);
      }
      System.out.println(
          "[bench] load average "
              + now
              + ": waiting for it to fall below "
              + threshold
              + " before "
              + what);
      Thread.sleep(Duration.ofSeconds(Math.min(poll, Math.max(1, maxWait - waited))));
    }
  }

  private static double oneMinute(String loadAverage) {
    try {
      return Double.parseDouble(loadAverage.split(" ")[0]);
    } catch (RuntimeException e) {
      return 0; // unknown: do not wait for it
    }
  }

  /** A TCP port nothing listens on now, for a process to bind. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The checkout's short commit id, and whether it had uncommitted changes. */
  static String revision(Path root) {
    String head =
        exec(List.of("git", "-C", root.toString(), "rev-parse", "--short", "HEAD"))
            .orElse("unknown");
    boolean dirty =
        exec(List.of("git", "-C", root.toString(), "status", "--porcelain"))
            .map(s -> !s.isBlank())
            .orElse(false);
    return dirty ? head + " with uncommitted changes" : head;
  }

  /** {@code "24575024 kB"} → {@code "23.4 GiB"}. */
  private static String gib(String kilobytes) {
    long kb = Long.parseLong(kilobytes.replaceAll("[^0-9]", ""));
    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
  }

  private static Optional<String> procLine(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String osRelease() {
    try {
      return Files.readAllLines(Path.of("/etc/os-release")).stream()
          .filter(line -> line.startsWith("PRETTY_NAME="))
          .map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  static Optional<String> exec(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return process.waitFor() == 0 ? Optional.of(output) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
