package io.vigie.inventory.clients;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.events.inventory.BackupTerms;
import io.vigie.events.inventory.BusinessDay;
import io.vigie.events.inventory.ContractTerms;
import io.vigie.events.inventory.DrpTerms;
import io.vigie.events.inventory.PriorityTarget;
import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.inventory.SupportHours;
import io.vigie.kit.problem.ProblemException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractRulesTest {

  private static final SupportHours ALWAYS =
      new SupportHours(SupportHours.Coverage.ALWAYS, "Europe/Paris", null, null);
  private static final List<PriorityTarget> H_PLUS_1 =
      List.of(new PriorityTarget(Priority.P1, Duration.ofHours(1), Duration.ofHours(4)));
  private static final BackupTerms HOURLY_TWO_SITES = new BackupTerms(1, 10, 7, 2, 2);

  @Test
  void theToulousePlatformContractIsValid() {
    assertThatCode(
            () ->
                ContractRules.check(
                    new ContractTerms(
                        new BigDecimal("99.95"),
                        ALWAYS,
                        H_PLUS_1,
                        HOURLY_TWO_SITES,
                        new DrpTerms(Duration.ofHours(2), Duration.ofHours(4)))))
        .doesNotThrowAnyException();
  }

  @Test
  void businessHoursNeedDaysThatCloseAfterTheyOpen() {
    SupportHours none =
        new SupportHours(SupportHours.Coverage.BUSINESS_HOURS, "Europe/Paris", List.of(), null);
    assertField(
        new ContractTerms(BigDecimal.TEN, none, H_PLUS_1, HOURLY_TWO_SITES, null),
        "contract.supportHours.businessDays");
    SupportHours backwards =
        new SupportHours(
            SupportHours.Coverage.BUSINESS_HOURS,
            "Europe/Paris",
            List.of(new BusinessDay(DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(9, 0))),
            null);
    assertField(
        new ContractTerms(BigDecimal.TEN, backwards, H_PLUS_1, HOURLY_TWO_SITES, null),
        "contract.supportHours.businessDays[0].closesAt");
  }

  @Test
  void refusesDuplicatePrioritiesMoreSitesThanCopiesAndEmptyDurations() {
    List<PriorityTarget> twice =
        List.of(
            new PriorityTarget(Priority.P1, Duration.ofHours(1), null),
            new PriorityTarget(Priority.P1, Duration.ofHours(2), null));
    assertField(
        new ContractTerms(BigDecimal.TEN, ALWAYS, twice, HOURLY_TWO_SITES, null),
        "contract.priorityTargets[1].priority");
    assertField(
        new ContractTerms(BigDecimal.TEN, ALWAYS, H_PLUS_1, new BackupTerms(1, 10, 7, 1, 2), null),
        "contract.backup.distinctSites");
    assertField(
        new ContractTerms(
            BigDecimal.TEN,
            ALWAYS,
            H_PLUS_1,
            HOURLY_TWO_SITES,
            new DrpTerms(Duration.ZERO, Duration.ofHours(4))),
        "contract.drp.rpo");
    assertField(
        new ContractTerms(
            BigDecimal.TEN,
            ALWAYS,
            List.of(new PriorityTarget(Priority.P2, Duration.ofHours(-1), null)),
            HOURLY_TWO_SITES,
            null),
        "contract.priorityTargets[0].timeToIntervention");
  }

  private static void assertField(ContractTerms contract, String field) {
    assertThatThrownBy(() -> ContractRules.check(contract))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(
                        e.toProblem(null).errors().get(0).field())
                    .isEqualTo(field));
  }
}
