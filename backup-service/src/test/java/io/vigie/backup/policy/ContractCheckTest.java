package io.vigie.backup.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.backup.policy.ContractCheck.Placement;
import io.vigie.kit.problem.Problem.FieldError;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** saint-roch: two copies in two distinct datacenters, never only DC2 where its web servers are. */
class ContractCheckTest {

  private static final Promise TWO_SITES = new Promise(1, 10, 7, 2, 2, Duration.ofHours(2));
  private static final Promise SOLO = new Promise(24, 7, 7, 1, 1, null);
  private static final UUID A = UUID.randomUUID();
  private static final UUID B = UUID.randomUUID();

  @Test
  void copiesInDc3AndDc5KeepTheContract() {
    assertThat(
            ContractCheck.check(
                TWO_SITES,
                Set.of("PAR-DC2"),
                List.of(new Placement(A, "PAR-DC3"), new Placement(B, "PAR-DC5"))))
        .isEmpty();
  }

  @Test
  void twoCopiesInOneDatacenterBreakTheDistinctSitesRule() {
    assertThat(
            ContractCheck.check(
                TWO_SITES,
                Set.of("PAR-DC2"),
                List.of(new Placement(A, "PAR-DC3"), new Placement(B, "PAR-DC3"))))
        .containsExactly(
            new FieldError(
                "copies",
                "the contract promises copies in 2 distinct datacenters; these repositories are in"
                    + " PAR-DC3"));
  }

  @Test
  void oneCopyWhereTwoArePromisedIsRefused() {
    assertThat(
            ContractCheck.check(TWO_SITES, Set.of("PAR-DC2"), List.of(new Placement(A, "PAR-DC3"))))
        .extracting(FieldError::message)
        .contains("the contract promises 2 copies; 1 given");
  }

  @Test
  void anOffSiteCopyMustLeaveEveryDatacenterTheTargetRunsIn() {
    // a hosted service spread over DC2 and DC3: copies in DC2 and DC3 are both "at home"
    List<FieldError> errors =
        ContractCheck.check(
            TWO_SITES,
            Set.of("PAR-DC2", "PAR-DC3"),
            List.of(new Placement(A, "PAR-DC2"), new Placement(B, "PAR-DC3")));
    assertThat(errors)
        .containsExactly(
            new FieldError(
                "copies",
                "the contract asks for a copy outside the target's datacenter (PAR-DC2, PAR-DC3);"
                    + " every copy is in PAR-DC2, PAR-DC3"));
  }

  @Test
  void theSameRepositoryTwiceIsNamedByItsIndex() {
    assertThat(
            ContractCheck.check(
                SOLO,
                Set.of("FSN-1"),
                List.of(new Placement(A, "HEL-1"), new Placement(A, "HEL-1"))))
        .containsExactly(
            new FieldError("copies[1].repositoryId", "is already copies[0]'s repository"));
  }

  @Test
  void aSingleSiteContractWithoutDrpAcceptsACopyAtHome() {
    assertThat(ContractCheck.check(SOLO, Set.of("FSN-1"), List.of(new Placement(A, "FSN-1"))))
        .isEmpty();
  }
}
