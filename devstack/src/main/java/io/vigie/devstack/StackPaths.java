package io.vigie.devstack;

import java.nio.file.Path;

/**
 * Where the stack lives: the repository root, the build outputs it runs, and its state under {@code
 * .vigie/} (kept across restarts, so PostgreSQL data, Kafka topics and the Keycloak realm survive a
 * {@code ./vigie down}).
 */
record StackPaths(Path root) {

  StackPaths {
    root = root.toAbsolutePath().normalize();
  }

  Path state() {
    return root.resolve(".vigie");
  }

  Path logs() {
    return state().resolve("logs");
  }

  Path log(String name) {
    return logs().resolve(name + ".log");
  }

  Path pids() {
    return state().resolve("pids");
  }

  Path launcherPidFile() {
    return state().resolve("vigie.pid");
  }

  Path postgresData() {
    return state().resolve("postgres");
  }

  Path postgresBinaries() {
    return state().resolve("postgres-bin");
  }

  Path kafka() {
    return state().resolve("kafka");
  }

  Path keycloak() {
    return state().resolve("keycloak");
  }

  Path serviceWorkDir(ServiceSpec service) {
    return state().resolve("services").resolve(service.name());
  }

  Path serviceJar(ServiceSpec service) {
    return root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
  }

  Path kafkaClasspathFile() {
    return root.resolve("devstack/target/kafka.classpath");
  }

  Path keycloakDistribution() {
    return root.resolve("devstack/target/keycloak/keycloak-quarkus-dist.zip");
  }

  Path realmExport() {
    return root.resolve("deploy/keycloak/vigie-realm.json");
  }

  /** A path as the user would type it from the repository root. */
  String display(Path path) {
    return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
  }
}
