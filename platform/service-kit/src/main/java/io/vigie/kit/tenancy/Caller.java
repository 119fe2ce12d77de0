package io.vigie.kit.tenancy;

import io.vigie.kit.problem.ProblemException;
import java.util.Set;

/**
 * Who is calling, resolved once per request: their roles and, for a client, the tenant their token
 * is scoped to. Plain data, so domain code and tests use it without Quarkus.
 */
public record Caller(String name, Set<String> roles, String tenant) {

  public Caller {
    roles = Set.copyOf(roles);
  }

  /** The hoster's own people: support levels 1 to 3 and admins see every tenant. */
  public boolean isStaff() {
    return roles.contains(Roles.SUPPORT)
        || roles.contains(Roles.ENGINEER)
        || roles.contains(Roles.EXPERT)
        || roles.contains(Roles.ADMIN);
  }

  public boolean isAdmin() {
    return roles.contains(Roles.ADMIN);
  }

  /** A client sees only its tenant; staff roles win if a token carries both. */
  public boolean isClient() {
    return !isStaff() && roles.contains(Roles.CLIENT);
  }

  public boolean isAgent() {
    return roles.contains(Roles.AGENT);
  }

  /**
   * The public status page's reader ({@link Roles#STATUS_READER}): neither staff nor client, so
   * {@link #sees} and {@link TenantScope} show it nothing; only a read that allows this role
   * (published platforms, their targets' availability) lets it across tenants, and says so.
   */
  public boolean isStatusReader() {
    return roles.contains(Roles.STATUS_READER);
  }

  /** Engineers, experts and admins change the platform; level-1 support and clients read it. */
  public boolean canOperate() {
    return roles.contains(Roles.ENGINEER)
        || roles.contains(Roles.EXPERT)
        || roles.contains(Roles.ADMIN);
  }

  /**
   * Whether data owned by {@code ownerTenant} is visible: staff see all; a client only its own;
   * anyone else nothing.
   */
  public boolean sees(String ownerTenant) {
    if (isStaff()) {
      return true;
    }
    return isClient() && tenant != null && tenant.equals(ownerTenant);
  }

  public void requireOperator() {
    if (!canOperate()) {
      throw ProblemException.forbidden("Only engineers, experts and admins change the inventory");
    }
  }

  public void requireAdmin() {
    if (!isAdmin()) {
      throw ProblemException.forbidden("Only admins change this");
    }
  }
}
