package io.vigie.console.search;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vigie.console.Fetches;
import io.vigie.console.ServiceCalls;
import io.vigie.console.VigieService;
import io.vigie.console.api.ClientView;
import io.vigie.console.api.Listing;
import io.vigie.console.api.ServerView;
import io.vigie.console.api.TicketView;
import io.vigie.console.api.ZoneView;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Future;

/**
 * One search box across the services, with the viewer's own token (each service answers what that
 * person may see): servers by name (inventory's filter) or by address, clients by code or name,
 * tickets by reference, DNS zones by name. Every service is asked at once.
 */
@ApplicationScoped
public class SearchService {

  /** How many servers or clients are read to match an address or a client's name. */
  static final int SCANNED = 500;

  private static final TypeReference<Listing<ServerView>> SERVERS = new TypeReference<>() {};
  private static final TypeReference<Listing<ClientView>> CLIENTS = new TypeReference<>() {};
  private static final TypeReference<Listing<TicketView>> TICKETS = new TypeReference<>() {};
  private static final TypeReference<Listing<ZoneView>> ZONES = new TypeReference<>() {};

  private final ServiceCalls calls;

  public SearchService(ServiceCalls calls) {
    this.calls = calls;
  }

  public SearchResults search(String token, String query) {
    if (query == null || query.isBlank()) {
      return SearchResults.none(query);
    }
    String q = query.strip();
    String encoded = URLEncoder.encode(q, StandardCharsets.UTF_8);
    String reference = SearchMatch.reference(q);
    try (Fetches fetches = new Fetches()) {
      Future<List<ServerView>> servers =
          fetches.start(
              VigieService.INVENTORY,
              () ->
                  SearchMatch.looksLikeAddress(q)
                      ? SearchMatch.byAddress(
                          items(
                              calls.get(
                                  VigieService.INVENTORY,
                                  "/api/v1/servers?size=" + SCANNED,
                                  token,
                                  SERVERS)),
                          q)
                      : items(
                          calls.get(
                              VigieService.INVENTORY,
                              "/api/v1/servers?size=50&hostname=" + encoded,
                              token,
                              SERVERS)),
              List.of());
      Future<List<ClientView>> clients =
          fetches.start(
              VigieService.INVENTORY,
              () ->
                  SearchMatch.clients(
                      items(
                          calls.get(
                              VigieService.INVENTORY,
                              "/api/v1/clients?size=" + SCANNED,
                              token,
                              CLIENTS)),
                      q),
              List.of());
      Future<List<TicketView>> tickets =
          reference == null
              ? null
              : fetches.start(
                  VigieService.TICKET,
                  () ->
                      items(
                          calls.get(
                              VigieService.TICKET,
                              "/api/v1/tickets?size=20&reference=" + reference,
                              token,
                              TICKETS)),
                  List.of());
      Future<List<ZoneView>> zones =
          fetches.start(
              VigieService.DNS,
              () ->
                  items(
                      calls.get(
                          VigieService.DNS, "/api/v1/zones?size=50&name=" + encoded, token, ZONES)),
              List.of());
      return new SearchResults(
          q,
          Fetches.await(servers),
          Fetches.await(clients),
          tickets == null ? List.of() : Fetches.await(tickets),
          Fetches.await(zones),
          fetches.down());
    }
  }

  private static <T> List<T> items(Listing<T> listing) {
    return listing == null || listing.items() == null ? List.of() : listing.items();
  }
}
