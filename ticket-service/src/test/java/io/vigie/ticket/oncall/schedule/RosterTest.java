package io.vigie.ticket.oncall.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.ticket.oncall.schedule.Roster.Shift;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rotations, layers and overrides against hand-computed hand-offs in Europe/Paris, including both
 * 2026 DST changes (29 March 02:00 CET -> 03:00 CEST; 25 October 03:00 CEST -> 02:00 CET).
 */
class RosterTest {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final List<String> THREE = List.of("alice", "bob", "carol");

  static Instant at(String utc) {
    return Instant.parse(utc);
  }

  static Rotation daily(String firstHandoff, String handoff) {
    return new Rotation(THREE, 1, LocalTime.parse(handoff), PARIS, LocalDate.parse(firstHandoff));
  }

  @Test
  void aDailyHandOffStaysAtNineLocalAcrossTheSpringChange() {
    Rotation r = daily("2026-03-27", "09:00");
    assertThat(r.handoff(0)).isEqualTo(at("2026-03-27T08:00:00Z")); // 09:00 CET
    assertThat(r.handoff(1)).isEqualTo(at("2026-03-28T08:00:00Z"));
    assertThat(r.handoff(2)).isEqualTo(at("2026-03-29T07:00:00Z")); // 09:00 CEST
    assertThat(r.handoff(3)).isEqualTo(at("2026-03-30T07:00:00Z"));
    assertThat(Duration.between(r.handoff(1), r.handoff(2))).isEqualTo(Duration.ofHours(23));
    assertThat(r.holder(at("2026-03-27T07:59:59Z"))).isNull();
    assertThat(r.holder(at("2026-03-27T08:00:00Z"))).isEqualTo("alice");
    assertThat(r.holder(at("2026-03-29T06:59:59Z"))).isEqualTo("bob"); // 08:59:59 CEST
    assertThat(r.holder(at("2026-03-29T07:00:00Z"))).isEqualTo("carol");
    assertThat(r.holder(at("2026-03-30T07:00:00Z"))).isEqualTo("alice");
  }

  @Test
  void aDailyHandOffStaysAtNineLocalAcrossTheAutumnChange() {
    Rotation r = daily("2026-10-23", "09:00");
    assertThat(r.handoff(0)).isEqualTo(at("2026-10-23T07:00:00Z")); // 09:00 CEST
    assertThat(r.handoff(2)).isEqualTo(at("2026-10-25T08:00:00Z")); // 09:00 CET
    assertThat(Duration.between(r.handoff(1), r.handoff(2))).isEqualTo(Duration.ofHours(25));
    assertThat(r.holder(at("2026-10-25T07:30:00Z"))).isEqualTo("bob"); // 08:30 CET
    assertThat(r.holder(at("2026-10-25T08:00:00Z"))).isEqualTo("carol");
  }

  @Test
  void aWeeklyHandOffOnMondayMorningAcrossBothChanges() {
    Rotation spring =
        new Rotation(THREE, 7, LocalTime.of(8, 0), PARIS, LocalDate.parse("2026-03-23"));
    assertThat(spring.handoff(0)).isEqualTo(at("2026-03-23T07:00:00Z"));
    assertThat(spring.handoff(1)).isEqualTo(at("2026-03-30T06:00:00Z"));
    assertThat(Duration.between(spring.handoff(0), spring.handoff(1))).hasHours(167);
    assertThat(spring.holder(at("2026-03-30T05:59:59Z"))).isEqualTo("alice");
    assertThat(spring.holder(at("2026-03-30T06:00:00Z"))).isEqualTo("bob");
    assertThat(spring.holder(at("2026-04-13T06:00:00Z"))).isEqualTo("alice"); // third week over

    Rotation autumn =
        new Rotation(THREE, 7, LocalTime.of(8, 0), PARIS, LocalDate.parse("2026-10-19"));
    assertThat(autumn.handoff(0)).isEqualTo(at("2026-10-19T06:00:00Z"));
    assertThat(autumn.handoff(1)).isEqualTo(at("2026-10-26T07:00:00Z"));
    assertThat(Duration.between(autumn.handoff(0), autumn.handoff(1))).hasHours(169);
    assertThat(autumn.holder(at("2026-10-26T06:30:00Z"))).isEqualTo("alice"); // 07:30 CET
  }

  @Test
  void aHandOffTimeTheSpringChangeSkipsHappensJustAfterTheGap() {
    Rotation r = daily("2026-03-28", "02:30");
    assertThat(r.handoff(0)).isEqualTo(at("2026-03-28T01:30:00Z")); // 02:30 CET
    assertThat(r.handoff(1)).isEqualTo(at("2026-03-29T01:30:00Z")); // 03:30 CEST
    assertThat(r.handoff(2)).isEqualTo(at("2026-03-30T00:30:00Z")); // 02:30 CEST
    // the autumn 02:30 happens twice: the hand-off is at the first one
    Rotation autumn = daily("2026-10-25", "02:30");
    assertThat(autumn.handoff(0)).isEqualTo(at("2026-10-25T00:30:00Z"));
  }

  /** A weekly day layer (alice, bob from Monday 09:00) under a night layer (carol, dan). */
  static Roster hoster(List<Cover> covers) {
    Layer weeks =
        new Layer(
            "weeks",
            new Rotation(
                List.of("alice", "bob"),
                7,
                LocalTime.of(9, 0),
                PARIS,
                LocalDate.parse("2026-11-30")),
            null,
            null);
    Layer nights =
        new Layer(
            "nights",
            new Rotation(
                List.of("carol", "dan"),
                1,
                LocalTime.of(19, 0),
                PARIS,
                LocalDate.parse("2026-11-30")),
            LocalTime.of(19, 0),
            LocalTime.of(8, 0));
    return new Roster(List.of(weeks, nights), covers);
  }

  @Test
  void theNightLayerWinsAtNightAndTheWeekLayerByDay() {
    Roster roster = hoster(List.of());
    assertThat(roster.onCall(at("2026-11-30T07:59:59Z"))).isNull(); // before any hand-off
    assertThat(roster.onCall(at("2026-12-01T11:00:00Z"))).isEqualTo("alice"); // Tue 12:00
    assertThat(roster.onCall(at("2026-12-01T21:00:00Z"))).isEqualTo("dan"); // Tue 22:00
    assertThat(roster.onCall(at("2026-12-02T06:59:59Z"))).isEqualTo("dan"); // Wed 07:59:59
    assertThat(roster.onCall(at("2026-12-02T07:00:00Z"))).isEqualTo("alice"); // Wed 08:00
    assertThat(roster.onCall(at("2026-12-07T08:00:00Z"))).isEqualTo("bob"); // Mon 09:00
  }

  @Test
  void anOverrideCoversOnePersonForAPeriod() {
    Cover bobForAlice =
        new Cover("bob", "alice", at("2026-12-01T10:00:00Z"), at("2026-12-01T14:00:00Z"));
    Roster roster = hoster(List.of(bobForAlice));
    assertThat(roster.onCall(at("2026-12-01T09:59:59Z"))).isEqualTo("alice");
    assertThat(roster.onCall(at("2026-12-01T10:00:00Z"))).isEqualTo("bob");
    assertThat(roster.onCall(at("2026-12-01T14:00:00Z"))).isEqualTo("alice");

    assertThat(roster.shifts(at("2026-12-01T00:00:00Z"), at("2026-12-02T00:00:00Z")))
        .containsExactly(
            new Shift("carol", at("2026-12-01T00:00:00Z"), at("2026-12-01T07:00:00Z")),
            new Shift("alice", at("2026-12-01T07:00:00Z"), at("2026-12-01T10:00:00Z")),
            new Shift("bob", at("2026-12-01T10:00:00Z"), at("2026-12-01T14:00:00Z")),
            new Shift("alice", at("2026-12-01T14:00:00Z"), at("2026-12-01T18:00:00Z")),
            new Shift("dan", at("2026-12-01T18:00:00Z"), at("2026-12-02T00:00:00Z")));

    assertThat(roster.nowAndNext(at("2026-12-01T12:00:00Z")))
        .containsExactly(
            new Shift("bob", at("2026-12-01T10:00:00Z"), at("2026-12-01T14:00:00Z")),
            new Shift("alice", at("2026-12-01T14:00:00Z"), at("2026-12-01T18:00:00Z")));
  }

  @Test
  void anOverrideNamingNobodyCoversWhoeverIsOnCallAndDoesNotApplyToSomeoneElse() {
    Cover erinTonight =
        new Cover("erin", null, at("2026-12-01T18:00:00Z"), at("2026-12-02T07:00:00Z"));
    Cover bobForAlice =
        new Cover("bob", "alice", at("2026-12-01T20:00:00Z"), at("2026-12-01T22:00:00Z"));
    Roster roster = hoster(List.of(erinTonight, bobForAlice));
    assertThat(roster.onCall(at("2026-12-01T21:00:00Z"))).isEqualTo("erin");
    assertThat(roster.onCall(at("2026-12-02T07:00:00Z"))).isEqualTo("alice");
  }

  @Test
  void shiftsAcrossTheAutumnChangeKeepLocalHandOffs() {
    Layer days = new Layer("days", daily("2026-10-24", "09:00"), null, null);
    Roster roster = new Roster(List.of(days), List.of());
    assertThat(roster.shifts(at("2026-10-24T00:00:00Z"), at("2026-10-26T12:00:00Z")))
        .containsExactly(
            new Shift(null, at("2026-10-24T00:00:00Z"), at("2026-10-24T07:00:00Z")),
            new Shift("alice", at("2026-10-24T07:00:00Z"), at("2026-10-25T08:00:00Z")),
            new Shift("bob", at("2026-10-25T08:00:00Z"), at("2026-10-26T08:00:00Z")),
            new Shift("carol", at("2026-10-26T08:00:00Z"), at("2026-10-26T12:00:00Z")));
  }
}
