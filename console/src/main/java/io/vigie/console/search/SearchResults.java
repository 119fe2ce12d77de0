package io.vigie.console.search;

import io.vigie.console.VigieService;
import io.vigie.console.api.ClientView;
import io.vigie.console.api.ServerView;
import io.vigie.console.api.TicketView;
import io.vigie.console.api.ZoneView;
import java.util.List;
import java.util.Set;

/**
 * What one search found in each service; {@code down} names the services that did not answer, whose
 * part says so.
 */
public record SearchResults(
    String query,
    List<ServerView> servers,
    List<ClientView> clients,
    List<TicketView> tickets,
    List<ZoneView> zones,
    Set<VigieService> down) {

  static SearchResults none(String query) {
    return new SearchResults(query, List.of(), List.of(), List.of(), List.of(), Set.of());
  }

  public boolean isDown(String service) {
    return down.contains(VigieService.valueOf(service));
  }

  public boolean asked() {
    return query != null && !query.isBlank();
  }

  public boolean nothing() {
    return servers.isEmpty() && clients.isEmpty() && tickets.isEmpty() && zones.isEmpty();
  }
}
