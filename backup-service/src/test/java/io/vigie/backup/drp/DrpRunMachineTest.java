package io.vigie.backup.drp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.events.DomainEvent;
import io.vigie.events.backup.DrpAborted;
import io.vigie.events.backup.DrpActivated;
import io.vigie.events.backup.DrpCompleted;
import io.vigie.events.backup.DrpDirection;
import io.vigie.events.backup.DrpStepCompleted;
import io.vigie.events.backup.DrpStepFailed;
import io.vigie.events.backup.DrpStepKind;
import io.vigie.events.backup.DrpStepStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * saint-roch's DRP (USE-CASES.md #3): copy files to the DRP server, import the database, confirm by
 * ticket, switch DNS; every transition of the run, allowed and refused.
 */
class DrpRunMachineTest {

  static final UUID PLAN = UUID.fromString("0190a000-0000-7000-8000-000000000001");
  static final UUID RUN = UUID.fromString("0190a000-0000-7000-8000-000000000002");
  static final UUID WEB1 = UUID.fromString("0190a000-0000-7000-8000-0000000000a1");
  static final UUID DRP1 = UUID.fromString("0190a000-0000-7000-8000-0000000000d5");
  static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");

  static final List<PlanStep> STEPS =
      List.of(
          new PlanStep(DrpStepKind.RESTORE_FILES, "Copy files", Duration.ofHours(3), null, null),
          new PlanStep(
              DrpStepKind.IMPORT_DATABASE, "Import MySQL", Duration.ofHours(1), null, null),
          new PlanStep(
              DrpStepKind.CONFIRM_BY_TICKET, "Client confirms", Duration.ofMinutes(30), null, null),
          new PlanStep(
              DrpStepKind.DNS_SWITCH,
              "DNS to the DRP server",
              Duration.ofMinutes(10),
              List.of("198.51.100.5"),
              List.of("203.0.113.10", "203.0.113.11")));

  static DrpRunMachine.Transition activate(DrpDirection direction) {
    return DrpRunMachine.activate(
        new DrpRunMachine.Activation(
            RUN,
            PLAN,
            "saint-roch DRP",
            "saint-roch",
            direction,
            WEB1,
            DRP1,
            STEPS,
            "marie",
            "DC2 flooded"),
        T0);
  }

  static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  @Test
  void activationPublishesDrpActivatedThenStartsTheFirstStep() {
    DrpRunMachine.Transition t = activate(DrpDirection.FAILOVER);
    assertThat(t.events())
        .containsExactly(
            new DrpActivated(
                PLAN,
                RUN,
                "saint-roch",
                DrpDirection.FAILOVER,
                WEB1,
                DRP1,
                "marie",
                "DC2 flooded",
                T0),
            new DrpStepStarted(
                PLAN,
                RUN,
                "saint-roch",
                DrpDirection.FAILOVER,
                1,
                DrpStepKind.RESTORE_FILES,
                "Copy files",
                Duration.ofHours(3),
                List.of(),
                T0));
    RunSheet s = t.sheet();
    assertThat(s.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(s.fromServerId()).isEqualTo(WEB1);
    assertThat(s.toServerId()).isEqualTo(DRP1);
    assertThat(s.steps())
        .extracting(SheetStep::status)
        .containsExactly(
            StepStatus.RUNNING, StepStatus.PENDING, StepStatus.PENDING, StepStatus.PENDING);
    assertThat(s.steps().get(0).startedAt()).isEqualTo(T0);
    assertThat(s.steps().get(0).attempts()).isEqualTo(1);
    assertThat(s.current()).map(SheetStep::position).contains(1);
  }

  @Test
  void aFailoverRunsEveryStepInOrderWithItsTimestampsAndCompletes() {
    RunSheet s = activate(DrpDirection.FAILOVER).sheet();
    DrpRunMachine.Transition t = DrpRunMachine.complete(s, 1, "paul", "rsync done", at(170));
    assertThat(t.events())
        .containsExactly(
            new DrpStepCompleted(
                PLAN,
                RUN,
                "saint-roch",
                DrpDirection.FAILOVER,
                1,
                DrpStepKind.RESTORE_FILES,
                "Copy files",
                T0,
                at(170)),
            new DrpStepStarted(
                PLAN,
                RUN,
                "saint-roch",
                DrpDirection.FAILOVER,
                2,
                DrpStepKind.IMPORT_DATABASE,
                "Import MySQL",
                Duration.ofHours(1),
                List.of(),
                at(170)));
    s = t.sheet();
    assertThat(s.steps().get(0).completedBy()).isEqualTo("paul");
    assertThat(s.steps().get(0).note()).isEqualTo("rsync done");
    s = DrpRunMachine.complete(s, 2, "paul", null, at(230)).sheet();
    t = DrpRunMachine.complete(s, 3, "client-of-saint-roch", "go", at(240));
    assertThat(t.events().get(1))
        .isEqualTo(
            new DrpStepStarted(
                PLAN,
                RUN,
                "saint-roch",
                DrpDirection.FAILOVER,
                4,
                DrpStepKind.DNS_SWITCH,
                "DNS to the DRP server",
                Duration.ofMinutes(10),
                List.of("198.51.100.5"),
                at(240)));
    t = DrpRunMachine.dnsSwitchApplied(t.sheet(), 4, at(246));
    assertThat(t.events())
        .containsExactly(
            new DrpStepCompleted(
                PLAN,
                RUN,
                "saint-roch",
                DrpDirection.FAILOVER,
                4,
                DrpStepKind.DNS_SWITCH,
                "DNS to the DRP server",
                at(240),
                at(246)),
            new DrpCompleted(PLAN, RUN, "saint-roch", DrpDirection.FAILOVER, T0, at(246)));
    s = t.sheet();
    assertThat(s.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(s.finishedAt()).isEqualTo(at(246));
    assertThat(s.steps()).extracting(SheetStep::status).containsOnly(StepStatus.COMPLETED);
    assertThat(s.steps())
        .extracting(SheetStep::completedAt)
        .containsExactly(at(170), at(230), at(240), at(246));
    assertThat(s.steps().get(3).completedBy()).isEqualTo("dns-service");
    assertThat(s.current()).isEmpty();
  }

  @Test
  void theReturnMovesDataBackBeforeSwitchingDnsToTheProductionAddresses() {
    List<PlanStep> plan =
        List.of(
            new PlanStep(
                DrpStepKind.DNS_SWITCH,
                "DNS",
                Duration.ofMinutes(10),
                List.of("198.51.100.5"),
                List.of("203.0.113.10")),
            new PlanStep(DrpStepKind.CHECK, "Smoke test", Duration.ofMinutes(5), null, null),
            new PlanStep(DrpStepKind.IMPORT_DATABASE, "Import", Duration.ofHours(1), null, null),
            new PlanStep(
                DrpStepKind.MAINTENANCE_MODE,
                "Maintenance page",
                Duration.ofMinutes(2),
                null,
                null),
            new PlanStep(DrpStepKind.RESTORE_FILES, "Files", Duration.ofHours(3), null, null),
            new PlanStep(
                DrpStepKind.CONFIRM_BY_TICKET, "Confirm", Duration.ofMinutes(30), null, null));
    assertThat(DrpScript.steps(plan, DrpDirection.FAILOVER))
        .extracting(SheetStep::name)
        .containsExactly("DNS", "Smoke test", "Import", "Maintenance page", "Files", "Confirm");
    List<SheetStep> back = DrpScript.steps(plan, DrpDirection.RETURN_TO_PRODUCTION);
    assertThat(back)
        .extracting(SheetStep::name)
        .containsExactly("Maintenance page", "Import", "Files", "Smoke test", "Confirm", "DNS");
    assertThat(back).extracting(SheetStep::position).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(back.get(5).switchToAddresses()).containsExactly("203.0.113.10");
    assertThat(DrpScript.steps(plan, DrpDirection.FAILOVER).get(0).switchToAddresses())
        .containsExactly("198.51.100.5");
  }

  @Test
  void theReturnGoesFromTheRecoveryServerBackToProduction() {
    DrpRunMachine.Transition t = activate(DrpDirection.RETURN_TO_PRODUCTION);
    DrpActivated activated = (DrpActivated) t.events().get(0);
    assertThat(activated.fromServerId()).isEqualTo(DRP1);
    assertThat(activated.toServerId()).isEqualTo(WEB1);
    RunSheet s = t.sheet();
    s = DrpRunMachine.complete(s, 1, "paul", null, at(1)).sheet();
    s = DrpRunMachine.complete(s, 2, "paul", null, at(2)).sheet();
    t = DrpRunMachine.complete(s, 3, "paul", null, at(3));
    assertThat(((DrpStepStarted) t.events().get(1)).switchToAddresses())
        .containsExactly("203.0.113.10", "203.0.113.11");
    t = DrpRunMachine.dnsSwitchApplied(t.sheet(), 4, at(4));
    assertThat(t.events().get(1))
        .isEqualTo(
            new DrpCompleted(
                PLAN, RUN, "saint-roch", DrpDirection.RETURN_TO_PRODUCTION, T0, at(4)));
  }

  @Test
  void aDnsSwitchIsCompletedOnlyByDnsServiceAndOtherStepsOnlyByPeople() {
    RunSheet s = walkTo(4);
    assertThatThrownBy(() -> DrpRunMachine.complete(s, 4, "paul", null, at(5)))
        .isInstanceOf(RunRefused.class)
        .hasMessageContaining("dns-service");
    assertThatThrownBy(() -> DrpRunMachine.fail(s, 4, "paul", "no", at(5)))
        .isInstanceOf(RunRefused.class);
    RunSheet first = activate(DrpDirection.FAILOVER).sheet();
    assertThatThrownBy(() -> DrpRunMachine.dnsSwitchApplied(first, 1, at(5)))
        .isInstanceOf(RunRefused.class)
        .hasMessageContaining("not a DNS switch");
    assertThatThrownBy(() -> DrpRunMachine.dnsSwitchFailed(first, 1, "x", at(5)))
        .isInstanceOf(RunRefused.class);
  }

  @Test
  void onlyTheRunningStepCanBeReportedOnce() {
    RunSheet s = activate(DrpDirection.FAILOVER).sheet();
    assertThatThrownBy(() -> DrpRunMachine.complete(s, 2, "paul", null, at(1)))
        .isInstanceOf(RunRefused.class)
        .hasMessage("step 2 is PENDING; the step being carried out is 1 (Copy files)");
    assertThatThrownBy(() -> DrpRunMachine.complete(s, 0, "paul", null, at(1)))
        .hasMessage("the run has no step 0 (steps 1 to 4)");
    assertThatThrownBy(() -> DrpRunMachine.complete(s, 5, "paul", null, at(1)))
        .isInstanceOf(RunRefused.class);
    RunSheet next = DrpRunMachine.complete(s, 1, "paul", null, at(1)).sheet();
    assertThatThrownBy(() -> DrpRunMachine.complete(next, 1, "paul", null, at(2)))
        .hasMessageContaining("step 1 is COMPLETED");
    RunSheet dns = walkTo(4);
    RunSheet done = DrpRunMachine.dnsSwitchApplied(dns, 4, at(9)).sheet();
    assertThatThrownBy(() -> DrpRunMachine.dnsSwitchApplied(done, 4, at(10)))
        .hasMessage("the run is COMPLETED, no step is being carried out");
  }

  @Test
  void aFailedDnsSwitchStopsTheRunUntilAPersonRetriesIt() {
    RunSheet s = walkTo(4);
    DrpRunMachine.Transition t =
        DrpRunMachine.dnsSwitchFailed(s, 4, "ns2 still answers 203.0.113.10", at(20));
    assertThat(t.events())
        .containsExactly(
            new DrpStepFailed(
                PLAN,
                RUN,
                "saint-roch",
                DrpDirection.FAILOVER,
                4,
                DrpStepKind.DNS_SWITCH,
                "DNS to the DRP server",
                "ns2 still answers 203.0.113.10",
                "dns-service",
                at(3),
                at(20)));
    RunSheet failed = t.sheet();
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.outcome())
        .isEqualTo("step 4 (DNS to the DRP server) failed: ns2 still answers 203.0.113.10");
    assertThat(failed.steps().get(3).status()).isEqualTo(StepStatus.FAILED);
    assertThat(failed.steps().get(3).failure()).isEqualTo("ns2 still answers 203.0.113.10");
    assertThat(failed.current()).map(SheetStep::position).contains(4);
    assertThatThrownBy(() -> DrpRunMachine.dnsSwitchApplied(failed, 4, at(21)))
        .hasMessage("the run is FAILED, no step is being carried out");

    t = DrpRunMachine.retry(failed, "marie", at(30));
    assertThat(t.events())
        .containsExactly(
            new DrpStepStarted(
                PLAN,
                RUN,
                "saint-roch",
                DrpDirection.FAILOVER,
                4,
                DrpStepKind.DNS_SWITCH,
                "DNS to the DRP server",
                Duration.ofMinutes(10),
                List.of("198.51.100.5"),
                at(30)));
    RunSheet retried = t.sheet();
    assertThat(retried.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(retried.outcome()).isNull();
    assertThat(retried.steps().get(3).attempts()).isEqualTo(2);
    assertThat(retried.steps().get(3).failure()).isNull();
    assertThat(DrpRunMachine.dnsSwitchApplied(retried, 4, at(35)).sheet().status())
        .isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aPersonReportsAFailedStepAndAbortsTheRun() {
    RunSheet s = activate(DrpDirection.FAILOVER).sheet();
    DrpRunMachine.Transition f =
        DrpRunMachine.fail(s, 1, "paul", "backup server unreachable", at(5));
    assertThat(f.events())
        .containsExactly(
            new DrpStepFailed(
                PLAN,
                RUN,
                "saint-roch",
                DrpDirection.FAILOVER,
                1,
                DrpStepKind.RESTORE_FILES,
                "Copy files",
                "backup server unreachable",
                "paul",
                T0,
                at(5)));
    RunSheet failed = f.sheet();
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.steps().get(0).completedBy()).isEqualTo("paul");
    assertThatThrownBy(() -> DrpRunMachine.complete(failed, 1, "paul", null, at(6)))
        .isInstanceOf(RunRefused.class);
    DrpRunMachine.Transition t = DrpRunMachine.abort(failed, "marie", "restore by hand", at(7));
    assertThat(t.events())
        .containsExactly(
            new DrpAborted(
                PLAN,
                RUN,
                "saint-roch",
                DrpDirection.FAILOVER,
                "marie",
                "restore by hand",
                T0,
                at(7)));
    assertThat(t.sheet().status()).isEqualTo(RunStatus.ABORTED);
    assertThat(t.sheet().endedBy()).isEqualTo("marie");
    assertThat(t.sheet().outcome()).isEqualTo("restore by hand");
    assertThat(t.sheet().finishedAt()).isEqualTo(at(7));
    assertThatThrownBy(() -> DrpRunMachine.abort(t.sheet(), "marie", "again", at(8)))
        .hasMessage("the run is already ABORTED");
    assertThatThrownBy(() -> DrpRunMachine.retry(t.sheet(), "marie", at(8)))
        .hasMessage("only a failed run is retried; this one is ABORTED");
    assertThatThrownBy(() -> DrpRunMachine.retry(s, "marie", at(8)))
        .hasMessage("only a failed run is retried; this one is RUNNING");
    assertThat(DrpRunMachine.abort(s, "marie", "false alarm", at(9)).sheet().status())
        .isEqualTo(RunStatus.ABORTED);
  }

  @Test
  void aFailoverNeedsTheClientInProductionAndAReturnNeedsAFailover() {
    RunSheet failover = finished(DrpDirection.FAILOVER, RunStatus.COMPLETED);
    RunSheet back = finished(DrpDirection.RETURN_TO_PRODUCTION, RunStatus.COMPLETED);
    DrpRunMachine.mayStart(DrpDirection.FAILOVER, null);
    DrpRunMachine.mayStart(DrpDirection.FAILOVER, back);
    DrpRunMachine.mayStart(
        DrpDirection.FAILOVER, finished(DrpDirection.FAILOVER, RunStatus.ABORTED));
    assertThatThrownBy(() -> DrpRunMachine.mayStart(DrpDirection.FAILOVER, failover))
        .isInstanceOf(RunRefused.class)
        .hasMessageContaining("already runs on the recovery server");
    DrpRunMachine.mayStart(DrpDirection.RETURN_TO_PRODUCTION, failover);
    DrpRunMachine.mayStart(
        DrpDirection.RETURN_TO_PRODUCTION, finished(DrpDirection.FAILOVER, RunStatus.ABORTED));
    DrpRunMachine.mayStart(
        DrpDirection.RETURN_TO_PRODUCTION,
        finished(DrpDirection.RETURN_TO_PRODUCTION, RunStatus.ABORTED));
    assertThatThrownBy(() -> DrpRunMachine.mayStart(DrpDirection.RETURN_TO_PRODUCTION, null))
        .hasMessage("the client runs in production: there is nothing to return from");
    assertThatThrownBy(() -> DrpRunMachine.mayStart(DrpDirection.RETURN_TO_PRODUCTION, back))
        .isInstanceOf(RunRefused.class);
  }

  @Test
  void aPlanWithoutStepsCannotRun() {
    assertThatThrownBy(
            () ->
                DrpRunMachine.activate(
                    new DrpRunMachine.Activation(
                        RUN,
                        PLAN,
                        "p",
                        "t",
                        DrpDirection.FAILOVER,
                        WEB1,
                        DRP1,
                        List.of(),
                        "m",
                        "r"),
                    T0))
        .isInstanceOf(RunRefused.class);
  }

  @Test
  void everyEventCarriesThePlanAsItsKeyAndTheTenant() {
    List<DomainEvent> all = new java.util.ArrayList<>(activate(DrpDirection.FAILOVER).events());
    RunSheet s = activate(DrpDirection.FAILOVER).sheet();
    for (int p = 1; p <= 3; p++) {
      DrpRunMachine.Transition t = DrpRunMachine.complete(s, p, "paul", null, at(p));
      all.addAll(t.events());
      s = t.sheet();
    }
    all.addAll(DrpRunMachine.dnsSwitchApplied(s, 4, at(4)).events());
    assertThat(all).hasSize(10);
    assertThat(all).extracting(DomainEvent::aggregateId).containsOnly(PLAN.toString());
    assertThat(all).extracting(DomainEvent::tenant).containsOnly("saint-roch");
  }

  /** A failover whose steps before {@code position} are done. */
  static RunSheet walkTo(int position) {
    RunSheet s = activate(DrpDirection.FAILOVER).sheet();
    for (int p = 1; p < position; p++) {
      s = DrpRunMachine.complete(s, p, "paul", null, at(p)).sheet();
    }
    return s;
  }

  static RunSheet finished(DrpDirection direction, RunStatus status) {
    RunSheet s = activate(direction).sheet();
    return s.ended(status, at(60), null, null);
  }
}
