package io.vigie.dns.zone;

import io.vigie.events.dns.RecordSetData;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the zone API answers. */
public final class ZoneViews {

  private ZoneViews() {}

  /** A zone with its record sets and where each provider stands (ETag = version). */
  public record ZoneView(
      UUID id,
      String name,
      String tenant,
      long serial,
      int recordQuota,
      long recordSetCount,
      List<ProviderState> providers,
      List<RecordSetView> recordSets,
      String createdBy,
      Instant createdAt,
      Instant updatedAt,
      long version) {}

  /** The view of a zone just stored, built in Java (the read path sees only committed rows). */
  static ZoneView of(
      Zone zone,
      List<RecordSet> sets,
      java.util.Map<RecordSet.Key, String> groups,
      List<ZoneProvider> providers) {
    return new ZoneView(
        zone.id,
        zone.name,
        zone.tenant,
        zone.serial,
        zone.recordQuota,
        sets.size(),
        providers.stream()
            .sorted(java.util.Comparator.comparing(p -> p.provider))
            .map(
                p ->
                    new ProviderState(
                        p.provider, p.state.name(), p.appliedSerial, p.detail, p.checkedAt))
            .toList(),
        sets.stream().map(set -> RecordSetView.of(set, groups.get(set.key()))).toList(),
        zone.createdBy,
        zone.createdAt,
        zone.updatedAt,
        zone.version);
  }

  /**
   * One RRset as the API shows it: what the servers serve, and the DRP failover group it belongs to
   * (null when none).
   */
  @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RecordSet")
  public record RecordSetView(
      String name, String type, long ttl, List<String> records, String failoverGroup) {

    static RecordSetView of(RecordSet set, String failoverGroup) {
      return new RecordSetView(set.name(), set.type(), set.ttl(), set.records(), failoverGroup);
    }

    public RecordSet recordSet() {
      return new RecordSet(name, type, ttl, records);
    }
  }

  /** One provider's state for a zone. */
  public record ProviderState(
      String name, String state, Long appliedSerial, String detail, Instant checkedAt) {}

  /** One RRset's change in the audit trail and in plans; before/after null when added/removed. */
  public record RecordSetChange(
      String action, String name, String type, RecordSetData before, RecordSetData after) {

    static RecordSetChange of(Plan.Change change) {
      return new RecordSetChange(
          change.action().name(),
          change.key().name(),
          change.key().type(),
          data(change.before()),
          data(change.after()));
    }

    static RecordSetData data(RecordSet set) {
      return set == null ? null : new RecordSetData(set.ttl(), set.records());
    }
  }

  /** One entry of a zone's history. */
  public record ZoneChangeView(
      UUID id,
      UUID zoneId,
      String actor,
      String reason,
      Instant changedAt,
      long serial,
      List<RecordSetChange> changes) {}

  /**
   * What a change would do ({@code ?dryRun=true}): against Vigie's copy, and on each provider
   * against what it serves now.
   */
  public record ZonePlan(
      String zone, long serial, List<RecordSetChange> changes, List<ProviderPlan> providers) {}

  /** One provider's plan, or why it could not be read. */
  public record ProviderPlan(String name, List<RecordSetChange> changes, String error) {}

  /** Differences found between Vigie's zone and each provider's copy. */
  public record DriftReport(String zone, List<ProviderPlan> providers) {}
}
