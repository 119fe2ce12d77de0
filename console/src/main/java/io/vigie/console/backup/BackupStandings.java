package io.vigie.console.backup;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vigie.console.ServiceCalls;
import io.vigie.console.VigieService;
import io.vigie.console.api.Listing;
import io.vigie.console.api.PolicyView;
import io.vigie.console.api.RunView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Backup policies with their last good copy and RPO standing, read from backup-service with the
 * viewer's token: the policies (one call), then each one's newest successful run (one call each).
 */
@ApplicationScoped
public class BackupStandings {

  /** At most this many policies are shown on one page (each costs a call). */
  public static final int MAX_POLICIES = 50;

  private static final TypeReference<Listing<PolicyView>> POLICIES = new TypeReference<>() {};
  private static final TypeReference<Listing<RunView>> RUNS = new TypeReference<>() {};

  private final ServiceCalls calls;

  public BackupStandings(ServiceCalls calls) {
    this.calls = calls;
  }

  /**
   * @param filter the policies' query string, e.g. {@code targetId=<server>} or {@code
   *     tenant=lumiere}
   */
  public List<PolicyStanding> of(String token, String filter, Instant now) {
    List<PolicyStanding> standings = new ArrayList<>();
    Listing<PolicyView> policies =
        calls.get(
            VigieService.BACKUP,
            "/api/v1/policies?size=" + MAX_POLICIES + "&" + filter,
            token,
            POLICIES);
    for (PolicyView policy : items(policies)) {
      List<RunView> good =
          items(
              calls.get(
                  VigieService.BACKUP,
                  "/api/v1/policies/" + policy.id() + "/runs?state=SUCCEEDED&size=1",
                  token,
                  RUNS));
      Instant last = good.isEmpty() ? null : good.get(0).finishedAt();
      standings.add(new PolicyStanding(policy, last, RpoStanding.of(policy.rpo(), last, now)));
    }
    return standings;
  }

  private static <T> List<T> items(Listing<T> listing) {
    return listing == null || listing.items() == null ? List.of() : listing.items();
  }
}
