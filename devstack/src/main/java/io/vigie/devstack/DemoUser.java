package io.vigie.devstack;

import java.util.List;

/**
 * A demo user of the {@code vigie} realm ({@code deploy/keycloak/vigie-realm.json}), listed for the
 * banner. RealmExportTest checks that this table and the realm export agree.
 *
 * @param tenant the {@code tenant} claim, or null for the hoster's own staff
 */
record DemoUser(String username, String role, String tenant) {

  /** Development only: every demo user has this password. */
  static final String PASSWORD = "vigie";

  static final List<DemoUser> ALL =
      List.of(
          new DemoUser("admin", "vigie-admin", null),
          new DemoUser("support", "vigie-support", null),
          new DemoUser("engineer", "vigie-engineer", null),
          new DemoUser("expert", "vigie-expert", null),
          new DemoUser("lumiere", "vigie-client", "lumiere"),
          new DemoUser("lumiere-admin", "vigie-client-admin", "lumiere"),
          new DemoUser("saint-roch", "vigie-client", "saint-roch"));
}
