package io.vigie.kit.tenancy;

/** Realm roles, as carried in the token's {@code realm_access.roles}. */
public final class Roles {

  public static final String CLIENT = "vigie-client";

  /**
   * A client's administrator (a composite of {@link #CLIENT}): what commits the client's whole
   * account — activating and steering its DRP — takes this role, not just any of its users.
   */
  public static final String CLIENT_ADMIN = "vigie-client-admin";

  public static final String SUPPORT = "vigie-support";
  public static final String ENGINEER = "vigie-engineer";
  public static final String EXPERT = "vigie-expert";
  public static final String ADMIN = "vigie-admin";
  public static final String AGENT = "vigie-agent";

  /**
   * The public status page's reader (the console's service account, nobody signed in): reads the
   * published platforms and their targets' availability, across tenants, and nothing else. No staff
   * and no client: every other endpoint answers it 403, and {@link Caller#isStaff()} is false for
   * it, so no tenant wall opens to it except on the reads that name this role.
   */
  public static final String STATUS_READER = "vigie-status-reader";

  /** The name of the token claim that holds a client's tenant (its client code). */
  public static final String TENANT_CLAIM = "tenant";

  private Roles() {}
}
