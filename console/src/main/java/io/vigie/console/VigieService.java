package io.vigie.console;

/** The services the console reads from and writes to, each with its own API. */
public enum VigieService {
  INVENTORY("inventory-service"),
  MONITORING("monitoring-service"),
  TICKET("ticket-service"),
  BACKUP("backup-service"),
  DNS("dns-service");

  private final String moduleName;

  VigieService(String moduleName) {
    this.moduleName = moduleName;
  }

  /** The name people know it by (its module and deployment name). */
  public String moduleName() {
    return moduleName;
  }
}
