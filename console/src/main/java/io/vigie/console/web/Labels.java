package io.vigie.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every label of the console, in English here and in French in {@code messages/msg_fr.properties};
 * a page speaks the first language of the browser's that the console has.
 */
@MessageBundle
public interface Labels {

  @Message("Vigie console")
  String app_name();

  @Message("Skip to the content")
  String skip_to_content();

  @Message("Main navigation")
  String nav_label();

  @Message("Wall")
  String nav_wall();

  @Message("Client's window")
  String nav_window();

  @Message("Sign out")
  String sign_out();

  @Message("Signed in as {name}")
  String signed_in_as(String name);

  @Message("You are signed out.")
  String signed_out();

  @Message("Sign in again")
  String sign_in_again();

  // the wall
  @Message("Operations wall")
  String wall_title();

  @Message("Firing alerts")
  String wall_alerts();

  @Message("{count} firing")
  String wall_firing(int count);

  @Message("No alert is firing.")
  String wall_no_alert();

  @Message("Open incidents")
  String wall_incidents();

  @Message("No open incident.")
  String wall_no_incident();

  @Message("On call now")
  String wall_on_call();

  @Message("No on-call schedule.")
  String wall_no_on_call();

  @Message("until")
  String wall_until();

  @Message("next")
  String wall_next();

  @Message("nobody")
  String wall_nobody();

  @Message("Backups")
  String wall_backups();

  @Message("Restore tests overdue")
  String wall_restore_overdue();

  @Message("Promises not kept")
  String wall_coverage_gaps();

  @Message("Every backup promise is kept and every restore test is on time.")
  String wall_backups_ok();

  @Message("DNS out of sync")
  String wall_dns();

  @Message("Every zone is served as held.")
  String wall_dns_ok();

  @Message("Live")
  String wall_live();

  @Message("Live updates paused: reconnecting…")
  String wall_reconnecting();

  // GTI countdown
  @Message("GTI")
  String gti();

  @Message("{amount} left")
  String gti_left(String amount);

  @Message("breached {amount} ago")
  String gti_breached(String amount);

  @Message("met")
  String gti_met();

  @Message("paused")
  String gti_paused();

  @Message("no GTI")
  String gti_none();

  @Message("Acknowledge")
  String acknowledge();

  // the client's window
  @Message("Your platform")
  String window_title();

  @Message("Clients")
  String clients_title();

  @Message("Servers")
  String servers();

  @Message("Virtual machines and containers")
  String virtual_machines();

  @Message("Hosted services")
  String hosted_services();

  @Message("Nothing here yet.")
  String empty();

  @Message("Name")
  String name();

  @Message("Datacenter")
  String datacenter();

  @Message("Roles")
  String roles();

  @Message("Status")
  String status();

  @Message("State")
  String state();

  @Message("Runs on")
  String runs_on();

  @Message("Address")
  String address();

  @Message("Tickets")
  String tickets();

  @Message("Reference")
  String reference();

  @Message("Title")
  String title();

  @Message("Priority")
  String priority();

  @Message("Opened")
  String opened();

  @Message("Interventions waiting for your consent")
  String interventions_waiting();

  @Message("No intervention waits for your consent.")
  String interventions_none_waiting();

  @Message("Planned interventions")
  String interventions_planned();

  @Message("No intervention is planned.")
  String interventions_none_planned();

  @Message("From")
  String from();

  @Message("To")
  String to();

  @Message("Accept")
  String accept();

  @Message("Decline")
  String decline();

  @Message("Reason (optional)")
  String reason();

  @Message("Your answer")
  String your_answer();

  @Message("What is worked on")
  String targets();

  @Message("Calendar of interventions")
  String feed_title();

  @Message(
      "Subscribe to this address in your calendar (iCalendar) to see every planned intervention:")
  String feed_help();

  @Message("Open a request")
  String request_open();

  @Message("Kind of request")
  String request_category();

  @Message("Description")
  String description();

  @Message("Urgency")
  String urgency();

  @Message("High")
  String urgency_high();

  @Message("Medium")
  String urgency_medium();

  @Message("Low")
  String urgency_low();

  @Message("Send")
  String send();

  // a ticket
  @Message("Timeline")
  String timeline();

  @Message("Add a comment")
  String comment_add();

  @Message("Comment")
  String comment();

  // a server
  @Message("Open alerts")
  String open_alerts();

  @Message("No open alert.")
  String no_open_alert();

  // errors
  @Message("Not found")
  String not_found_title();

  @Message("There is nothing at this address, or nothing you may see.")
  String not_found_text();

  @Message("A service did not answer")
  String unavailable_title();

  @Message("{service} did not answer. The rest of the console still works; try again in a moment.")
  String unavailable_text(String service);

  @Message("{service} is not answering: this part is not shown for now.")
  String panel_down(String service);

  @Message("Refused")
  String rejected_title();

  @Message("{service} refused this:")
  String rejected_text(String service);

  @Message("Back to the start page")
  String back_home();

  // the monthly report
  @Message("Monthly report")
  String nav_report();

  @Message("Monthly service report")
  String report_title();

  @Message("Print or save as PDF")
  String report_print();

  @Message("Previous month")
  String report_previous();

  @Message("Next month")
  String report_next();

  @Message("Availability")
  String report_availability();

  @Message("Contract target: {target} %")
  String report_target(Double target);

  @Message("All services")
  String report_overall();

  @Message("Downtime")
  String report_downtime();

  @Message("Target met")
  String report_meets();

  @Message("yes")
  String yes();

  @Message("no")
  String no();

  @Message("Tickets opened: {count}")
  String report_tickets_opened(Object count);

  @Message("Time to intervention (GTI): {met} met, {breached} breached, {pending} running")
  String report_gti(Object met, Object breached, Object pending);

  @Message("Time to resolution: {met} met, {breached} breached, {pending} running")
  String report_resolution(Object met, Object breached, Object pending);

  @Message("Clocks breached")
  String report_breaches();

  @Message("Incident reports published")
  String report_published();

  @Message("Interventions carried out")
  String report_interventions();

  @Message("Backups made")
  String report_backups_made();

  @Message("Failures")
  String report_failures();

  @Message("Within the RPO")
  String report_rpo();

  @Message("Last successful restore test")
  String report_last_restore();

  @Message("Policy")
  String report_policy();

  @Message("Address made on")
  String feed_made_at();

  @Message("Make a new address (the previous one stops working)")
  String feed_rotate();

  @Message("Make my calendar address")
  String feed_make();

  @Message(
      "This address is shown only now: copy it into your calendar. Keep it private: whoever has it sees your interventions.")
  String feed_once();

  // the public status page
  @Message("Service status")
  String status_title();

  @Message("Subscribe to the notices (Atom feed)")
  String status_atom();

  @Message("Current notices")
  String status_current();

  @Message("No current notice: everything runs as planned.")
  String status_all_clear();

  @Message("The last 90 days")
  String status_history();

  @Message("No notice in the last 90 days.")
  String status_no_history();

  @Message("The service status cannot be read right now; try again in a minute.")
  String status_unavailable();

  @Message("As of")
  String status_as_of();

  @Message("Subscribe to planned maintenance and incidents (iCalendar)")
  String status_ical();

  @Message("Platforms")
  String status_platforms();

  @Message(
      "{#when state}{#is 'INCIDENT'}Incident in progress{#is 'MAINTENANCE'}Maintenance in progress"
          + "{#else}Operational{/when}")
  String status_state(String state);

  @Message("{percent} % available over the last 90 days (maintenance excluded)")
  String status_uptime(String percent);

  @Message("Availability cannot be read right now.")
  String status_uptime_unknown();

  @Message("Not measured yet.")
  String status_uptime_none();

  @Message("{percent} % available since {since}, when monitoring began (maintenance excluded)")
  String status_uptime_since(String percent, String since);

  @Message("no data")
  String status_no_data();

  @Message("Current incidents")
  String status_incidents_current();

  @Message("No incident in progress.")
  String status_no_incident();

  @Message("Planned maintenance")
  String status_maintenance();

  @Message("No maintenance planned in the next 30 days.")
  String status_no_maintenance();

  @Message("Past incidents (90 days)")
  String status_incidents_past();

  @Message("No incident in the last 90 days.")
  String status_no_past_incident();

  @Message("Concerns:")
  String status_concerns();

  @Message(
      "{#when phase}{#is 'INVESTIGATING'}Investigating{#is 'IDENTIFIED'}Identified"
          + "{#is 'MONITORING'}Monitoring{#is 'RESOLVED'}Resolved{#is 'SCHEDULED'}Scheduled"
          + "{#is 'IN_PROGRESS'}In progress{#is 'COMPLETED'}Completed{#else}Update{/when}")
  String status_phase(String phase);

  // a server's page
  @Message("Last good copy")
  String last_good_copy();

  @Message("No backup policy covers this server.")
  String no_backup_policy();

  @Message(
      "{#when standing}{#is WITHIN}within the RPO{#is AT_RISK}at risk: the next copy must succeed"
          + "{#is BREACHED}RPO breached{#is NO_GOOD_COPY}no good copy yet{#else}no RPO promised"
          + "{/when}")
  String rpo_standing(io.vigie.console.backup.RpoStanding standing);

  @Message("DNS records pointing to it")
  String dns_pointing();

  @Message("No DNS record points to this server.")
  String no_dns_pointing();

  // search
  @Message("Search")
  String search_title();

  @Message("Server name or address, client, ticket number or zone")
  String search_label();

  @Message("Search…")
  String search_placeholder();

  @Message("Search")
  String search_go();

  @Message("Nothing found.")
  String search_none();

  @Message("No ticket with this number (type it as INC-2026-000123).")
  String search_no_ticket();

  @Message("DNS zones")
  String zones();

  // a form posted without its anti-forgery token
  @Message("This form cannot be accepted")
  String form_expired_title();

  @Message(
      "It was not sent from this console in your current session, so nothing was done. Open the page"
          + " again and send the form from there.")
  String form_expired_text();

  // the client's window: availability and backups
  @Message("Availability this month")
  String window_availability();

  @Message("No availability measured this month yet.")
  String window_no_availability();

  @Message("No backup policy yet.")
  String window_no_backups();

  // the wall: alerts by client
  @Message("By client")
  String wall_by_client();

  @Message("Client")
  String client();

  @Message("Worst")
  String wall_worst();

  @Message("Alerts")
  String wall_alert_count();

  @Message("The hoster's own infrastructure")
  String wall_hoster_own();

  // graphs
  @Message("Network traffic, last 24 hours")
  String traffic_title();

  @Message("CPU, RAM and disk, last 7 days")
  String usage_title();

  @Message("CPU busy")
  String usage_cpu();

  @Message("RAM in use")
  String usage_ram();

  @Message("Disk in use")
  String usage_disk();

  @Message("average")
  String usage_average();

  @Message("peak")
  String usage_peak();

  @Message("of")
  String usage_of();

  @Message("No hour measured in this period.")
  String usage_none();

  @Message("Usage is shown to the servers' own clients and to staff.")
  String usage_not_shown();

  @Message("Usage, last 7 days")
  String window_usage();

  @Message("No server or VM of yours is measured yet.")
  String window_usage_none();

  @Message("… and {count} more (each server's page shows its own).")
  String window_usage_more(int count);

  @Message("The last 6 months")
  String months_title();

  @Message("Availability per month")
  String months_availability();

  @Message("Share of GTI met per month")
  String months_gti();

  @Message("target")
  String months_target();

  @Message("no figure")
  String months_none();

  @Message("No month with a figure yet.")
  String months_empty();

  @Message("Capacity per datacenter and hypervisor")
  String capacity_title();

  @Message("per datacenter")
  String capacity_datacenters();

  @Message("per hypervisor")
  String capacity_hosts();

  @Message("Disk")
  String capacity_disk();

  @Message("allocated")
  String capacity_allocated();

  @Message("used")
  String capacity_used();

  @Message("allowed")
  String capacity_allowed();

  @Message(
      "The light track is what the hardware has, the wide bar what is allocated to guests, the thin dark bar what was used in the last closed hour, the dashed mark the most the overcommit policy allows. Figures: used / allocated / allowed.")
  String capacity_legend();

  @Message("No hypervisor known yet.")
  String capacity_empty();

  @Message("Computed at")
  String capacity_at();

  @Message("inbound")
  String traffic_inbound();

  @Message("outbound")
  String traffic_outbound();

  @Message("No measurement in this period.")
  String traffic_none();

  @Message("Network traffic is shown to the servers' own clients and to staff.")
  String traffic_not_shown();

  @Message("Ingest and alert flow, last 24 hours")
  String flow_title();

  @Message(
      "Per hour of your time zone: the samples monitoring-service received by remote_write, accepted or rejected, and the alerts fired and resolved.")
  String flow_legend();

  @Message("Samples received per hour")
  String flow_samples();

  @Message("accepted")
  String flow_accepted();

  @Message("rejected")
  String flow_rejected();

  @Message("Alerts per hour")
  String flow_alerts();

  @Message("fired")
  String flow_fired();

  @Message("resolved")
  String flow_resolved();

  @Message("total")
  String flow_total();

  @Message("busiest hour")
  String flow_peak();

  @Message("No sample received in these 24 hours.")
  String flow_no_samples();

  @Message("No alert fired or resolved in these 24 hours.")
  String flow_no_alerts();
}
