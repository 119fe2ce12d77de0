package io.vigie.console.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** After a form is posted: 303 See Other to the page to show (post, redirect, get). */
public final class Redirects {

  private Redirects() {}

  public static Response seeOther(String path) {
    return Response.seeOther(URI.create(local(path, "/"))).build();
  }

  /** Only a path of this console is followed: never another site named in a form. */
  public static String local(String path, String fallback) {
    if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
      return fallback;
    }
    return path;
  }
}
