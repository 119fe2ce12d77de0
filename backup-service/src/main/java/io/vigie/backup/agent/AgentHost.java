package io.vigie.backup.agent;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The host an agent's token is bound to: the {@code vigie_host} claim (in Keycloak, a hardcoded
 * claim mapper on the host's agent client). A bound agent reads the jobs of its host only and
 * reports backups and restore tests only for the policies whose target runs there (a server by its
 * hostname, a VM or container by its name, a hosted service on the first of its hosts, as {@link
 * AgentService} matches them); anything else is refused with 403. An agent token without the claim
 * is the hoster's fleet-wide runner (a central backup server), as before.
 */
@RequestScoped
public class AgentHost {

  public static final String CLAIM = "vigie_host";

  private static final String POLICY_HOSTS =
      """
      select (select s.hostname from inventory_server s
              where p.target_kind = 'SERVER' and s.id = p.target_id) as server,
             (select g.name from inventory_guest g
              where p.target_kind = 'VIRTUAL_MACHINE' and g.id = p.target_id) as guest,
             (select (select min(h.name) from (
                         select s.hostname as name from inventory_server s
                         where s.id::text = any(string_to_array(hs.server_ids, ','))
                         union all
                         select g.name from inventory_guest g
                         where g.id::text = any(string_to_array(hs.virtual_machine_ids, ','))) h)
              from inventory_hosted_service hs
              where p.target_kind = 'HOSTED_SERVICE' and hs.id = p.target_id) as service
      from backup_policy p where p.id = $1
      """;

  /** The hosts of the policies that keep a copy in a repository (one row per policy). */
  private static final String REPOSITORY_HOSTS =
      POLICY_HOSTS.replace(
          "where p.id = $1",
          "where p.id in (select c.policy_id from backup_policy_copy c where c.repository_id = $1)");

  private final JsonWebToken token;
  private final Pool pool;

  public AgentHost(JsonWebToken token, Pool pool) {
    this.token = token;
    this.pool = pool;
  }

  /** The host the caller's agent token is bound to, if it is an agent's and carries the claim. */
  public Optional<String> bound(Caller caller) {
    if (!caller.isAgent() || caller.canOperate() || token == null || !token.containsClaim(CLAIM)) {
      return Optional.empty();
    }
    Object host = token.getClaim(CLAIM);
    return Optional.ofNullable(host)
        .map(h -> h.toString().replace("\"", ""))
        .filter(h -> !h.isBlank());
  }

  /** Refuses (403) a bound agent asking for another host's jobs. */
  public void requireHost(String host, Caller caller) {
    bound(caller)
        .filter(b -> !b.equalsIgnoreCase(host))
        .ifPresent(
            b -> {
              throw ProblemException.forbidden(
                  "This agent's token is bound to host " + b + ", not " + host);
            });
  }

  /**
   * Refuses (403) a bound agent reporting on a repository that no policy of its host keeps a copy
   * in; an unknown repository is left to the caller's own check (404).
   */
  public Uni<Void> requireRepositoryOnHost(UUID repositoryId, Caller caller) {
    Optional<String> bound = bound(caller);
    if (bound.isEmpty() || repositoryId == null) {
      return Uni.createFrom().voidItem();
    }
    return pool.preparedQuery(REPOSITORY_HOSTS)
        .execute(Tuple.of(repositoryId))
        .chain(
            rows -> {
              for (var row : rows) {
                String host =
                    Optional.ofNullable(row.getString("server"))
                        .or(() -> Optional.ofNullable(row.getString("guest")))
                        .orElse(row.getString("service"));
                if (host != null && host.equalsIgnoreCase(bound.get())) {
                  return Uni.createFrom().voidItem();
                }
              }
              return pool.preparedQuery("select 1 from backup_repository where id = $1")
                  .execute(Tuple.of(repositoryId))
                  .<Void>map(
                      known -> {
                        if (known.iterator().hasNext()) {
                          throw ProblemException.forbidden(
                              "This agent's token is bound to host "
                                  + bound.get()
                                  + ": no policy of that host keeps a copy in repository "
                                  + repositoryId);
                        }
                        return null;
                      });
            });
  }

  /**
   * Refuses (403) a bound agent reporting for a policy whose target does not run on its host; an
   * unknown policy is left to the caller's own check (404).
   */
  public Uni<Void> requirePolicyOnHost(UUID policyId, Caller caller) {
    Optional<String> bound = bound(caller);
    if (bound.isEmpty() || policyId == null) {
      return Uni.createFrom().voidItem();
    }
    return pool.preparedQuery(POLICY_HOSTS)
        .execute(Tuple.of(policyId))
        .map(
            rows -> {
              if (!rows.iterator().hasNext()) {
                return null;
              }
              var row = rows.iterator().next();
              String host =
                  Optional.ofNullable(row.getString("server"))
                      .or(() -> Optional.ofNullable(row.getString("guest")))
                      .orElse(row.getString("service"));
              if (host == null || !host.equalsIgnoreCase(bound.get())) {
                throw ProblemException.forbidden(
                    "This agent's token is bound to host "
                        + bound.get()
                        + ": policy "
                        + policyId
                        + " backs up a target on "
                        + (host == null ? "no known host" : host));
              }
              return null;
            });
  }
}
