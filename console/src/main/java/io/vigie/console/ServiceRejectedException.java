package io.vigie.console;

import io.vigie.console.api.Problem;

/** A service refused what was asked (4xx other than 404), with its problem details. */
public class ServiceRejectedException extends RuntimeException {

  private final VigieService service;
  private final int status;
  private final Problem problem;

  public ServiceRejectedException(VigieService service, int status, Problem problem) {
    super(service.moduleName() + " refused (" + status + "): " + problem.detail());
    this.service = service;
    this.status = status;
    this.problem = problem;
  }

  public VigieService service() {
    return service;
  }

  public int status() {
    return status;
  }

  public Problem problem() {
    return problem;
  }
}
