package io.vigie.dns.servers;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A real server binary run by a test on loopback: free ports, a log file, stopped on close. */
final class LocalProcess implements AutoCloseable {

  private final String what;
  private final Process process;
  private final Path log;

  private LocalProcess(String what, Process process, Path log) {
    this.what = what;
    this.process = process;
    this.log = log;
  }

  static LocalProcess start(String what, List<String> command, Path dir) throws IOException {
    Path log = dir.resolve(what + ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    LocalProcess started = new LocalProcess(what, process, log);
    // a JVM that dies without closing its tests must not leave servers behind
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    return started;
  }

  /** Waits until the TCP port accepts connections (the server is up). */
  void awaitPort(int port, Duration timeout) throws IOException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException(what + " exited: " + java.nio.file.Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
      }
    }
    throw new IOException(
        what + " did not open port " + port + ": " + java.nio.file.Files.readString(log));
  }

  /** A port free on loopback for both TCP and UDP (DNS listens on both). */
  static int freePort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
          return port;
        } catch (IOException taken) {
          // try another
        }
      }
    }
    throw new IOException("no free loopback port for TCP and UDP");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
