package io.vigie.console.wall;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vigie.console.PageNotFoundException;
import io.vigie.console.ServiceCalls;
import io.vigie.console.Viewer;
import io.vigie.console.Viewers;
import io.vigie.console.VigieService;
import io.vigie.console.api.CapacityView;
import io.vigie.console.api.ResourceCapacityView;
import io.vigie.console.graph.CapacityBars;
import io.vigie.console.graph.UsageGraphs;
import io.vigie.console.web.Labels;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Capacity per datacenter and per hypervisor for staff, linked from the wall: monitoring's capacity
 * report drawn as bars (hardware, allocated, used in the last closed hour, the policy's limit), one
 * chart per resource. A page of its own, not a panel of the wall: the report is computed over weeks
 * of hourly rows, too much to ask for every few seconds, and it changes by the hour.
 */
@Path("/wall/capacity")
public class CapacityResource {

  /** The charts of one level (datacenters or hosts), one per resource; null when no row. */
  public record ResourceCharts(String cpu, String ram, String disk) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance capacity(
        Viewer viewer, CapacityView report, ResourceCharts datacenters, ResourceCharts hosts);
  }

  private final Viewers viewers;
  private final ServiceCalls calls;

  public CapacityResource(Viewers viewers, ServiceCalls calls) {
    this.viewers = viewers;
    this.calls = calls;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance capacity() {
    Viewer viewer = viewers.current();
    if (!viewer.isStaff()) {
      throw new PageNotFoundException("capacity is the hoster's own: " + viewer.username());
    }
    CapacityView report =
        calls.get(
            VigieService.MONITORING, "/api/v1/capacity", viewer.accessToken(), CapacityView.class);
    Labels labels = UsageGraphs.labels(viewer.language());
    Locale locale = viewer.locale();
    ResourceCharts datacenters =
        charts(
            "dc",
            report.datacenters() == null
                ? List.of()
                : report.datacenters().stream()
                    .map(d -> new Level(d.datacenterCode(), d.cpu(), d.ram(), d.disk()))
                    .toList(),
            labels.capacity_datacenters(),
            locale,
            labels);
    ResourceCharts hosts =
        charts(
            "host",
            report.hosts() == null
                ? List.of()
                : report.hosts().stream()
                    .map(h -> new Level(h.hostname(), h.cpu(), h.ram(), h.disk()))
                    .toList(),
            labels.capacity_hosts(),
            locale,
            labels);
    return Templates.capacity(viewer, report, datacenters, hosts).setLocale(locale);
  }

  /** A datacenter or a host with its three resources. */
  record Level(
      String name, ResourceCapacityView cpu, ResourceCapacityView ram, ResourceCapacityView disk) {}

  static ResourceCharts charts(
      String id, List<Level> levels, String what, Locale locale, Labels labels) {
    if (levels.isEmpty()) {
      return null;
    }
    return new ResourceCharts(
        chart(id + "-cpu", levels, Level::cpu, "CPU, " + what, "vCPU", locale, labels),
        chart(id + "-ram", levels, Level::ram, "RAM, " + what, "GB", locale, labels),
        chart(
            id + "-disk",
            levels,
            Level::disk,
            labels.capacity_disk() + ", " + what,
            "GB",
            locale,
            labels));
  }

  private static String chart(
      String id,
      List<Level> levels,
      Function<Level, ResourceCapacityView> resource,
      String title,
      String unit,
      Locale locale,
      Labels labels) {
    List<CapacityBars.Row> rows =
        levels.stream()
            .map(
                l -> {
                  ResourceCapacityView r = resource.apply(l);
                  return r == null
                      ? new CapacityBars.Row(l.name(), 0, 0, 0, null)
                      : new CapacityBars.Row(
                          l.name(),
                          orZero(r.physical()),
                          orZero(r.allocated()),
                          orZero(r.allocatable()),
                          r.used());
                })
            .toList();
    return CapacityBars.svg(
        id,
        rows,
        unit,
        locale,
        new CapacityBars.Labels(
            title, labels.capacity_allocated(), labels.capacity_used(), labels.capacity_allowed()));
  }

  private static double orZero(Double value) {
    return value == null ? 0 : value;
  }
}
