package io.vigie.monitoring.checks;

/** The Monitoring-Plugins result states, in the order of their exit codes 0 to 3. */
public enum CheckStatus {
  OK,
  WARNING,
  CRITICAL,
  UNKNOWN;

  public static CheckStatus ofExitCode(int code) {
    if (code < 0 || code > 3) {
      throw new IllegalArgumentException("exit code " + code + " is not 0 (OK) to 3 (UNKNOWN)");
    }
    return values()[code];
  }

  /** WARNING, CRITICAL and UNKNOWN count toward "N consecutive failures". */
  public boolean failing() {
    return this != OK;
  }
}
