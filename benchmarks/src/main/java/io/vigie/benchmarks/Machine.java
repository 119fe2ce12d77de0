package io.vigie.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** The 1, 5 and 15 minute load averages: other work on the machine shows here. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
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
