package io.vigie.dns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.dns.zone.Plan.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {

  private static final RecordSet WWW =
      new RecordSet("www.lumiere-demo.com.", "A", 300, List.of("51.15.0.11", "51.15.0.12"));
  private static final RecordSet API =
      new RecordSet("api.lumiere-demo.com.", "A", 300, List.of("51.15.0.13"));
  private static final RecordSet MX =
      new RecordSet("lumiere-demo.com.", "MX", 3600, List.of("10 mx1.hoster-demo.net."));
  private static final RecordSet SOA =
      new RecordSet(
          "lumiere-demo.com.",
          "SOA",
          3600,
          List.of("ns1.hoster-demo.net. hostmaster.hoster-demo.net. 1 3600 600 1209600 300"));

  @Test
  void addsChangesAndRemovesPerRrsetInNameOrder() {
    RecordSet wwwMoved = new RecordSet(WWW.name(), "A", 60, List.of("51.159.5.20"));
    Plan plan = Plan.between(List.of(wwwMoved, MX), List.of(API, WWW, SOA));
    assertThat(plan.changes())
        .containsExactly(
            new Plan.Change(Action.REMOVE, API.key(), API, null),
            new Plan.Change(Action.ADD, MX.key(), null, MX),
            new Plan.Change(Action.CHANGE, WWW.key(), WWW, wwwMoved));
    assertThat(plan.count(Action.CHANGE)).isEqualTo(1);
  }

  @Test
  void sameContentIsInSyncAndTheSoaIsLeftToTheProvider() {
    assertThat(Plan.between(List.of(WWW, MX), List.of(MX, SOA, WWW)).isEmpty()).isTrue();
    // record order does not matter; a TTL alone does
    RecordSet reordered = new RecordSet(WWW.name(), "A", 300, List.of("51.15.0.12", "51.15.0.11"));
    assertThat(Plan.between(List.of(reordered), List.of(WWW)).isEmpty()).isTrue();
    RecordSet longer = new RecordSet(WWW.name(), "A", 3600, WWW.records());
    assertThat(Plan.between(List.of(longer), List.of(WWW)).changes())
        .extracting(Plan.Change::action)
        .containsExactly(Action.CHANGE);
  }
}
