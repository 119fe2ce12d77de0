package io.vigie.console.window;

import io.vigie.console.VigieService;
import io.vigie.console.api.AvailabilityReport;
import io.vigie.console.api.FeedView;
import io.vigie.console.api.GuestUsageSeries;
import io.vigie.console.api.HostedServiceView;
import io.vigie.console.api.InterventionView;
import io.vigie.console.api.RequestCategory;
import io.vigie.console.api.ServerUsageSeries;
import io.vigie.console.api.ServerView;
import io.vigie.console.api.TicketView;
import io.vigie.console.api.VirtualMachineView;
import io.vigie.console.backup.PolicyStanding;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A client's window: what runs for them and in what state, their tickets, the interventions that
 * wait for their consent and those planned, and their calendar feed. Everything comes from the
 * services with the viewer's token; {@code down} names the services that did not answer.
 *
 * @param tenant the client shown (the viewer's own, or the one a staff member chose)
 * @param alertsByServer the worst firing alert's severity per server id (absent: nothing firing)
 * @param availability this month's availability against the contract (monitoring), or null
 * @param backups the client's backup policies with their last good copy and RPO standing
 * @param months the last months, oldest first, for the graphs of availability and GTI met
 * @param guestUsage the CPU, RAM and disk of the client's VMs and containers over the last week
 * @param serverUsage the same for the servers dedicated to the client (monitoring shows a client no
 *     shared server's)
 * @param usageLeftOut how many machines' usage was not asked for (each server's page has it)
 */
public record ClientWindow(
    String tenant,
    List<ServerView> servers,
    List<VirtualMachineView> virtualMachines,
    List<HostedServiceView> hostedServices,
    Map<String, String> alertsByServer,
    List<TicketView> tickets,
    List<InterventionView> awaitingConsent,
    List<InterventionView> planned,
    FeedView feed,
    List<RequestCategory> requestCategories,
    String requestKey,
    AvailabilityReport availability,
    List<PolicyStanding> backups,
    List<MonthFigures> months,
    List<GuestUsageSeries> guestUsage,
    List<ServerUsageSeries> serverUsage,
    int usageLeftOut,
    Set<VigieService> down) {

  public boolean isDown(String service) {
    return down.contains(VigieService.valueOf(service));
  }

  /** The worst firing severity on a server, or {@code ok}. */
  public String stateOf(ServerView server) {
    return alertsByServer.getOrDefault(server.id().toString(), "ok");
  }
}
