package io.vigie.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Local TCP ports for the real programs and servers tests start. */
public final class Ports {

  private Ports() {}

  /** A port nothing listens on: just taken from the system and closed again. */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
