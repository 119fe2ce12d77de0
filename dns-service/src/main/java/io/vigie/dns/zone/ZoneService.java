package io.vigie.dns.zone;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.dns.DnsConfig;
import io.vigie.dns.client.DnsClient;
import io.vigie.dns.provider.Providers;
import io.vigie.events.dns.RecordSetChanged;
import io.vigie.events.dns.ZoneCreated;
import io.vigie.events.dns.ZoneDeleted;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.outbox.Outbox;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.tenancy.TenantScope;
import io.vigie.kit.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;

/**
 * Zones and their record sets: who may read and change which, the rules a change must pass, the
 * serial, the audit trail and the events, committed together. Talking to the servers is {@link
 * ZoneSync}'s, after the commit.
 */
@ApplicationScoped
public class ZoneService {

  private static final String WHAT = "Zone";
  static final Keyset BY_NAME = Keyset.ascending("name", "text").then("id", "uuid");
  static final Keyset NEWEST_FIRST =
      Keyset.descending("changed_at", "timestamptz").then("id", "uuid");

  private final ZoneRules rules;
  private final SoaSerials serials;
  private final ZoneTemplate template;
  private final Providers providers;
  private final Outbox outbox;
  private final Reads reads;
  private final Clock clock;
  private final DnsConfig config;

  public ZoneService(
      Providers providers, Outbox outbox, Reads reads, Clock clock, DnsConfig config) {
    this.rules = new ZoneRules(config.ttl().min(), config.ttl().max(), config.ttl().defaultTtl());
    this.serials = new SoaSerials(clock);
    this.template = template(config.template());
    this.providers = providers;
    this.outbox = outbox;
    this.reads = reads;
    this.clock = clock;
    this.config = config;
  }

  public ZoneRules rules() {
    return rules;
  }

  /** A zone about to be created: validated, not stored. */
  public record Draft(
      Name name,
      String tenant,
      List<String> providers,
      List<RecordSet> recordSets,
      Map<RecordSet.Key, String> failoverGroups,
      Long serial) {}

  /** Checks a new zone's request; the caller must write for the tenant. */
  public Uni<Draft> draft(ZoneRequests.NewZone request, Caller caller) {
    String tenant = tenantFor(request.tenant(), caller);
    Name name = DnsNames.zone("name", request.name());
    List<String> bound =
        providers.known(
            "providers",
            request.providers() == null
                ? config.defaultProviders().orElse(List.of())
                : request.providers());
    List<RecordSetInput> own = request.recordSets() == null ? List.of() : request.recordSets();
    List<RecordSet> sets;
    Map<RecordSet.Key, String> groups = Map.of();
    Long importedSerial = null;
    if (request.zoneFile() != null) {
      if (!own.isEmpty()) {
        throw ProblemException.invalidField(
            "recordSets", "give a zone file or record sets, not both");
      }
      ZoneFiles.Imported imported = ZoneFiles.read(name, "zoneFile", request.zoneFile(), rules);
      sets = imported.recordSets();
      importedSerial = imported.serial();
    } else {
      boolean withTemplate = request.template() == null || request.template();
      List<RecordSetInput> inputs =
          withTemplate ? ZoneTemplate.merge(template.instantiate(name.toString()), own) : own;
      sets = rules.check(name, "recordSets", inputs);
      groups = rules.failoverGroups(name, inputs);
    }
    checkZone(name, sets, caller, config.recordQuota());
    Long serial = importedSerial;
    Map<RecordSet.Key, String> failoverGroups = groups;
    return DnsClient.count("code", tenant)
        .map(
            known -> {
              if (known == 0) {
                throw ProblemException.invalidField("tenant", "is not a known client: " + tenant);
              }
              return new Draft(name, tenant, bound, sets, failoverGroups, serial);
            });
  }

  /** The zone created and its view as stored (providers not applied yet). */
  @WithTransaction
  public Uni<ZoneViews.ZoneView> create(ZoneRequests.NewZone request, Caller caller) {
    return draft(request, caller)
        .chain(
            draft ->
                Zone.count("name = ?1 and deletedAt is null", draft.name().toString())
                    .chain(
                        existing -> {
                          if (existing > 0) {
                            throw ProblemException.conflict(
                                "The zone " + draft.name() + " already exists");
                          }
                          return store(draft, request.reason(), caller)
                              .chain(
                                  zone ->
                                      ZoneProvider.<ZoneProvider>list("zoneId", zone.id)
                                          .map(
                                              rows ->
                                                  ZoneViews.of(
                                                      zone,
                                                      draft.recordSets(),
                                                      draft.failoverGroups(),
                                                      rows)));
                        }));
  }

  private Uni<Zone> store(Draft draft, String reason, Caller caller) {
    Instant now = clock.instant();
    Zone zone = new Zone();
    zone.id = Uuids.timeOrdered();
    zone.tenant = draft.tenant();
    zone.name = draft.name().toString();
    zone.serial = draft.serial() == null ? serials.first() : serials.next(draft.serial());
    zone.recordQuota = config.recordQuota();
    zone.providers = String.join(",", draft.providers());
    zone.createdBy = caller.name();
    zone.createdAt = now;
    zone.updatedAt = now;
    Plan plan = Plan.between(draft.recordSets(), List.of());
    return zone.<Zone>persist()
        .call(
            () ->
                RecordSetRow.persist(
                    draft.recordSets().stream()
                        .map(
                            s -> {
                              RecordSetRow row = RecordSetRow.of(zone.id, s);
                              row.failoverGroup = draft.failoverGroups().get(s.key());
                              return row;
                            })
                        .toList()))
        .call(() -> pending(zone, "not applied yet"))
        .call(() -> audit(zone, plan, caller, reason, now))
        .call(
            () ->
                outbox.record(
                    new ZoneCreated(
                        zone.id,
                        zone.tenant,
                        zone.name,
                        zone.serial,
                        draft.providers(),
                        caller.name(),
                        now),
                    caller.name()))
        .call(Panache::flush);
  }

  /** A change checked and planned against Vigie's copy; nothing stored. */
  public record Planned(
      Name name, long serial, List<String> providers, List<RecordSet> desired, Plan plan) {}

  /** What the new record sets would change in Vigie's copy; nothing stored. */
  public Uni<Planned> planChange(UUID id, ZoneRequests.RecordSetsChange change, Caller caller) {
    return Panache.withSession(
        () ->
            writable(id, caller)
                .chain(
                    zone -> {
                      Name name = ZoneSync.name(zone.name);
                      List<RecordSet> desired =
                          rules.check(name, "recordSets", change.recordSets());
                      checkZone(name, desired, caller, zone.recordQuota);
                      return current(zone.id)
                          .map(
                              current ->
                                  new Planned(
                                      name,
                                      serials.next(zone.serial),
                                      zone.providerNames(),
                                      desired,
                                      Plan.between(desired, current)));
                    }));
  }

  /** What creating the zone would store; nothing stored. */
  public Uni<Planned> planCreate(ZoneRequests.NewZone request, Caller caller) {
    return Panache.withSession(() -> draft(request, caller))
        .map(
            d ->
                new Planned(
                    d.name(),
                    d.serial() == null ? serials.first() : serials.next(d.serial()),
                    d.providers(),
                    d.recordSets(),
                    Plan.between(d.recordSets(), List.of())));
  }

  /** One RRset changed or removed, checked against the rest of the zone; nothing stored yet. */
  private record OneChange(
      Zone zone,
      Name name,
      List<RecordSetRow> rows,
      List<RecordSet> desired,
      Map<RecordSet.Key, String> groups) {

    Plan plan() {
      return Plan.between(desired, rows.stream().map(RecordSetRow::recordSet).toList());
    }
  }

  /**
   * The zone with the RRset {@code owner}/{@code type} set to {@code body}, or removed when {@code
   * body} is null (404 when there is none to remove). Problems name the body's fields ({@code ttl},
   * {@code records[0]}, {@code failoverGroup}) or the path's ({@code name}, {@code type}).
   */
  private Uni<OneChange> one(
      UUID id,
      String ifMatch,
      boolean checkVersion,
      String owner,
      String type,
      ZoneRequests.RecordSetBody body,
      Caller caller) {
    return writable(id, caller)
        .chain(
            zone -> {
              if (checkVersion) {
                ETags.requireMatch(ifMatch, zone.version);
              }
              Name name = ZoneSync.name(zone.name);
              RecordSet.Key key = key(name, owner, type);
              return RecordSetRow.<RecordSetRow>list("zoneId", zone.id)
                  .map(
                      rows -> {
                        List<RecordSetInput> inputs = new ArrayList<>();
                        Map<RecordSet.Key, String> groups = new java.util.TreeMap<>();
                        if (body != null) {
                          inputs.add(
                              new RecordSetInput(
                                  key.name(),
                                  key.type(),
                                  body.ttl(),
                                  body.records(),
                                  body.failoverGroup()));
                          if (body.failoverGroup() != null) {
                            groups.put(key, body.failoverGroup());
                          }
                        } else if (rows.stream().noneMatch(r -> r.recordSet().key().equals(key))) {
                          throw ProblemException.notFound("Record set", key);
                        }
                        for (RecordSetRow row : rows) {
                          RecordSet set = row.recordSet();
                          if (set.key().equals(key)) {
                            continue;
                          }
                          inputs.add(
                              new RecordSetInput(set.name(), set.type(), set.ttl(), set.records()));
                          if (row.failoverGroup != null) {
                            groups.put(set.key(), row.failoverGroup);
                          }
                        }
                        List<RecordSet> desired = checkOne(name, inputs, body != null);
                        checkZone(name, desired, caller, zone.recordQuota);
                        return new OneChange(zone, name, rows, desired, groups);
                      });
            });
  }

  /** The RRset key a request path names; problems name {@code name} and {@code type}. */
  private static RecordSet.Key key(Name zone, String owner, String type) {
    Name name = DnsNames.owner("name", owner, zone);
    String mnemonic = type == null ? "" : type.strip().toUpperCase(Locale.ROOT);
    if (mnemonic.equals("SOA")) {
      throw ProblemException.invalidField("type", "the SOA is kept by Vigie and cannot be written");
    }
    if (!ZoneRules.TYPES.contains(mnemonic)) {
      throw ProblemException.invalidField(
          "type", "must be one of " + ZoneRules.TYPES.stream().sorted().toList());
    }
    return new RecordSet.Key(name.toString(), mnemonic);
  }

  /**
   * The zone's rules over {@code inputs}, the changed RRset first when {@code changed}: its errors
   * name the body's fields, the others' (a CNAME beside it) the path's {@code name}.
   */
  private List<RecordSet> checkOne(Name name, List<RecordSetInput> inputs, boolean changed) {
    try {
      return rules.check(name, "recordSets", inputs);
    } catch (InvalidZoneException e) {
      List<io.vigie.kit.problem.Problem.FieldError> errors = new ArrayList<>();
      for (io.vigie.kit.problem.Problem.FieldError error : e.toProblem(null).errors()) {
        String field = error.field();
        if (changed && field.startsWith("recordSets[0].")) {
          errors.add(
              new io.vigie.kit.problem.Problem.FieldError(
                  field.substring("recordSets[0].".length()), error.message()));
        } else {
          errors.add(new io.vigie.kit.problem.Problem.FieldError("name", error.message()));
        }
      }
      throw new InvalidZoneException(errors);
    }
  }

  /** What setting (or, with a null body, removing) one RRset would change; nothing stored. */
  public Uni<Planned> planOne(
      UUID id, String owner, String type, ZoneRequests.RecordSetBody body, Caller caller) {
    return Panache.withSession(
        () ->
            one(id, null, false, owner, type, body, caller)
                .map(
                    c ->
                        new Planned(
                            c.name(),
                            serials.next(c.zone().serial),
                            c.zone().providerNames(),
                            c.desired(),
                            c.plan())));
  }

  /**
   * One RRset set to {@code body}, or removed when it is null (If-Match on the zone); the serial
   * increased, the change audited and published like any other.
   */
  @WithTransaction
  public Uni<Zone> changeOne(
      UUID id,
      String ifMatch,
      String owner,
      String type,
      ZoneRequests.RecordSetBody body,
      String reason,
      Caller caller) {
    return one(id, ifMatch, true, owner, type, body, caller)
        .chain(c -> apply(c.zone(), c.rows(), c.desired(), c.groups(), reason, caller));
  }

  /** What deleting the zone would remove, in Vigie and on each provider; nothing stored. */
  public Uni<Planned> planDelete(UUID id, Caller caller) {
    return Panache.withSession(
        () ->
            writable(id, caller)
                .chain(
                    zone ->
                        current(zone.id)
                            .map(
                                current ->
                                    new Planned(
                                        ZoneSync.name(zone.name),
                                        serials.next(zone.serial),
                                        zone.providerNames(),
                                        List.of(),
                                        Plan.between(List.of(), current)))));
  }

  /**
   * The zone deleted (If-Match): its record sets removed, every provider marked out of sync until
   * it stops serving the zone, the removal audited and {@code ZoneDeleted} published. The zone's
   * row and audit trail are kept; the API no longer shows it and its name is free again.
   */
  @WithTransaction
  public Uni<Zone> delete(UUID id, String ifMatch, String reason, Caller caller) {
    return writable(id, caller)
        .chain(
            zone -> {
              ETags.requireMatch(ifMatch, zone.version);
              return RecordSetRow.<RecordSetRow>list("zoneId", zone.id)
                  .chain(
                      rows -> {
                        Instant now = clock.instant();
                        Plan plan =
                            Plan.between(
                                List.of(), rows.stream().map(RecordSetRow::recordSet).toList());
                        zone.serial = serials.next(zone.serial);
                        zone.deletedAt = now;
                        zone.deletedBy = caller.name();
                        zone.updatedAt = now;
                        String why = reason == null || reason.isBlank() ? null : reason.strip();
                        return RecordSetRow.delete("zoneId", zone.id)
                            .chain(() -> pending(zone, "removal pending"))
                            .chain(() -> audit(zone, plan, caller, why, now))
                            .chain(
                                () ->
                                    outbox.record(
                                        new ZoneDeleted(
                                            zone.id,
                                            zone.tenant,
                                            zone.name,
                                            zone.serial,
                                            rows.size(),
                                            zone.providerNames(),
                                            caller.name(),
                                            why,
                                            now),
                                        caller.name()))
                            .chain(Panache::flush)
                            .replaceWith(zone);
                      });
            });
  }

  /** The zone's record sets replaced; the serial increased, the change audited and published. */
  @WithTransaction
  public Uni<Zone> change(
      UUID id, String ifMatch, ZoneRequests.RecordSetsChange change, Caller caller) {
    return writable(id, caller)
        .chain(
            zone -> {
              ETags.requireMatch(ifMatch, zone.version);
              Name name = ZoneSync.name(zone.name);
              List<RecordSet> desired = rules.check(name, "recordSets", change.recordSets());
              Map<RecordSet.Key, String> groups = rules.failoverGroups(name, change.recordSets());
              checkZone(name, desired, caller, zone.recordQuota);
              return RecordSetRow.<RecordSetRow>list("zoneId", zone.id)
                  .chain(rows -> apply(zone, rows, desired, groups, change.reason(), caller));
            });
  }

  /**
   * A change Vigie makes itself (a DRP switch): the zone's record sets replaced by {@code desired}
   * through the same plan, serial, audit and events as a person's change, in the caller's
   * transaction; {@code rows} are the zone's rows as loaded in it (failover groups kept).
   */
  public Uni<Zone> changeBySystem(
      Zone zone, List<RecordSetRow> rows, List<RecordSet> desired, String reason, String actor) {
    return apply(zone, rows, desired, null, reason, new Caller(actor, java.util.Set.of(), null));
  }

  /**
   * {@code groups} are the failover groups from now on (null keeps each row's); a change of groups
   * alone serves nothing new, so it changes the zone's version but not its serial.
   */
  private Uni<Zone> apply(
      Zone zone,
      List<RecordSetRow> rows,
      List<RecordSet> desired,
      Map<RecordSet.Key, String> groups,
      String reason,
      Caller caller) {
    Plan plan = Plan.between(desired, rows.stream().map(RecordSetRow::recordSet).toList());
    Instant now = clock.instant();
    Map<RecordSet.Key, RecordSetRow> byKey =
        rows.stream().collect(Collectors.toMap(r -> r.recordSet().key(), Function.identity()));
    if (plan.isEmpty()) {
      boolean regrouped = false;
      if (groups != null) {
        for (RecordSetRow row : rows) {
          String group = groups.get(row.recordSet().key());
          if (!java.util.Objects.equals(group, row.failoverGroup)) {
            row.failoverGroup = group;
            regrouped = true;
          }
        }
      }
      if (!regrouped) {
        return Uni.createFrom().item(zone);
      }
      zone.updatedAt = now;
      return Panache.flush().replaceWith(zone);
    }
    if (groups != null) {
      for (RecordSetRow row : rows) {
        row.failoverGroup = groups.get(row.recordSet().key());
      }
    }
    zone.serial = serials.next(zone.serial);
    zone.updatedAt = now;
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (Plan.Change c : plan.changes()) {
      chain =
          switch (c.action()) {
            case ADD ->
                chain.chain(
                    () -> {
                      RecordSetRow row = RecordSetRow.of(zone.id, c.after());
                      row.failoverGroup = groups == null ? null : groups.get(c.key());
                      return row.persist().replaceWithVoid();
                    });
            case REMOVE -> chain.chain(() -> byKey.get(c.key()).delete());
            case CHANGE ->
                chain.invoke(
                    () -> {
                      RecordSetRow row = byKey.get(c.key());
                      row.ttl = c.after().ttl();
                      row.records = c.after().records();
                    });
          };
      chain =
          chain.chain(
              () ->
                  outbox.record(
                      new RecordSetChanged(
                          zone.id,
                          zone.tenant,
                          zone.name,
                          c.key().name(),
                          c.key().type(),
                          ZoneViews.RecordSetChange.data(c.before()),
                          ZoneViews.RecordSetChange.data(c.after()),
                          zone.serial,
                          caller.name(),
                          reason,
                          now),
                      caller.name()));
    }
    return chain
        .chain(() -> pending(zone, "change pending"))
        .chain(() -> audit(zone, plan, caller, reason, now))
        .chain(Panache::flush)
        .replaceWith(zone);
  }

  /** Every provider of the zone waits for this serial: out of sync until the apply says so. */
  private Uni<Void> pending(Zone zone, String detail) {
    return ZoneProvider.<ZoneProvider>list("zoneId", zone.id)
        .chain(
            rows -> {
              List<ZoneProvider> created = new ArrayList<>();
              for (String provider : zone.providerNames()) {
                ZoneProvider row =
                    rows.stream().filter(r -> r.provider.equals(provider)).findFirst().orElse(null);
                if (row == null) {
                  row = new ZoneProvider();
                  row.id = Uuids.timeOrdered();
                  row.zoneId = zone.id;
                  row.provider = provider;
                  created.add(row);
                }
                row.state = ZoneProvider.State.OUT_OF_SYNC;
                row.detail = detail;
              }
              return created.isEmpty()
                  ? Uni.createFrom().voidItem()
                  : ZoneProvider.persist(created);
            });
  }

  private Uni<Void> audit(Zone zone, Plan plan, Caller caller, String reason, Instant now) {
    ZoneChange change = new ZoneChange();
    change.id = Uuids.timeOrdered();
    change.zoneId = zone.id;
    change.tenant = zone.tenant;
    change.actor = caller.name();
    change.reason = reason == null || reason.isBlank() ? null : reason.strip();
    change.changedAt = now;
    change.serial = zone.serial;
    change.changes = plan.changes().stream().map(ZoneViews.RecordSetChange::of).toList();
    return change.persist().replaceWithVoid();
  }

  /** Zones by name; a client sees its own. */
  public Uni<Listing<ZoneViews.ZoneView>> list(
      String tenant, String name, PageRequest page, Caller caller) {
    SqlQuery query =
        SqlQuery.select("list_doc", "zone_document")
            .where("tenant = ?", tenant)
            .where("name like ?", name == null ? null : "%" + name.toLowerCase(Locale.ROOT) + "%")
            .keyset(BY_NAME);
    return reads.page(TenantScope.restrict(query, caller, "tenant = ?"), page);
  }

  /** One zone with its record sets and provider states; 404 when the caller may not see it. */
  public Uni<ZoneViews.ZoneView> read(UUID id, Caller caller) {
    SqlQuery query = SqlQuery.select("doc", "zone_document").where("id = ?", id);
    return reads
        .one(TenantScope.restrict(query, caller, "tenant = ?"), ZoneViews.ZoneView.class)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound(WHAT, id));
  }

  /** The zone's history, newest first. */
  public Uni<Listing<ZoneViews.ZoneChangeView>> history(UUID id, PageRequest page, Caller caller) {
    return read(id, caller)
        .chain(
            zone ->
                reads.page(
                    SqlQuery.select("doc", "zone_change_document")
                        .where("zone_id = ?", id)
                        .keyset(NEWEST_FIRST),
                    page));
  }

  /** The zone as an RFC 1035 zone file. */
  public Uni<String> zoneFile(UUID id, Caller caller, Soa soa) {
    return read(id, caller)
        .map(
            zone -> {
              Name name = ZoneSync.name(zone.name());
              return ZoneFiles.write(
                  name,
                  soa.record(name, zone.serial()),
                  zone.recordSets().stream().map(ZoneViews.RecordSetView::recordSet).toList());
            });
  }

  /** A zone the caller may change: operators any, a client its own; else 404 or 403. */
  @WithSession
  public Uni<Zone> writable(UUID id, Caller caller) {
    return Zone.<Zone>findById(id)
        .map(found -> found == null || found.deletedAt != null ? null : found)
        .map(
            zone -> {
              TenantScope.visibleOr404(zone, zone == null ? null : zone.tenant, caller, WHAT, id);
              if (!caller.canOperate() && !caller.isClient()) {
                throw ProblemException.forbidden(
                    "Level-1 support reads zones; engineers and the owning client change them");
              }
              return zone;
            });
  }

  private Uni<List<RecordSet>> current(UUID zoneId) {
    return RecordSetRow.<RecordSetRow>list("zoneId", zoneId)
        .map(rows -> rows.stream().map(RecordSetRow::recordSet).toList());
  }

  private String tenantFor(String requested, Caller caller) {
    if (caller.isClient()) {
      if (requested != null && !requested.equals(caller.tenant())) {
        throw ProblemException.invalidField("tenant", "a client creates zones for itself only");
      }
      return caller.tenant();
    }
    if (!caller.canOperate()) {
      throw ProblemException.forbidden(
          "Level-1 support reads zones; engineers and clients create them");
    }
    if (requested == null || requested.isBlank()) {
      throw ProblemException.invalidField("tenant", "is required: the client that owns the zone");
    }
    return requested;
  }

  private static void checkZone(Name name, List<RecordSet> sets, Caller caller, int quota) {
    boolean apexNs =
        sets.stream().anyMatch(s -> s.type().equals("NS") && s.name().equals(name.toString()));
    if (!apexNs) {
      throw ProblemException.invalidField(
          "recordSets", "the zone apex needs an NS record set (the template gives the hoster's)");
    }
    if (caller.isClient() && sets.size() > quota) {
      throw new ProblemException(
          422,
          "record-quota",
          "Record quota exceeded",
          "recordSets: at most " + quota + " record sets in this zone, not " + sets.size(),
          List.of(
              new io.vigie.kit.problem.Problem.FieldError(
                  "recordSets", "at most " + quota + " record sets (quota)")));
    }
  }

  private static ZoneTemplate template(DnsConfig.Template t) {
    List<RecordSetInput> sets = new ArrayList<>();
    t.nameServers().ifPresent(ns -> sets.add(new RecordSetInput("@", "NS", 86400L, ns)));
    t.mailExchangers().ifPresent(mx -> sets.add(new RecordSetInput("@", "MX", null, mx)));
    t.spf().ifPresent(spf -> sets.add(new RecordSetInput("@", "TXT", null, List.of(spf))));
    return new ZoneTemplate("hoster", sets);
  }
}
