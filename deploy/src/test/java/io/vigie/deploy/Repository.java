package io.vigie.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository the deploy tests read. */
final class Repository {

  private Repository() {}

  static Path root() {
    String configured = System.getProperty("vigie.repository");
    Path root = configured == null ? Path.of("..") : Path.of(configured);
    root = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(root.resolve("deploy/helm/vigie"))) {
      throw new IllegalStateException("not the Vigie repository root: " + root);
    }
    return root;
  }

  static Path chart() {
    return root().resolve("deploy/helm/vigie");
  }

  static Path environmentValues(String environment) {
    return root().resolve("deploy/gitops/environments").resolve(environment).resolve("values.yaml");
  }

  static Path rendered() {
    return root().resolve("deploy/target/rendered");
  }
}
