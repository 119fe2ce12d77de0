package io.vigie.ticket.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.ticket.clock.ContractClock;
import io.vigie.ticket.report.IncidentFacts.AlertPeriod;
import io.vigie.ticket.report.ReportAssembly.Entry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Report facts from hand-built timelines, each figure computed by hand. */
class ReportAssemblyTest {

  static Instant at(String time) {
    return Instant.parse("2026-11-21T" + time + "Z");
  }

  static Entry pub(String time, String kind, String author, String body) {
    return new Entry(at(time), kind, false, author, body);
  }

  static ContractClock.State gti(Duration consumed, ContractClock.Phase phase, int threshold) {
    return new ContractClock.State(
        Duration.ofHours(1), consumed, phase, at("22:40:00"), threshold, at("22:00:00"));
  }

  @Test
  void anAlertIncidentStartsAtTheAlertAndRecoversWhenTheAlertClears() {
    // fired 22:00, monitoring opened it 22:02, engineer acknowledged 22:40, alert cleared 23:07,
    // resolved 23:15
    List<Entry> timeline =
        List.of(
            pub("22:02:00", "OPENED", "monitoring", "Opened INC-2026-000123: shop down"),
            pub("22:00:00", "ALERT_FIRED", "monitoring", "Alert fired at 22:00 on lb1"),
            new Entry(at("22:30:00"), "COMMENT", true, "alice", "client on the old plan"),
            pub("22:40:00", "STATUS_CHANGED", "alice", "NEW -> ACKNOWLEDGED"),
            pub("23:07:00", "ALERT_RESOLVED", "monitoring", "The alert cleared"),
            pub("23:15:00", "STATUS_CHANGED", "alice", "IN_PROGRESS -> RESOLVED"));
    IncidentFacts facts =
        ReportAssembly.assemble(
            new ReportAssembly.Incident(
                "INC-2026-000123",
                "Shop down",
                at("22:00:00"),
                at("22:40:00"),
                at("23:15:00"),
                gti(Duration.ofMinutes(40), ContractClock.Phase.STOPPED, 50)),
            timeline,
            List.of("Lumière"),
            List.of("shop", "shop", "api"),
            List.of("lb1"));

    assertThat(facts.start()).isEqualTo(at("22:00:00"));
    assertThat(facts.detection()).isEqualTo(at("22:02:00"));
    assertThat(facts.firstIntervention()).isEqualTo(at("22:40:00"));
    assertThat(facts.recovery()).isEqualTo(at("23:07:00"));
    assertThat(facts.duration()).isEqualTo(Duration.ofMinutes(67));
    assertThat(facts.alertPeriods())
        .containsExactly(new AlertPeriod(at("22:00:00"), at("23:07:00")));
    assertThat(facts.interventionTarget()).isEqualTo(Duration.ofHours(1));
    assertThat(facts.interventionMet()).isTrue();
    assertThat(facts.clients()).containsExactly("Lumière");
    assertThat(facts.hostedServices()).containsExactly("api", "shop");
    // the internal note is not in the report; the rest in time order
    assertThat(facts.timeline())
        .extracting(IncidentFacts.Line::kind)
        .containsExactly(
            "ALERT_FIRED", "OPENED", "STATUS_CHANGED", "ALERT_RESOLVED", "STATUS_CHANGED");
    assertThat(facts.timeline()).noneMatch(l -> l.text().contains("old plan"));
  }

  @Test
  void aFlappingAlertGivesEachPeriodAndRecoversAtItsLastClearing() {
    List<Entry> timeline =
        List.of(
            pub("22:00:00", "ALERT_FIRED", "monitoring", "fired"),
            pub("22:01:00", "OPENED", "monitoring", "opened"),
            pub("22:05:00", "ALERT_RESOLVED", "monitoring", "cleared"),
            pub("22:10:00", "ALERT_FIRED_AGAIN", "monitoring", "again"),
            pub("22:20:00", "ALERT_RESOLVED", "monitoring", "cleared"),
            pub("22:30:00", "STATUS_CHANGED", "bob", "IN_PROGRESS -> RESOLVED"));
    IncidentFacts facts =
        ReportAssembly.assemble(
            new ReportAssembly.Incident(
                "INC-1",
                "Flapping",
                at("22:00:00"),
                at("22:30:00"),
                at("22:30:00"),
                // business hours: the clock had counted 75 of its 60 minutes when someone acted
                gti(Duration.ofMinutes(75), ContractClock.Phase.STOPPED, 100)),
            timeline,
            List.of("Optique"),
            List.of(),
            List.of());
    assertThat(facts.alertPeriods())
        .containsExactly(
            new AlertPeriod(at("22:00:00"), at("22:05:00")),
            new AlertPeriod(at("22:10:00"), at("22:20:00")));
    assertThat(facts.recovery()).isEqualTo(at("22:20:00"));
    assertThat(facts.duration()).isEqualTo(Duration.ofMinutes(20));
    assertThat(facts.interventionMet()).isFalse();
  }

  @Test
  void anIncidentStillFiringRecoversAtItsResolutionAndAnUnmeasuredGtiIsSaidSo() {
    List<Entry> timeline =
        List.of(
            pub("22:00:00", "ALERT_FIRED", "monitoring", "fired"),
            pub("22:00:30", "OPENED", "monitoring", "opened"),
            pub("22:50:00", "STATUS_CHANGED", "monitoring", "resolved by policy"));
    IncidentFacts facts =
        ReportAssembly.assemble(
            new ReportAssembly.Incident(
                "INC-2",
                "Disk",
                at("22:00:00"),
                null,
                at("22:50:00"),
                gti(Duration.ofMinutes(50), ContractClock.Phase.RUNNING, 75)),
            timeline,
            List.of(),
            List.of(),
            List.of());
    assertThat(facts.alertPeriods()).containsExactly(new AlertPeriod(at("22:00:00"), null));
    assertThat(facts.recovery()).isEqualTo(at("22:50:00"));
    assertThat(facts.duration()).isEqualTo(Duration.ofMinutes(50));
    assertThat(facts.firstIntervention()).isNull();
    assertThat(facts.interventionMet()).isNull();
  }

  @Test
  void aTicketOpenedByHandStartsAtItsClockAndHasNoAlertPeriods() {
    IncidentFacts facts =
        ReportAssembly.assemble(
            new ReportAssembly.Incident(
                "INC-3", "Slow site", at("09:00:00"), at("09:10:00"), at("11:00:00"), null),
            List.of(
                pub("09:00:00", "OPENED", "client", "opened"),
                pub("09:10:00", "COMMENT", "alice", "looking")),
            List.of("Lumière"),
            List.of(),
            List.of());
    assertThat(facts.start()).isEqualTo(at("09:00:00"));
    assertThat(facts.detection()).isEqualTo(at("09:00:00"));
    assertThat(facts.recovery()).isEqualTo(at("11:00:00"));
    assertThat(facts.duration()).isEqualTo(Duration.ofHours(2));
    assertThat(facts.alertPeriods()).isEmpty();
    assertThat(facts.interventionTarget()).isNull();
    assertThat(facts.interventionMet()).isNull();
  }
}
