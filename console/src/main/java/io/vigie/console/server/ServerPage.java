package io.vigie.console.server;

import io.vigie.console.VigieService;
import io.vigie.console.api.AlertView;
import io.vigie.console.api.HostedServiceView;
import io.vigie.console.api.ServerUsage;
import io.vigie.console.api.ServerUsageSeries;
import io.vigie.console.api.ServerView;
import io.vigie.console.api.TicketView;
import io.vigie.console.backup.PolicyStanding;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What every service knows of one server, side by side: inventory's facts and what runs on it,
 * monitoring's open alerts, ticket-service's open incidents about it, backup-service's policies
 * with their last good copy and RPO standing, the DNS records pointing to it, and its network
 * traffic over the last day ({@code traffic}: null when monitoring shows it to nobody here, a
 * client's view of a shared server) and its CPU, RAM and disk hour by hour over the last week
 * ({@code usage}, null likewise; it runs from 7 days before {@code trafficTo} to it). A service
 * that did not answer is in {@code down}: its panel says so, the others are shown.
 */
public record ServerPage(
    ServerView server,
    List<HostedServiceView> hostedServices,
    List<AlertView> alerts,
    List<TicketView> incidents,
    List<PolicyStanding> backups,
    List<DnsPointers.Pointer> dnsRecords,
    ServerUsage traffic,
    Instant trafficFrom,
    Instant trafficTo,
    ServerUsageSeries usage,
    Set<VigieService> down) {

  public boolean isDown(String service) {
    return down.contains(VigieService.valueOf(service));
  }
}
