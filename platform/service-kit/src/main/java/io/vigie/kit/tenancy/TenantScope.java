package io.vigie.kit.tenancy;

import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.web.Filter;

/**
 * The one place tenant-owned queries are scoped: a client's queries get a {@code tenant = :tenant}
 * condition, staff queries none; anything else sees nothing.
 */
public final class TenantScope {

  private TenantScope() {}

  /**
   * Adds the caller's tenant condition on {@code tenantPath} (e.g. {@code client.code}) to the
   * filter.
   */
  public static Filter restrict(Filter filter, Caller caller, String tenantPath) {
    return restrictWith(filter, caller, tenantPath + " = :tenant");
  }

  /**
   * Like {@link #restrict} with a whole condition on {@code :tenant}, for data a client sees
   * through its own (e.g. the servers its VMs run on).
   */
  public static Filter restrictWith(Filter filter, Caller caller, String conditionOnTenant) {
    if (caller.isStaff()) {
      return filter;
    }
    if (caller.isClient()) {
      return filter.and(conditionOnTenant, "tenant", caller.tenant());
    }
    return filter.and("1 = 0");
  }

  /**
   * The same for a SQL read: {@code conditionOnTenant} names the caller's tenant {@code ?} (e.g.
   * {@code client_code = ?}).
   */
  public static SqlQuery restrict(SqlQuery query, Caller caller, String conditionOnTenant) {
    if (caller.isStaff()) {
      return query;
    }
    if (caller.isClient()) {
      return query.where(conditionOnTenant, caller.tenant());
    }
    return query.where("false");
  }

  /** A foreign or unknown tenant's record answers 404, so its existence does not leak. */
  public static <T> T visibleOr404(
      T entity, String ownerTenant, Caller caller, String what, Object id) {
    if (entity == null || !caller.sees(ownerTenant)) {
      throw io.vigie.kit.problem.ProblemException.notFound(what, id);
    }
    return entity;
  }
}
