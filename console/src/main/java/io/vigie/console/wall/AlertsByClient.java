package io.vigie.console.wall;

import io.vigie.console.api.AlertView;
import io.vigie.console.api.HostedServiceView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Firing alerts by the client they hurt: an alert on a hosted service is its client's; an alert on
 * a server is the client of every hosted service running there (a shared server hurts several). An
 * alert that touches no client's service is the hoster's own ({@code tenant} null, listed last).
 * Clients with the worst alerts first, then the most alerts. Plain Java, tested alone.
 */
final class AlertsByClient {

  private static final List<String> ORDER = List.of("critical", "warning", "info");

  private AlertsByClient() {}

  static List<WallView.ClientAlerts> group(
      List<AlertView> alerts, List<HostedServiceView> hostedServices) {
    Map<String, String> tenantOfService = new HashMap<>();
    Map<String, Set<String>> tenantsOnServer = new HashMap<>();
    for (HostedServiceView hosted : hostedServices) {
      if (hosted.tenant() == null) {
        continue;
      }
      tenantOfService.put(hosted.id().toString(), hosted.tenant());
      if (hosted.serverIds() != null) {
        hosted
            .serverIds()
            .forEach(
                server ->
                    tenantsOnServer
                        .computeIfAbsent(server.toString(), s -> new LinkedHashSet<>())
                        .add(hosted.tenant()));
      }
    }
    Map<String, List<AlertView>> byTenant = new TreeMap<>();
    List<AlertView> hosters = new ArrayList<>();
    for (AlertView alert : alerts) {
      if (!"FIRING".equals(alert.state())) {
        continue;
      }
      Set<String> tenants = new LinkedHashSet<>();
      if (alert.hostedServiceId() != null
          && tenantOfService.containsKey(alert.hostedServiceId().toString())) {
        tenants.add(tenantOfService.get(alert.hostedServiceId().toString()));
      } else if (alert.serverId() != null) {
        tenants.addAll(tenantsOnServer.getOrDefault(alert.serverId().toString(), Set.of()));
      }
      if (tenants.isEmpty()) {
        hosters.add(alert);
      }
      tenants.forEach(t -> byTenant.computeIfAbsent(t, k -> new ArrayList<>()).add(alert));
    }
    List<WallView.ClientAlerts> groups = new ArrayList<>();
    byTenant.forEach((tenant, list) -> groups.add(of(tenant, list)));
    groups.sort(
        Comparator.comparingInt((WallView.ClientAlerts g) -> rank(g.worst()))
            .thenComparingInt(g -> -g.alerts().size()));
    if (!hosters.isEmpty()) {
      groups.add(of(null, hosters));
    }
    return List.copyOf(groups);
  }

  private static WallView.ClientAlerts of(String tenant, List<AlertView> alerts) {
    String worst =
        alerts.stream()
            .map(AlertsByClient::severity)
            .min(Comparator.comparingInt(AlertsByClient::rank))
            .orElse("unknown");
    return new WallView.ClientAlerts(tenant, worst, List.copyOf(alerts));
  }

  private static String severity(AlertView alert) {
    return alert.severity() == null ? "unknown" : alert.severity().toLowerCase(Locale.ROOT);
  }

  private static int rank(String severity) {
    int rank = ORDER.indexOf(severity);
    return rank < 0 ? ORDER.size() : rank;
  }
}
