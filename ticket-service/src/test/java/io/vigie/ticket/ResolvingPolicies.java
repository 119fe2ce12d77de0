package io.vigie.ticket;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The event policies other than the defaults, in one test profile so that the tests of both start
 * the application once between them (a profile of its own each restarts it for each): the alert
 * clearing resolves its incidents ({@code RESOLVE}, default {@code ANNOTATE}); the RPO holding
 * again only annotates ({@code ANNOTATE}, default {@code RESOLVE}). Neither setting touches what
 * the other test looks at (monitoring's alerts, backup's events).
 */
public class ResolvingPolicies implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "vigie.ticket.alert-resolved-policy", "RESOLVE",
        "vigie.ticket.backup.rpo-restored-policy", "ANNOTATE");
  }
}
