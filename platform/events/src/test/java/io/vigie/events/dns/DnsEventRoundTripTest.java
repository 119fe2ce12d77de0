package io.vigie.events.dns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.events.DomainEvent;
import io.vigie.events.EventCatalog;
import io.vigie.events.EventJson;
import io.vigie.events.backup.DrpDirection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** dns.events data: saint-roch's zone on the Toulouse platform (USE-CASES.md #1). */
class DnsEventRoundTripTest {

  private static final ObjectMapper JSON =
      EventJson.newMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final UUID ZONE = UUID.fromString("0192f3a0-0000-7000-8000-0000000d0001");
  private static final Instant AT = Instant.parse("2026-11-21T22:00:00Z");

  static Stream<DomainEvent> samples() {
    RecordSetData www = new RecordSetData(300, List.of("51.15.0.11", "51.15.0.12"));
    RecordSetData drp = new RecordSetData(60, List.of("51.159.5.20"));
    return Stream.of(
        new ZoneCreated(
            ZONE,
            "saint-roch",
            "saint-roch-demo.fr.",
            2026112101,
            List.of("pdns-par", "bind-hidden"),
            "engineer",
            AT),
        new RecordSetChanged(
            ZONE,
            "saint-roch",
            "saint-roch-demo.fr.",
            "www.saint-roch-demo.fr.",
            "A",
            www,
            drp,
            2026112102,
            "engineer",
            "DRP INC-000123",
            AT),
        new RecordSetChanged(
            ZONE,
            "saint-roch",
            "saint-roch-demo.fr.",
            "_dmarc.saint-roch-demo.fr.",
            "TXT",
            null,
            new RecordSetData(3600, List.of("\"v=DMARC1; p=none\"")),
            2026112103,
            "client-of-saint-roch",
            null,
            AT),
        new ZoneApplied(
            ZONE, "saint-roch", "saint-roch-demo.fr.", "pdns-par", 2026112102, 1, 2, 0, AT),
        new DriftFound(
            ZONE,
            "saint-roch",
            "saint-roch-demo.fr.",
            "bind-hidden",
            List.of(
                new DriftFound.Difference("www.saint-roch-demo.fr.", "A", www, drp),
                new DriftFound.Difference("old.saint-roch-demo.fr.", "A", null, drp)),
            AT));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void jsonRoundTripKeepsEveryField(DomainEvent event) throws Exception {
    String json = JSON.writeValueAsString(event);
    DomainEvent back =
        JSON.readValue(json, EventCatalog.dataClass(event.eventType()).orElseThrow());
    assertThat(back).isEqualTo(event);
    assertThat(json).doesNotContain("\"eventType\"", "\"topic\"", "\"aggregateId\"");
  }

  @Test
  void zoneIdIsTheKeyAndTheClientIsTheTenant() {
    samples()
        .forEach(
            event -> {
              assertThat(event.aggregateId()).isEqualTo(ZONE.toString());
              assertThat(event.tenant()).isEqualTo("saint-roch");
              assertThat(event.topic()).isEqualTo(DnsEvents.TOPIC);
            });
    assertThat(EventCatalog.all()).containsAllEntriesOf(DnsEvents.TYPES);
  }

  @Test
  void theDrpSwitchEventsRoundTripKeyedByTheRun() throws Exception {
    UUID plan = UUID.fromString("7d1c2b4e-0000-4000-8000-0000000000aa");
    UUID run = UUID.fromString("7d1c2b4e-0000-4000-8000-0000000000bb");
    List<DomainEvent> events =
        List.of(
            new DnsSwitchApplied(
                plan,
                run,
                "saint-roch",
                DrpDirection.FAILOVER,
                4,
                List.of("51.159.5.20"),
                List.of("www.saint-roch-demo.fr. A"),
                List.of("pdns-par", "bind-hidden"),
                AT),
            new DnsSwitchFailed(
                plan,
                run,
                "saint-roch",
                DrpDirection.RETURN_TO_PRODUCTION,
                4,
                List.of("51.15.0.11"),
                "bind-hidden still answers 51.159.5.20 for www.saint-roch-demo.fr. A",
                AT));
    for (DomainEvent event : events) {
      String json = JSON.writeValueAsString(event);
      assertThat(JSON.readValue(json, EventCatalog.dataClass(event.eventType()).orElseThrow()))
          .isEqualTo(event);
      assertThat(event.aggregateId()).isEqualTo(run.toString());
      assertThat(event.tenant()).isEqualTo("saint-roch");
      assertThat(event.topic()).isEqualTo(DnsEvents.TOPIC);
    }
  }
}
