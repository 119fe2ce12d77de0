package io.vigie.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.events.backup.BackupEvents;
import io.vigie.events.inventory.ClientRegistered;
import io.vigie.events.inventory.ContractChanged;
import io.vigie.events.inventory.DatacenterRegistered;
import io.vigie.events.inventory.HostedServiceCreated;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.events.inventory.ServerStatusChanged;
import io.vigie.events.inventory.VirtualMachineProvisioned;
import io.vigie.events.monitoring.HostUsageRolledUp;
import io.vigie.events.monitoring.MonitoringEvents;
import io.vigie.events.ticket.ClockBreached;
import io.vigie.events.ticket.ClockKind;
import io.vigie.events.ticket.ClockWarningReached;
import io.vigie.events.ticket.ReportPublished;
import io.vigie.events.ticket.ResponderNeeded;
import io.vigie.events.ticket.SupportLevel;
import io.vigie.events.ticket.TicketClosed;
import io.vigie.events.ticket.TicketEscalated;
import io.vigie.events.ticket.TicketEvents;
import io.vigie.events.ticket.TicketOpened;
import io.vigie.events.ticket.TicketPriorityChanged;
import io.vigie.events.ticket.TicketResolved;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.events.ticket.TicketStatusChanged;
import io.vigie.events.ticket.TicketType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventRoundTripTest {

  private static final ObjectMapper JSON =
      EventJson.newMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  static Stream<DomainEvent> samples() {
    return Stream.of(
        new ClientRegistered(EventSamples.client()),
        new ContractChanged(EventSamples.client()),
        new DatacenterRegistered(EventSamples.datacenter()),
        new ServerRegistered(EventSamples.loadBalancer()),
        new ServerStatusChanged(
            EventSamples.loadBalancer().id(),
            "lb1.par-dc2.example.net",
            ServerStatus.ACTIVE,
            ServerStatus.MAINTENANCE,
            "Kernel update INC-000123",
            "engineer",
            Instant.parse("2026-11-21T22:00:00Z"),
            3),
        new VirtualMachineProvisioned(EventSamples.container()),
        new HostedServiceCreated(EventSamples.shop()),
        new io.vigie.events.monitoring.AlertFired(
            "a1b2",
            "critical",
            "check_http CRITICAL on web1",
            Instant.parse("2026-11-21T22:00:00Z"),
            "web1.par-dc2.example.net",
            EventSamples.loadBalancer().id(),
            List.of("lumiere"),
            List.of(EventSamples.shop().id()),
            false),
        new io.vigie.events.monitoring.AlertFired(
            "c3d4",
            "critical",
            "Filesystem /var on db1 has 4% of its space free",
            Instant.parse("2026-11-21T22:00:00Z"),
            "db1.par-dc2.example.net",
            EventSamples.loadBalancer().id(),
            List.of("lumiere"),
            List.of(),
            false,
            "filesystem-space-low",
            "kb:filesystem-full"),
        new io.vigie.events.monitoring.AlertResolved(
            "a1b2",
            EventSamples.loadBalancer().id(),
            "web1.par-dc2.example.net",
            Instant.parse("2026-11-21T22:00:00Z"),
            Instant.parse("2026-11-21T22:07:00Z")),
        new HostUsageRolledUp(
            EventSamples.loadBalancer().id(),
            Instant.parse("2026-11-21T21:00:00Z"),
            37.5,
            20.25,
            180),
        new TicketOpened(
            EventSamples.incident(),
            TicketType.INCIDENT,
            "Boutique en ligne unreachable",
            Priority.P1,
            SupportLevel.L1,
            EventSamples.PARENT_INCIDENT,
            "a1b2",
            Instant.parse("2026-11-21T22:00:00Z"),
            Instant.parse("2026-11-21T22:00:04Z")),
        new TicketStatusChanged(
            EventSamples.incident(),
            TicketStatus.NEW,
            TicketStatus.ACKNOWLEDGED,
            "engineer",
            Instant.parse("2026-11-21T22:09:00Z")),
        new TicketPriorityChanged(
            EventSamples.incident(),
            Priority.P2,
            Priority.P1,
            Instant.parse("2026-11-21T23:00:00Z"),
            Instant.parse("2026-11-22T02:00:00Z"),
            "engineer",
            Instant.parse("2026-11-21T22:10:00Z")),
        new TicketEscalated(
            EventSamples.incident(),
            SupportLevel.L1,
            SupportLevel.L2,
            true,
            "P1 unacknowledged at 50 % of its intervention time",
            "ticket-service",
            Instant.parse("2026-11-21T22:30:00Z")),
        new TicketResolved(
            EventSamples.incident(),
            TicketStatus.IN_PROGRESS,
            true,
            "engineer",
            Instant.parse("2026-11-21T23:40:00Z")),
        new TicketClosed(
            EventSamples.incident(),
            TicketStatus.RESOLVED,
            "client-of-lumiere",
            Instant.parse("2026-11-22T09:00:00Z")),
        new ClockWarningReached(
            EventSamples.incident(),
            ClockKind.INTERVENTION,
            75,
            Instant.parse("2026-11-21T23:00:00Z"),
            Instant.parse("2026-11-21T22:45:00Z")),
        new ClockBreached(
            EventSamples.incident(), ClockKind.RESOLUTION, Instant.parse("2026-11-22T02:00:00Z")),
        new ResponderNeeded(
            EventSamples.incident(),
            Priority.P1,
            SupportLevel.L2,
            ResponderNeeded.Reason.NEW_INCIDENT,
            Instant.parse("2026-11-21T23:00:00Z"),
            Instant.parse("2026-11-21T22:00:04Z")),
        new io.vigie.events.ticket.PageSent(
            EventSamples.incident(),
            UUID.fromString("0192f3a0-0000-7000-8000-00000000f001"),
            "alice",
            "EMAIL",
            1,
            2,
            Instant.parse("2026-11-21T22:05:01Z")),
        new io.vigie.events.ticket.PageEscalated(
            EventSamples.incident(),
            UUID.fromString("0192f3a0-0000-7000-8000-00000000f001"),
            1,
            2,
            Instant.parse("2026-11-21T22:05:00Z")),
        new io.vigie.events.ticket.PageAcknowledged(
            EventSamples.incident(),
            UUID.fromString("0192f3a0-0000-7000-8000-00000000f001"),
            "alice",
            Instant.parse("2026-11-21T22:00:04Z"),
            Instant.parse("2026-11-21T22:07:30Z")),
        new ReportPublished(
            EventSamples.incident(),
            UUID.fromString("0192f3a0-0000-7000-8000-00000000e001"),
            2,
            "alice",
            Instant.parse("2026-11-22T09:30:00Z")),
        new io.vigie.events.ticket.InterventionScheduled(
            EventSamples.intervention(),
            Instant.parse("2026-12-02T22:00:00Z"),
            Instant.parse("2026-12-02T23:30:00Z"),
            List.of(EventSamples.loadBalancer().id()),
            List.of(EventSamples.shop().id()),
            List.of("lumiere", "saint-roch"),
            "client-of-saint-roch",
            Instant.parse("2026-11-30T10:00:00Z")),
        new io.vigie.events.ticket.InterventionStarted(
            EventSamples.intervention(),
            Instant.parse("2026-12-02T22:00:00Z"),
            Instant.parse("2026-12-02T23:30:00Z"),
            List.of(EventSamples.loadBalancer().id()),
            List.of(),
            List.of("lumiere"),
            "engineer",
            Instant.parse("2026-12-02T22:01:00Z")),
        new io.vigie.events.ticket.InterventionEnded(
            EventSamples.intervention(),
            Instant.parse("2026-12-02T22:00:00Z"),
            Instant.parse("2026-12-02T23:30:00Z"),
            List.of(EventSamples.loadBalancer().id()),
            List.of(),
            List.of("lumiere"),
            "engineer",
            Instant.parse("2026-12-02T22:40:00Z")),
        new io.vigie.events.ticket.InterventionCancelled(
            EventSamples.intervention(),
            Instant.parse("2026-12-02T22:00:00Z"),
            Instant.parse("2026-12-02T23:30:00Z"),
            List.of(),
            List.of(EventSamples.shop().id()),
            List.of("lumiere"),
            "engineer",
            Instant.parse("2026-12-01T09:00:00Z")),
        new io.vigie.events.ticket.ArticlePublished(
            UUID.fromString("0192f3a0-0000-7000-8000-00000000a001"),
            "PLATFORM_DOCUMENTATION",
            "CLIENT",
            "lumiere",
            1,
            "alice",
            Instant.parse("2026-12-01T10:00:00Z")),
        new io.vigie.events.ticket.ArticleUpdated(
            UUID.fromString("0192f3a0-0000-7000-8000-00000000a001"),
            "RUNBOOK",
            "INTERNAL",
            null,
            2,
            "alice",
            Instant.parse("2026-12-01T11:00:00Z")),
        BackupSamples.succeeded(),
        BackupSamples.failed(),
        BackupSamples.overdue(),
        BackupSamples.rpoBreached(),
        BackupSamples.rpoRestored(),
        BackupSamples.drpActivated(),
        BackupSamples.dnsSwitchStarted(),
        BackupSamples.stepCompleted(),
        BackupSamples.drpCompleted(),
        BackupSamples.drpStepFailed(),
        BackupSamples.drpAborted(),
        BackupSamples.coverageGapFound(),
        BackupSamples.coverageGapClosed(),
        BackupSamples.restoreTestOverdue(),
        BackupSamples.repositoryStorageMeasured());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void jsonRoundTripKeepsEveryField(DomainEvent event) throws Exception {
    String json = JSON.writeValueAsString(event);
    DomainEvent back =
        JSON.readValue(json, EventCatalog.dataClass(event.eventType()).orElseThrow());
    assertThat(back).isEqualTo(event);
    // the envelope's attributes never leak into the data
    assertThat(json).doesNotContain("\"eventType\"", "\"topic\"", "\"aggregateId\"");
  }

  @Test
  void anAlertFiredPublishedBeforeHostDownExistedReadsAsNotDown() throws Exception {
    // replayed from monitoring.events' retention: written before the component was added
    String json =
        "{\"fingerprint\":\"a1b2\",\"severity\":\"critical\",\"summary\":\"down\","
            + "\"startedAt\":\"2026-11-21T22:00:00Z\",\"target\":\"web1\","
            + "\"serverId\":null,\"tenants\":[\"lumiere\"],\"hostedServiceIds\":[]}";
    io.vigie.events.monitoring.AlertFired fired =
        JSON.readValue(json, io.vigie.events.monitoring.AlertFired.class);
    assertThat(fired.hostDown()).isFalse();
    assertThat(fired.tenants()).containsExactly("lumiere");
    assertThat(fired.rule()).isNull();
    assertThat(fired.runbook()).isNull();
  }

  @Test
  void anAlertFiredCarriesItsRuleAndRunbookAsTrailingFields() throws Exception {
    String json =
        JSON.writeValueAsString(
            new io.vigie.events.monitoring.AlertFired(
                "a1b2",
                "critical",
                "down",
                Instant.parse("2026-11-21T22:00:00Z"),
                "web1",
                null,
                List.of(),
                List.of(),
                true,
                "host-down",
                "https://wiki.example.net/runbooks/host-down"));
    assertThat(json)
        .endsWith(
            "\"hostDown\":true,\"rule\":\"host-down\","
                + "\"runbook\":\"https://wiki.example.net/runbooks/host-down\"}");
    // the old constructor still compiles for producers that name neither
    assertThat(
            new io.vigie.events.monitoring.AlertFired(
                    "a1b2", "warning", "s", Instant.EPOCH, "t", null, List.of(), List.of(), false)
                .runbook())
        .isNull();
  }

  @Test
  void aRepositoryMeasuredBeforeCapacitiesExistedReadsWithoutOne() throws Exception {
    // replayed from backup.events' retention: written before capacityBytes was added
    String json =
        "{\"repositoryId\":\"0192f3a0-0000-7000-8000-0000000c0003\",\"tenant\":null,"
            + "\"repositoryName\":\"shared DC3\",\"datacenterCode\":\"PAR-DC3\","
            + "\"measuredAt\":\"2026-11-21T02:04:00Z\",\"totalSizeBytes\":42,"
            + "\"uncompressedSizeBytes\":null,\"snapshotsCount\":3}";
    io.vigie.events.backup.RepositoryStorageMeasured measured =
        JSON.readValue(json, io.vigie.events.backup.RepositoryStorageMeasured.class);
    assertThat(measured.capacityBytes()).isNull();
    assertThat(measured.totalSizeBytes()).isEqualTo(42);
    // the old constructor still compiles for producers that know no capacity
    assertThat(
            new io.vigie.events.backup.RepositoryStorageMeasured(
                    UUID.randomUUID(), null, "r", "PAR-DC3", Instant.EPOCH, 1, null, 1)
                .capacityBytes())
        .isNull();
    assertThat(JSON.writeValueAsString(BackupSamples.repositoryStorageMeasured()))
        .endsWith("\"snapshotsCount\":240,\"capacityBytes\":500000000000}");
  }

  @Test
  void durationsAndDatesAreIsoStrings() throws Exception {
    String json = JSON.writeValueAsString(new ContractChanged(EventSamples.client()));
    assertThat(json)
        .contains("\"timeToIntervention\":\"PT1H\"")
        .contains("\"rpo\":\"PT2H\"")
        .contains("\"holidays\":[\"2026-12-25\"]")
        .contains("\"opensAt\":\"09:00:00\"");
  }

  @Test
  void everyCatalogTypeFollowsTheNamingRuleAndMatchesItsRecord() throws Exception {
    for (Map.Entry<String, Class<? extends DomainEvent>> entry : EventCatalog.all().entrySet()) {
      assertThat(entry.getKey()).matches("io\\.vigie\\.[a-z]+\\.[a-z]+(-[a-z]+)*\\.v[0-9]+");
      DomainEvent blank = blankInstance(entry.getValue());
      assertThat(blank.eventType()).isEqualTo(entry.getKey());
      assertThat(blank.topic()).matches("[a-z]+\\.events");
    }
    assertThat(EventCatalog.all())
        .hasSize(
            InventoryEvents.TYPES.size()
                + MonitoringEvents.TYPES.size()
                + TicketEvents.TYPES.size()
                + io.vigie.events.dns.DnsEvents.TYPES.size()
                + BackupEvents.TYPES.size());
  }

  @Test
  void backupEventsAreKeyedByTheirPolicyOrPlanAndCarryTheClient() throws Exception {
    assertThat(BackupSamples.failed().aggregateId()).isEqualTo(BackupSamples.POLICY.toString());
    assertThat(BackupSamples.failed().tenant()).isEqualTo("saint-roch");
    assertThat(BackupSamples.failed().topic()).isEqualTo(BackupEvents.TOPIC);
    assertThat(BackupSamples.drpActivated().aggregateId()).isEqualTo(BackupSamples.PLAN.toString());
    String json = JSON.writeValueAsString(BackupSamples.rpoBreached());
    assertThat(json)
        .contains("\"rpo\":\"PT2H\"")
        .contains("\"datacenterCode\":\"PAR-DC5\"")
        .contains("\"kind\":\"HOSTED_SERVICE\"");
    assertThat(JSON.writeValueAsString(BackupSamples.dnsSwitchStarted()))
        .contains("\"kind\":\"DNS_SWITCH\"")
        .contains("\"switchToAddresses\":[\"203.0.113.50\"]")
        .contains("\"estimated\":\"PT5M\"");
  }

  @Test
  void aggregateIdIsTheKeyAndTenantComesFromTheOwner() {
    var vm = new VirtualMachineProvisioned(EventSamples.container());
    assertThat(vm.aggregateId()).isEqualTo(EventSamples.container().id().toString());
    assertThat(vm.tenant()).isEqualTo("lumiere");
    assertThat(new ServerRegistered(EventSamples.loadBalancer()).tenant()).isNull();
    assertThat(List.of(vm.topic())).containsExactly(InventoryEvents.TOPIC);
    var opened =
        new TicketStatusChanged(
            EventSamples.incident(), TicketStatus.NEW, TicketStatus.ACKNOWLEDGED, "engineer", null);
    assertThat(opened.aggregateId()).isEqualTo(EventSamples.incident().id().toString());
    assertThat(opened.tenant()).isEqualTo("lumiere");
    assertThat(opened.topic()).isEqualTo(TicketEvents.TOPIC);
  }

  private static Object zero(Class<?> type) {
    if (type == long.class) {
      return 0L;
    }
    if (type == double.class) {
      return 0.0;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == boolean.class) {
      return false;
    }
    return null;
  }

  private static DomainEvent blankInstance(Class<? extends DomainEvent> type) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    Object[] args = Stream.of(types).map(EventRoundTripTest::zero).toArray();
    return type.getDeclaredConstructor(types).newInstance(args);
  }
}
