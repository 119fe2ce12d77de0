package io.vigie.events;

import io.vigie.events.inventory.BackupTerms;
import io.vigie.events.inventory.BusinessDay;
import io.vigie.events.inventory.Certification;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.ContractTerms;
import io.vigie.events.inventory.DatacenterSnapshot;
import io.vigie.events.inventory.DrpTerms;
import io.vigie.events.inventory.GuestKind;
import io.vigie.events.inventory.HardwareSpec;
import io.vigie.events.inventory.HostedServiceKind;
import io.vigie.events.inventory.HostedServiceSnapshot;
import io.vigie.events.inventory.NetworkLink;
import io.vigie.events.inventory.PriorityTarget;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerSnapshot;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.events.inventory.SupportHours;
import io.vigie.events.inventory.VirtualMachineSnapshot;
import io.vigie.events.ticket.TicketRef;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Realistic event data from the Toulouse high-availability platform (USE-CASES.md #1). */
final class EventSamples {

  static final UUID DC2 = UUID.fromString("0192f3a0-0000-7000-8000-000000000002");
  static final UUID CLIENT = UUID.fromString("0192f3a0-0000-7000-8000-0000000000c1");
  static final UUID PARENT_INCIDENT = UUID.fromString("0192f3a0-0000-7000-8000-00000000d000");

  private EventSamples() {}

  static ContractTerms contract() {
    return new ContractTerms(
        new BigDecimal("99.95"),
        new SupportHours(
            SupportHours.Coverage.BUSINESS_HOURS,
            "Europe/Paris",
            List.of(
                new BusinessDay(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)),
                new BusinessDay(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(18, 0))),
            List.of(LocalDate.of(2026, 12, 25))),
        List.of(
            new PriorityTarget(
                PriorityTarget.Priority.P1, Duration.ofHours(1), Duration.ofHours(4)),
            new PriorityTarget(PriorityTarget.Priority.P4, Duration.ofDays(2), null)),
        new BackupTerms(1, 10, 7, 2, 2),
        new DrpTerms(Duration.ofHours(2), Duration.ofHours(4)));
  }

  static ClientSnapshot client() {
    return new ClientSnapshot(
        CLIENT, "lumiere", "Lumière SAS", "ops@lumiere.example", contract(), 3);
  }

  static DatacenterSnapshot datacenter() {
    return new DatacenterSnapshot(
        DC2,
        "PAR-DC2",
        "Paris DC2",
        "Scaleway",
        "Vitry-sur-Seine",
        "FR",
        3,
        Set.of(Certification.ISO_27001, Certification.HDS),
        0);
  }

  static ServerSnapshot loadBalancer() {
    return new ServerSnapshot(
        UUID.fromString("0192f3a0-0000-7000-8000-00000000a001"),
        "lb1.par-dc2.example.net",
        DC2,
        "PAR-DC2",
        null,
        12,
        Set.of(ServerRole.LOAD_BALANCER),
        ServerStatus.ACTIVE,
        new HardwareSpec(
            new HardwareSpec.Cpu("Intel Xeon D-1531", 1, 6, 12, new BigDecimal("2.2")),
            new HardwareSpec.Memory(32, "DDR4", false),
            new HardwareSpec.Storage(
                HardwareSpec.RaidLevel.RAID1,
                List.of(new HardwareSpec.DiskGroup(2, 250, HardwareSpec.DiskMedia.SSD)))),
        List.of(
            new NetworkLink(NetworkLink.Kind.INTERNET, "eth0", 300, 1000),
            new NetworkLink(NetworkLink.Kind.PRIVATE, "eth1", 1000, null)),
        "10.2.0.11",
        List.of("51.15.0.11"),
        List.of("192.168.2.11"),
        "Supermicro",
        "SYS-5018D-FN8T",
        "S12345",
        LocalDate.of(2024, 3, 1),
        LocalDate.of(2027, 3, 1),
        LocalDate.of(2030, 3, 1),
        2);
  }

  static VirtualMachineSnapshot container() {
    return new VirtualMachineSnapshot(
        UUID.fromString("0192f3a0-0000-7000-8000-00000000b001"),
        "ct-lumiere",
        GuestKind.LXC,
        loadBalancer().id(),
        CLIENT,
        "lumiere",
        2,
        4,
        40,
        List.of("10.0.0.5"),
        "Debian 12",
        0);
  }

  static HostedServiceSnapshot shop() {
    return new HostedServiceSnapshot(
        UUID.fromString("0192f3a0-0000-7000-8000-00000000c001"),
        CLIENT,
        "lumiere",
        "Boutique en ligne",
        HostedServiceKind.WEBSITE,
        "https://shop.lumiere.example",
        443,
        "nginx",
        List.of(loadBalancer().id()),
        List.of(container().id()),
        1);
  }

  /** Lumière's incident opened from the alert on the load balancer. */
  static io.vigie.events.ticket.InterventionRef intervention() {
    return new io.vigie.events.ticket.InterventionRef(
        java.util.UUID.fromString("0192f3a0-0000-7000-8000-00000000aa01"), "INT-2026-000042", 3);
  }

  static TicketRef incident() {
    return new TicketRef(
        UUID.fromString("0192f3a0-0000-7000-8000-00000000d001"), "INC-2026-000123", "lumiere", 2);
  }
}
