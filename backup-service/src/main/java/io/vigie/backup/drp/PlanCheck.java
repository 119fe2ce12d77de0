package io.vigie.backup.drp;

import io.vigie.events.backup.DrpStepKind;
import io.vigie.kit.problem.Problem.FieldError;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules a DRP plan's servers and steps must keep, each broken one a field error: the recovery
 * server in another datacenter than production, durations positive, addresses only on DNS switches
 * and only IP literals, a DNS switch knowing where to point in both directions (given, or the
 * servers' public addresses from the inventory).
 */
public final class PlanCheck {

  private PlanCheck() {}

  /** A server as the inventory knows it. */
  public record Site(String hostname, String datacenterCode, List<String> publicAddresses) {}

  /**
   * @param productionSites the datacenters the production targets run in
   */
  public static List<FieldError> servers(
      Site production, Site recovery, Set<String> productionSites) {
    List<FieldError> errors = new ArrayList<>();
    if (Objects.equals(production.datacenterCode(), recovery.datacenterCode())) {
      errors.add(
          new FieldError(
              "recoveryServerId",
              "the recovery server "
                  + recovery.hostname()
                  + " is in "
                  + recovery.datacenterCode()
                  + ", the datacenter of the production server "
                  + production.hostname()
                  + ": it must be in another datacenter"));
    } else if (productionSites.contains(recovery.datacenterCode())) {
      errors.add(
          new FieldError(
              "recoveryServerId",
              "the recovery server "
                  + recovery.hostname()
                  + " is in "
                  + recovery.datacenterCode()
                  + ", where production targets of the plan run: it must be in another"
                  + " datacenter"));
    }
    return errors;
  }

  /** The steps as stored: checked, DNS switches completed with the servers' addresses. */
  public static List<PlanStep> steps(
      List<DrpPlanRequest.Step> steps, Site production, Site recovery, List<FieldError> errors) {
    List<PlanStep> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      DrpPlanRequest.Step s = steps.get(i);
      String at = "steps[" + i + "]";
      if (s.estimated() != null && (s.estimated().isNegative() || s.estimated().isZero())) {
        errors.add(new FieldError(at + ".estimated", "must be a positive duration such as PT2H"));
      }
      List<String> failover = s.failoverAddresses() == null ? List.of() : s.failoverAddresses();
      List<String> back = s.productionAddresses() == null ? List.of() : s.productionAddresses();
      if (s.kind() != DrpStepKind.DNS_SWITCH) {
        if (!failover.isEmpty()) {
          errors.add(
              new FieldError(
                  at + ".failoverAddresses", "only a DNS_SWITCH step switches addresses"));
        }
        if (!back.isEmpty()) {
          errors.add(
              new FieldError(
                  at + ".productionAddresses", "only a DNS_SWITCH step switches addresses"));
        }
        out.add(new PlanStep(s.kind(), s.name().strip(), s.estimated(), List.of(), List.of()));
        continue;
      }
      List<String> to =
          addresses(failover, recovery, "recovery", at + ".failoverAddresses", errors);
      List<String> from =
          addresses(back, production, "production", at + ".productionAddresses", errors);
      out.add(new PlanStep(s.kind(), s.name().strip(), s.estimated(), to, from));
    }
    return out;
  }

  private static List<String> addresses(
      List<String> given, Site server, String role, String field, List<FieldError> errors) {
    if (given.isEmpty()) {
      if (server.publicAddresses().isEmpty()) {
        errors.add(
            new FieldError(
                field,
                "the "
                    + role
                    + " server "
                    + server.hostname()
                    + " has no public address in the inventory: give the addresses"));
      }
      return server.publicAddresses();
    }
    List<String> out = new ArrayList<>();
    for (int j = 0; j < given.size(); j++) {
      String address = given.get(j).strip();
      if (!ipLiteral(address)) {
        errors.add(
            new FieldError(
                field + "[" + j + "]", "'" + address + "' is not an IPv4 or IPv6 address"));
      } else if (out.contains(address)) {
        errors.add(new FieldError(field + "[" + j + "]", address + " is given twice"));
      } else {
        out.add(address);
      }
    }
    return out;
  }

  /** An IPv4 or IPv6 literal; never resolves a name. */
  static boolean ipLiteral(String s) {
    if (s.matches(
        "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}")) {
      return true;
    }
    // hex digits, colons and an embedded IPv4 tail only: InetAddress then parses, never looks up
    if (!s.matches("[0-9A-Fa-f:][0-9A-Fa-f:.]*") || s.chars().filter(c -> c == ':').count() < 2) {
      return false;
    }
    try {
      InetAddress.getByName(s);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
