package io.vigie.backup.drp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.events.backup.DrpStepKind;
import io.vigie.kit.problem.Problem.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanCheckTest {

  static final PlanCheck.Site WEB1 =
      new PlanCheck.Site("web1.example.net", "PAR-DC2", List.of("203.0.113.10"));
  static final PlanCheck.Site DRP1 =
      new PlanCheck.Site("drp1.example.net", "PAR-DC5", List.of("198.51.100.5"));
  static final PlanCheck.Site BARE = new PlanCheck.Site("bare.example.net", "PAR-DC5", List.of());

  @Test
  void theRecoveryServerMustBeInAnotherDatacenterThanProduction() {
    assertThat(PlanCheck.servers(WEB1, DRP1, Set.of("PAR-DC2"))).isEmpty();
    assertThat(
            PlanCheck.servers(
                WEB1, new PlanCheck.Site("web2.example.net", "PAR-DC2", List.of()), Set.of()))
        .extracting(FieldError::field, FieldError::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "recoveryServerId",
                "the recovery server web2.example.net is in PAR-DC2, the datacenter of the"
                    + " production server web1.example.net: it must be in another datacenter"));
    assertThat(PlanCheck.servers(WEB1, DRP1, Set.of("PAR-DC2", "PAR-DC5")))
        .extracting(FieldError::field)
        .containsExactly("recoveryServerId");
  }

  @Test
  void aDnsSwitchDefaultsToTheServersPublicAddresses() {
    List<FieldError> errors = new ArrayList<>();
    List<PlanStep> steps =
        PlanCheck.steps(
            List.of(
                new DrpPlanRequest.Step(
                    DrpStepKind.RESTORE_FILES, " Copy files ", Duration.ofHours(3), null, null),
                new DrpPlanRequest.Step(
                    DrpStepKind.DNS_SWITCH, "DNS", Duration.ofMinutes(10), null, List.of())),
            WEB1,
            DRP1,
            errors);
    assertThat(errors).isEmpty();
    assertThat(steps.get(0).name()).isEqualTo("Copy files");
    assertThat(steps.get(1).failoverAddresses()).containsExactly("198.51.100.5");
    assertThat(steps.get(1).productionAddresses()).containsExactly("203.0.113.10");
  }

  @Test
  void everyBrokenStepRuleNamesItsField() {
    List<FieldError> errors = new ArrayList<>();
    PlanCheck.steps(
        List.of(
            new DrpPlanRequest.Step(
                DrpStepKind.CHECK, "Check", Duration.ZERO, List.of("198.51.100.5"), null),
            new DrpPlanRequest.Step(
                DrpStepKind.IMPORT_DATABASE,
                "Import",
                Duration.ofMinutes(-5),
                null,
                List.of("1.2.3.4")),
            new DrpPlanRequest.Step(
                DrpStepKind.DNS_SWITCH,
                "DNS",
                Duration.ofMinutes(10),
                List.of("drp1.example.net", "2001:db8::5", "2001:db8::5", "300.1.1.1"),
                null)),
        WEB1,
        BARE,
        errors);
    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly(
            "steps[0].estimated",
            "steps[0].failoverAddresses",
            "steps[1].estimated",
            "steps[1].productionAddresses",
            "steps[2].failoverAddresses[0]",
            "steps[2].failoverAddresses[2]",
            "steps[2].failoverAddresses[3]");
    errors.clear();
    PlanCheck.steps(
        List.of(
            new DrpPlanRequest.Step(
                DrpStepKind.DNS_SWITCH, "DNS", Duration.ofMinutes(1), null, null)),
        WEB1,
        BARE,
        errors);
    assertThat(errors)
        .extracting(FieldError::field, FieldError::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "steps[0].failoverAddresses",
                "the recovery server bare.example.net has no public address in the inventory:"
                    + " give the addresses"));
  }

  @Test
  void addressesAreIpLiteralsNeverNames() {
    assertThat(PlanCheck.ipLiteral("198.51.100.5")).isTrue();
    assertThat(PlanCheck.ipLiteral("0.0.0.0")).isTrue();
    assertThat(PlanCheck.ipLiteral("2001:db8::5")).isTrue();
    assertThat(PlanCheck.ipLiteral("::1")).isTrue();
    assertThat(PlanCheck.ipLiteral("::ffff:192.0.2.1")).isTrue();
    assertThat(PlanCheck.ipLiteral("256.1.1.1")).isFalse();
    assertThat(PlanCheck.ipLiteral("01.1.1.1")).isFalse();
    assertThat(PlanCheck.ipLiteral("1.2.3")).isFalse();
    assertThat(PlanCheck.ipLiteral("localhost")).isFalse();
    assertThat(PlanCheck.ipLiteral("dead:beef")).isFalse();
    assertThat(PlanCheck.ipLiteral("2001:db8:::5")).isFalse();
    assertThat(PlanCheck.ipLiteral("abc.example.net")).isFalse();
  }
}
