package io.vigie.console;

/** The service answered 404: the page shows "not found", whether the id is missing or foreign. */
public class PageNotFoundException extends RuntimeException {

  public PageNotFoundException(VigieService service, String path) {
    super(service.moduleName() + " has nothing at " + path);
  }

  public PageNotFoundException(String what) {
    super(what);
  }
}
