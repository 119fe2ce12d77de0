package io.vigie.kit.tenancy;

import io.quarkus.security.identity.SecurityIdentity;
import io.vigie.kit.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Resolves the {@link Caller} of the current request from its verified bearer token, once per
 * request. Resources inject this bean and pass {@link #get()} down to the use cases.
 */
@RequestScoped
public class CurrentCaller {

  private final SecurityIdentity identity;
  private Caller caller;

  public CurrentCaller(SecurityIdentity identity) {
    this.identity = identity;
  }

  public Caller get() {
    if (caller == null) {
      caller = resolve(identity);
    }
    return caller;
  }

  static Caller resolve(SecurityIdentity identity) {
    if (identity.isAnonymous()) {
      return new Caller("anonymous", Set.of(), null);
    }
    String tenant = null;
    if (identity.getPrincipal() instanceof JsonWebToken jwt) {
      Object claim = jwt.getClaim(Roles.TENANT_CLAIM);
      tenant = claim == null ? null : claim.toString().replace("\"", "");
    }
    Caller resolved = new Caller(identity.getPrincipal().getName(), identity.getRoles(), tenant);
    if (resolved.isClient() && (tenant == null || tenant.isBlank())) {
      throw ProblemException.forbidden("A client token must carry a tenant claim");
    }
    return resolved;
  }
}
