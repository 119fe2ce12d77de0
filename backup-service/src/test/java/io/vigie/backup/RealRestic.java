package io.vigie.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real restic from Debian ({@code apt-get install restic}; .ci/run installs it) on a repository
 * in a directory, with the password and time zone fixed for the test.
 */
public final class RealRestic {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "vigie-test-only";

  private final Path repository;
  private final String timeZone;

  public RealRestic(Path repository, String timeZone) {
    this.repository = repository;
    this.timeZone = timeZone;
  }

  public Path repository() {
    return repository;
  }

  /**
   * Creates the repository, then re-wraps its key with cheap scrypt parameters ({@code
   * src/test/fixtures/restic-cheap-key.py}): restic tunes the key derivation to half a second and
   * more at init, and every later command on the repository would pay it again.
   */
  public void init() {
    run(List.of("init"));
    ProcessBuilder builder =
        new ProcessBuilder(
            "/usr/bin/python3",
            Path.of("src", "test", "fixtures", "restic-cheap-key.py").toAbsolutePath().toString(),
            repository.toString());
    builder.environment().put("RESTIC_PASSWORD", PASSWORD);
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("restic-cheap-key.py failed: " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run restic-cheap-key.py", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs restic with the arguments and returns its standard output. */
  public String run(List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(executable());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("RESTIC_REPOSITORY", repository.toString());
    builder.environment().put("RESTIC_PASSWORD", PASSWORD);
    builder.environment().put("TZ", timeZone);
    builder.environment().put("RESTIC_CACHE_DIR", repository.resolveSibling("cache").toString());
    try {
      Path err = Files.createTempFile("restic", ".err");
      builder.redirectError(err.toFile());
      Process process = builder.start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("restic " + arguments + " did not finish in 5 minutes");
      }
      String stderr = Files.readString(err);
      Files.deleteIfExists(err);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "restic " + arguments + " exited " + process.exitValue() + ": " + stderr);
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run restic", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public JsonNode json(List<String> arguments) {
    try {
      return JSON.readTree(run(arguments));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String executable() {
    for (String dir : List.of("/usr/bin", "/usr/local/bin", "/bin")) {
      if (Files.isExecutable(Path.of(dir, "restic"))) {
        return dir + "/restic";
      }
    }
    throw new IllegalStateException(
        "restic is not installed: apt-get install restic (.ci/run installs it)");
  }
}
