package io.vigie.devstack;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * One Vigie service as the devstack runs it: its Maven module (also its name), its HTTP port and
 * the PostgreSQL database it owns (null for the console, which holds no data).
 */
record ServiceSpec(String name, int port, String database) {

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]*");

  ServiceSpec {
    // The name goes unquoted into CREATE DATABASE and into JDBC URLs.
    if (database != null && !DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
  }

  /** The service root, e.g. {@code http://127.0.0.1:8081/}; the REST API is under api/v1/. */
  /** A web front (the console): no database, no API of its own; people use it in a browser. */
  boolean isWebFront() {
    return database == null;
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  URI apiUrl() {
    return baseUrl().resolve("api/v1");
  }

  URI readinessUrl() {
    return baseUrl().resolve("q/health/ready");
  }
}
