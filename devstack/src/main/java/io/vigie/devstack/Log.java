package io.vigie.devstack;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The launcher's own messages, on stderr. Not java.util.logging: its LogManager resets its handlers
 * in a shutdown hook of its own, racing ours, so messages logged while the stack stops would be
 * lost.
 */
final class Log {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final PrintStream OUT = System.err;

  static void info(String message) {
    print("INFO ", message);
  }

  static void warn(String message) {
    print("WARN ", message);
  }

  static void error(String message) {
    print("ERROR", message);
  }

  private static synchronized void print(String level, String message) {
    OUT.println(LocalTime.now().format(TIME) + " " + level + " " + message);
    OUT.flush();
  }

  private Log() {}
}
