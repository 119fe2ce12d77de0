package io.vigie.console;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * The signed-in person as the console sees them: what to call them, which pages to offer, their
 * access token (sent to the services, which decide what it may see) and the language of their
 * browser. The roles only choose the navigation; they authorize nothing.
 *
 * @param tenant the client this person belongs to, or null for the hoster's staff
 * @param formToken the anti-forgery token every form of this person's session carries
 */
public record Viewer(
    String username,
    String displayName,
    String tenant,
    Set<String> roles,
    String accessToken,
    Instant tokenExpiresAt,
    Locale locale,
    String formToken) {

  static final Set<String> STAFF_ROLES =
      Set.of("vigie-support", "vigie-engineer", "vigie-expert", "vigie-admin");

  public boolean isStaff() {
    return roles.stream().anyMatch(STAFF_ROLES::contains);
  }

  public boolean isClient() {
    return !isStaff() && tenant != null;
  }

  /**
   * May change tickets' state (acknowledge an incident): the services decide, this hides buttons.
   */
  public boolean isEngineer() {
    return roles.contains("vigie-engineer")
        || roles.contains("vigie-expert")
        || roles.contains("vigie-admin");
  }

  public String language() {
    return locale.getLanguage();
  }
}
