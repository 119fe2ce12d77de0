package io.vigie.backup.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.vigie.backup.coverage.CoverageCheck.Estate;
import io.vigie.backup.coverage.CoverageCheck.Policy;
import io.vigie.backup.coverage.CoverageCheck.Subject;
import io.vigie.backup.coverage.CoverageCheck.Terms;
import io.vigie.events.backup.BackupKind;
import io.vigie.events.backup.CoverageGapKind;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hand-built estates: PKGData's promise (hourly dumps kept 10 days, nightly files kept 7, two
 * copies in two datacenters) and Cognix's DRP with an RPO of 2 h (USE-CASES.md).
 */
class CoverageCheckTest {

  static final Terms TWO_SITES = new Terms(1, 10, 7, 2, 2, null);
  static final Terms WITH_DRP = new Terms(2, 10, 7, 2, 2, Duration.ofHours(2));
  static final Subject CLIENT = new Subject("CLIENT", id(1), "PKGData SAS");
  static final Subject WEB1 = new Subject("SERVER", id(2), "web1.pkgdata.example.net");
  static final Subject VM = new Subject("VIRTUAL_MACHINE", id(3), "vm-app1");
  static final Subject MYSQL = new Subject("HOSTED_SERVICE", id(4), "PKGData MySQL");

  static UUID id(int n) {
    return UUID.fromString("0190b000-0000-7000-8000-%012d".formatted(n));
  }

  static Policy policy(int n, BackupKind kind, Subject target, String... sites) {
    return new Policy(id(100 + n), "policy " + n, kind, target.kind(), target.id(), List.of(sites));
  }

  @Test
  void aClientWithEveryTargetCoveredAsPromisedHasNoGap() {
    Estate e =
        new Estate(
            CLIENT,
            TWO_SITES,
            List.of(WEB1, VM),
            List.of(MYSQL),
            List.of(
                policy(1, BackupKind.FILES, WEB1, "PAR-DC3", "PAR-DC5"),
                policy(2, BackupKind.FILES, VM, "PAR-DC3", "PAR-DC5"),
                policy(3, BackupKind.DATABASE, MYSQL, "PAR-DC3", "PAR-DC5", "PAR-DC5")),
            0);
    assertThat(CoverageCheck.gaps(e)).isEmpty();
  }

  @Test
  void aTargetWithNoPolicyOfItsKindIsAGap() {
    Estate e =
        new Estate(
            CLIENT,
            TWO_SITES,
            List.of(WEB1, VM),
            List.of(MYSQL),
            // a dump policy on the server does not back up its files; a files policy on the
            // database does not dump it
            List.of(
                policy(1, BackupKind.DATABASE, WEB1, "PAR-DC3", "PAR-DC5"),
                policy(2, BackupKind.FILES, MYSQL, "PAR-DC3", "PAR-DC5"),
                policy(3, BackupKind.FILES, VM, "PAR-DC3", "PAR-DC5")),
            0);
    assertThat(CoverageCheck.gaps(e))
        .extracting(g -> g.kind(), g -> g.subject(), g -> g.promised(), g -> g.actual())
        .containsExactly(
            tuple(
                CoverageGapKind.SERVER_WITHOUT_FILE_POLICY,
                WEB1,
                "file backups kept 7 days",
                "no FILES policy"),
            tuple(
                CoverageGapKind.DATABASE_WITHOUT_DUMP_POLICY,
                MYSQL,
                "a dump every 1 h kept 10 days",
                "no DATABASE policy"));
  }

  @Test
  void aPolicyWithFewerCopiesOrDatacentersThanPromisedIsAGap() {
    Estate e =
        new Estate(
            CLIENT,
            TWO_SITES,
            List.of(),
            List.of(MYSQL),
            List.of(
                policy(1, BackupKind.DATABASE, MYSQL, "PAR-DC3"),
                policy(2, BackupKind.DATABASE, MYSQL, "PAR-DC3", "PAR-DC3")),
            0);
    assertThat(CoverageCheck.gaps(e))
        .extracting(g -> g.kind(), g -> g.subject().id(), g -> g.promised(), g -> g.actual())
        .containsExactly(
            tuple(
                CoverageGapKind.TOO_FEW_COPIES,
                id(101),
                "2 copies in 2 datacenters",
                "1 copy in PAR-DC3"),
            tuple(
                CoverageGapKind.TOO_FEW_DATACENTERS,
                id(101),
                "2 copies in 2 datacenters",
                "1 copy in PAR-DC3"),
            tuple(
                CoverageGapKind.TOO_FEW_DATACENTERS,
                id(102),
                "2 copies in 2 datacenters",
                "2 copies in PAR-DC3"));
  }

  @Test
  void aDrpPromisedWithNoPlanIsAGapOfTheClient() {
    Estate without = new Estate(CLIENT, WITH_DRP, List.of(), List.of(), List.of(), 0);
    assertThat(CoverageCheck.gaps(without))
        .extracting(g -> g.kind(), g -> g.subject(), g -> g.promised())
        .containsExactly(
            tuple(CoverageGapKind.DRP_WITHOUT_PLAN, CLIENT, "a DRP with an RPO of 2h"));
    assertThat(CoverageCheck.gaps(new Estate(CLIENT, WITH_DRP, List.of(), List.of(), List.of(), 1)))
        .isEmpty();
    // no DRP in the contract: no plan needed
    assertThat(
            CoverageCheck.gaps(new Estate(CLIENT, TWO_SITES, List.of(), List.of(), List.of(), 0)))
        .isEmpty();
  }

  @Test
  void aClientWithNothingOwesOnlyWhatItsContractPromises() {
    Terms single = new Terms(24, 3, 7, 1, 1, null);
    Estate solo =
        new Estate(
            CLIENT,
            single,
            List.of(VM),
            List.of(),
            List.of(policy(1, BackupKind.FILES, VM, "FSN1")),
            0);
    assertThat(CoverageCheck.gaps(solo)).isEmpty();
  }
}
