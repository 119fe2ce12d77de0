package io.vigie.ticket.oncall;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real SMTP server for the tests: Debian's aiosmtpd keeping every message it accepts in a
 * maildir, on a free port that the service's mailer is pointed at.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

  static volatile Path maildir;
  private Process process;

  @Override
  public Map<String, String> start() {
    try {
      // aiosmtpd's Mailbox creates the maildir (with tmp, new, cur) only when it does not exist
      Path home = Files.createTempDirectory("vigie-smtp");
      maildir = home.resolve("maildir");
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      process =
          new ProcessBuilder(
                  "/usr/bin/python3",
                  "-m",
                  "aiosmtpd",
                  "-n",
                  "-l",
                  "127.0.0.1:" + port,
                  "-c",
                  "aiosmtpd.handlers.Mailbox",
                  maildir.toString())
              .redirectErrorStream(true)
              .redirectOutput(home.resolve("aiosmtpd.log").toFile())
              .start();
      Instant until = Instant.now().plusSeconds(20);
      while (true) {
        try (Socket s = new Socket("127.0.0.1", port)) {
          break;
        } catch (IOException notYet) {
          if (Instant.now().isAfter(until) || !process.isAlive()) {
            throw new IllegalStateException("aiosmtpd did not start on " + port);
          }
          Thread.sleep(50);
        }
      }
      return Map.of(
          "quarkus.mailer.port", Integer.toString(port), "quarkus.mailer.host", "127.0.0.1");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stop() {
    if (process != null) {
      process.destroy();
    }
  }

  /**
   * One message as the SMTP server received it: its headers and decoded body, and when the server
   * accepted it (its maildir file's modification time, written by aiosmtpd on acceptance).
   */
  public record Received(String to, String subject, String raw, String body, Instant at) {}

  /** Every message received so far addressed to {@code address}, oldest first. */
  public static List<Received> to(String address) {
    List<Received> found = new ArrayList<>();
    for (Received r : all()) {
      if (r.to().contains(address)) {
        found.add(r);
      }
    }
    return found;
  }

  /** Waits (bounded) for the {@code count}th message to {@code address}. */
  public static List<Received> awaitTo(String address, int count) throws InterruptedException {
    return awaitTo(address, count, Duration.ofSeconds(15));
  }

  /** Waits at most {@code wait} for the {@code count}th message to {@code address}. */
  public static List<Received> awaitTo(String address, int count, Duration wait)
      throws InterruptedException {
    Instant until = Instant.now().plus(wait);
    while (true) {
      List<Received> found = to(address);
      if (found.size() >= count || Instant.now().isAfter(until)) {
        return found;
      }
      Thread.sleep(50);
    }
  }

  public static List<Received> all() {
    Path dir = maildir.resolve("new");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> sorted =
          files.sorted(Comparator.comparing(p -> p.toFile().lastModified())).toList();
      List<Received> messages = new ArrayList<>();
      for (Path p : sorted) {
        String raw = Files.readString(p, StandardCharsets.UTF_8);
        messages.add(
            new Received(
                header(raw, "To"),
                header(raw, "Subject"),
                raw,
                decode(raw),
                Files.getLastModifiedTime(p).toInstant()));
      }
      return messages;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String header(String raw, String name) {
    for (String line : raw.split("\r?\n")) {
      if (line.isEmpty()) {
        break;
      }
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line.substring(name.length() + 1).strip();
      }
    }
    return "";
  }

  /** The message with quoted-printable soft breaks and escapes undone (enough for assertions). */
  static String decode(String raw) {
    String unfolded = raw.replace("=\r\n", "").replace("=\n", "");
    StringBuilder out = new StringBuilder(unfolded.length());
    byte[] pending = new byte[unfolded.length()];
    int n = 0;
    for (int i = 0; i < unfolded.length(); i++) {
      char c = unfolded.charAt(i);
      if (c == '='
          && i + 2 < unfolded.length()
          && isHex(unfolded.charAt(i + 1))
          && isHex(unfolded.charAt(i + 2))) {
        pending[n++] = (byte) Integer.parseInt(unfolded.substring(i + 1, i + 3), 16);
        i += 2;
      } else {
        if (n > 0) {
          out.append(new String(pending, 0, n, StandardCharsets.UTF_8));
          n = 0;
        }
        out.append(c);
      }
    }
    if (n > 0) {
      out.append(new String(pending, 0, n, StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
