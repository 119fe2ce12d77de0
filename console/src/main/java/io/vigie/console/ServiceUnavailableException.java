package io.vigie.console;

/** A service did not answer in time, refused the connection or failed (5xx). */
public class ServiceUnavailableException extends RuntimeException {

  private final VigieService service;

  public ServiceUnavailableException(VigieService service, String why) {
    super(service.moduleName() + " did not answer (" + why + ")");
    this.service = service;
  }

  public VigieService service() {
    return service;
  }
}
