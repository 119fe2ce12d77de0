package io.vigie.ticket.tickets;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.ticket.inventory.KnownGuest;
import io.vigie.ticket.inventory.KnownHostedService;
import io.vigie.ticket.inventory.KnownServer;
import io.vigie.ticket.tickets.TicketViews.LinkRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Resolves the links a ticket is opened with against the inventory read model. A VM or hosted
 * service must belong to the ticket's client (so no other client's names appear on it); a client
 * may link only the servers that carry its own VMs or services; alerts are linked by staff. A bad
 * link is refused naming it ({@code links[1].target}).
 */
@ApplicationScoped
public class TicketLinks {

  Uni<List<TicketLink>> resolve(List<LinkRequest> wanted, String tenant, Caller caller) {
    Uni<List<TicketLink>> chain = Uni.createFrom().item(new ArrayList<>());
    for (int i = 0; i < wanted.size(); i++) {
      int index = i;
      LinkRequest link = wanted.get(i);
      chain =
          chain.chain(
              resolved ->
                  one(link, tenant, caller, "links[" + index + "].target")
                      .map(
                          found -> {
                            resolved.add(found);
                            return resolved;
                          }));
    }
    return chain;
  }

  private Uni<TicketLink> one(LinkRequest link, String tenant, Caller caller, String field) {
    return switch (link.kind()) {
      case ALERT -> {
        if (!caller.isStaff()) {
          throw ProblemException.invalidField(field, "only staff link alerts");
        }
        yield Uni.createFrom().item(TicketLink.of(null, link.kind(), link.target().strip(), null));
      }
      case INCIDENT ->
          throw ProblemException.invalidField(
              field, "incidents are linked by host-down grouping, not by hand");
      case SERVER ->
          KnownServer.<KnownServer>findById(uuid(link.target(), field))
              .chain(
                  server -> {
                    if (server == null) {
                      throw ProblemException.invalidField(field, "no such server");
                    }
                    Uni<Boolean> allowed =
                        caller.isStaff()
                            ? Uni.createFrom().item(true)
                            : carriesTenant(server.id, tenant);
                    return allowed.map(
                        ok -> {
                          if (!ok) {
                            throw ProblemException.invalidField(field, "no such server");
                          }
                          return TicketLink.of(
                              null, link.kind(), server.id.toString(), server.hostname);
                        });
                  });
      case VIRTUAL_MACHINE ->
          KnownGuest.<KnownGuest>findById(uuid(link.target(), field))
              .map(
                  guest -> {
                    if (guest == null || !guest.tenant.equals(tenant)) {
                      throw ProblemException.invalidField(field, "no such virtual machine");
                    }
                    return TicketLink.of(null, link.kind(), guest.id.toString(), guest.name);
                  });
      case HOSTED_SERVICE ->
          KnownHostedService.<KnownHostedService>findById(uuid(link.target(), field))
              .map(
                  service -> {
                    if (service == null || !service.tenant.equals(tenant)) {
                      throw ProblemException.invalidField(field, "no such hosted service");
                    }
                    return TicketLink.of(null, link.kind(), service.id.toString(), service.name);
                  });
    };
  }

  /** Whether a server carries one of the tenant's VMs or hosted services. */
  static Uni<Boolean> carriesTenant(UUID serverId, String tenant) {
    return KnownGuest.count("hostServerId = ?1 and tenant = ?2", serverId, tenant)
        .chain(
            guests ->
                guests > 0
                    ? Uni.createFrom().item(true)
                    : KnownHostedService.<KnownHostedService>list("tenant", tenant)
                        .map(
                            services ->
                                services.stream()
                                    .anyMatch(s -> Arrays.asList(s.serverIds).contains(serverId))));
  }

  private static UUID uuid(String value, String field) {
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(field, "must be a UUID");
    }
  }
}
