package io.vigie.monitoring.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerfDataTest {

  @Test
  void readsWhatCheckDiskAndCheckHttpPrint() {
    // check_disk: DISK OK - free space: / 3326 MB (56% inode=99%); | /=2643MB;5948;5958;0;5968
    // check_http: HTTP OK: ... | time=0.032951s;1.000000;2.000000;0.000000 size=612B;;;0
    List<PerfData> items =
        PerfData.parseAll(
            "/=2643MB;5948;5958;0;5968 'inode free /'=99%;;;; time=0.032951s;1.000000;2.000000;0.000000 size=612B;;;0");
    assertThat(items).hasSize(4);
    assertThat(items.get(0))
        .isEqualTo(
            new PerfData(
                "/",
                new BigDecimal("2643"),
                "MB",
                "5948",
                "5958",
                BigDecimal.ZERO,
                new BigDecimal("5968")));
    assertThat(items.get(1).label()).isEqualTo("inode free /");
    assertThat(items.get(1).unit()).isEqualTo("%");
    assertThat(items.get(2).value()).isEqualByComparingTo("0.032951");
    assertThat(items.get(2).unit()).isEqualTo("s");
    assertThat(items.get(3).max()).isNull();
  }

  @Test
  void keepsRangeThresholdsAsWrittenAndCountersWithoutUnit() {
    PerfData load = PerfData.parse("load1=0.210;@5:10;~:20;0;");
    assertThat(load.warn()).isEqualTo("@5:10");
    assertThat(load.crit()).isEqualTo("~:20");
    assertThat(PerfData.parse("errors=12c").unit()).isEqualTo("c");
    assertThat(PerfData.parse("'it''s'=1").label()).isEqualTo("it's");
    assertThat(PerfData.parseAll("  ")).isEmpty();
  }

  @Test
  void refusesWhatIsNotPerfdataNamingTheItem() {
    assertThatThrownBy(() -> PerfData.parse("novalue")).hasMessageContaining("label=value");
    assertThatThrownBy(() -> PerfData.parse("time=fast")).hasMessageContaining("time");
    assertThatThrownBy(() -> PerfData.parse("size=12parsecs")).hasMessageContaining("unknown unit");
    assertThatThrownBy(() -> PerfData.parse("a=1;2;3;4;5;6")).hasMessageContaining("more than 5");
  }
}
