package io.vigie.events.dns;

import io.vigie.events.DomainEvent;
import java.util.Map;

/** Topic and type names of the events dns-service publishes. */
public final class DnsEvents {

  public static final String TOPIC = "dns.events";
  public static final String SOURCE = "/vigie/dns-service";

  public static final String ZONE_CREATED = "io.vigie.dns.zone-created.v1";
  public static final String RECORD_SET_CHANGED = "io.vigie.dns.record-set-changed.v1";
  public static final String ZONE_APPLIED = "io.vigie.dns.zone-applied.v1";
  public static final String DRIFT_FOUND = "io.vigie.dns.drift-found.v1";
  public static final String DNS_SWITCH_APPLIED = "io.vigie.dns.dns-switch-applied.v1";
  public static final String DNS_SWITCH_FAILED = "io.vigie.dns.dns-switch-failed.v1";
  public static final String ZONE_DELETED = "io.vigie.dns.zone-deleted.v1";

  public static final Map<String, Class<? extends DomainEvent>> TYPES =
      Map.of(
          ZONE_CREATED, ZoneCreated.class,
          RECORD_SET_CHANGED, RecordSetChanged.class,
          ZONE_APPLIED, ZoneApplied.class,
          DRIFT_FOUND, DriftFound.class,
          DNS_SWITCH_APPLIED, DnsSwitchApplied.class,
          DNS_SWITCH_FAILED, DnsSwitchFailed.class,
          ZONE_DELETED, ZoneDeleted.class);

  private DnsEvents() {}
}
