package io.vigie.devstack;

import java.util.List;

/** What {@code ./vigie up} prints once everything is ready: where things are and how to log in. */
final class Banner {

  private final Http http;
  private final List<ServiceSpec> services;
  private final String readySeconds;

  Banner(Http http, List<ServiceSpec> services, String readySeconds) {
    this.http = http;
    this.services = services;
    this.readySeconds = readySeconds;
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append("\n  Vigie is up, ready in ").append(readySeconds).append(" s.");
    out.append(" Ctrl-C or ./vigie down stops it; logs in .vigie/logs/\n\n");
    if (services.isEmpty()) {
      out.append("  Services not started (--no-services).\n\n");
    }
    for (ServiceSpec front : services) {
      if (front.isWebFront()) {
        line(out, "Console", front.baseUrl() + "  (sign in as any demo user below)");
        out.append('\n');
      }
    }
    for (ServiceSpec service : services) {
      if (service.isWebFront()) {
        continue;
      }
      out.append("  ").append(service.name()).append('\n');
      line(out, "  API", service.apiUrl().toString());
      line(out, "  OpenAPI UI", swaggerUi(service));
      line(out, "  health", service.baseUrl().resolve("q/health").toString());
      line(out, "  metrics", service.baseUrl().resolve("q/metrics").toString());
      line(
          out,
          "  database",
          Postgres.jdbcUrl(service.database())
              + "  ("
              + Postgres.USER
              + " / "
              + Postgres.PASSWORD
              + ")");
      out.append('\n');
    }
    line(
        out,
        "Keycloak admin",
        Keycloak.ADMIN_CONSOLE
            + "  ("
            + Keycloak.ADMIN_USERNAME
            + " / "
            + Keycloak.ADMIN_PASSWORD
            + ")");
    line(out, "OIDC issuer", Keycloak.ISSUER.toString());
    line(out, "Kafka bootstrap", KafkaBroker.BOOTSTRAP_SERVERS);
    line(
        out,
        "On-call mail",
        "smtp://"
            + MailCatcher.HOST
            + ":"
            + MailCatcher.SMTP_PORT
            + ", read at imap://"
            + MailCatcher.HOST
            + ":"
            + MailCatcher.IMAP_PORT
            + "  (log in as the recipient, any password)");
    line(
        out,
        "PostgreSQL",
        Postgres.jdbcUrl("<database>") + "  (" + Postgres.USER + " / " + Postgres.PASSWORD + ")");
    out.append("\n  Demo users of realm ").append(Keycloak.REALM).append(" (development only)\n");
    out.append(String.format("    %-12s %-10s %-16s %s%n", "user", "password", "role", "tenant"));
    for (DemoUser user : DemoUser.ALL) {
      out.append(
          String.format(
              "    %-12s %-10s %-16s %s%n",
              user.username(),
              DemoUser.PASSWORD,
              user.role(),
              user.tenant() == null ? "-" : user.tenant()));
    }
    out.append(
        String.format(
            "    machines: client %s, secret %s (client credentials, role vigie-agent)%n",
            Keycloak.AGENT_CLIENT, Keycloak.AGENT_SECRET));
    out.append("\n  Try it:\n    ").append(tryIt()).append("\n\n");
    return out.toString();
  }

  /** A token for the engineer, then a call with it; sed rather than jq, which may be missing. */
  private String tryIt() {
    String token =
        "TOKEN=$(curl -s -d grant_type=password -d client_id="
            + Keycloak.CLI_CLIENT
            + " -d username=engineer -d password="
            + DemoUser.PASSWORD
            + " "
            + Keycloak.TOKEN_URL
            + " | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')";
    if (services.stream().noneMatch(service -> service.name().equals("inventory-service"))) {
      return token + " && echo \"$TOKEN\"";
    }
    return token
        + " && curl -s -H \"Authorization: Bearer $TOKEN\" "
        + Services.named("inventory-service").apiUrl()
        + "/servers";
  }

  private String swaggerUi(ServiceSpec service) {
    String url = service.baseUrl().resolve("q/swagger-ui").toString();
    return http.status(service.baseUrl().resolve("q/swagger-ui/")) == 200
        ? url
        : "not included in this build (quarkus.swagger-ui.always-include); OpenAPI document at "
            + service.baseUrl().resolve("q/openapi");
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format("  %-18s %s%n", label, value));
  }
}
