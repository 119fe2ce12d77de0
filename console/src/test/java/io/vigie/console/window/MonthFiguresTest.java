package io.vigie.console.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.console.api.ClockTally;
import io.vigie.console.api.ServiceMonth;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonthFiguresTest {

  static ServiceMonth tickets(ClockTally gti) {
    return new ServiceMonth(
        "lumiere",
        "Lumière",
        "2026-11",
        "Europe/Paris",
        5,
        Map.of(),
        Map.of(),
        gti,
        null,
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void theShareOfGtiMetCountsMetAndBreachedNotRunningOnes() {
    YearMonth november = YearMonth.parse("2026-11");
    MonthFigures month = new MonthFigures(november, null, tickets(new ClockTally(3, 1, 2, 4)));
    assertThat(month.gtiDue()).isEqualTo(4);
    assertThat(month.gtiMet()).isEqualTo(3);
    assertThat(month.gtiMetPercent()).isEqualTo(75.0);
    assertThat(month.availabilityPercent()).isNull();
    // nothing due: no figure, not 0 % or 100 %
    assertThat(
            new MonthFigures(november, null, tickets(new ClockTally(0, 0, 1, 0))).gtiMetPercent())
        .isNull();
    assertThat(new MonthFigures(november, null, null).gtiMetPercent()).isNull();
  }
}
