package io.vigie.backup.coverage;

import io.vigie.events.backup.BackupKind;
import io.vigie.events.backup.CoverageGapKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a client's contract promises and nothing covers: a server, VM or container with no files
 * policy, a database with no dump policy, a policy with fewer copies or datacenters than promised,
 * a DRP promised with no plan. Plain Java over a client's estate as the read model holds it.
 */
public final class CoverageCheck {

  private CoverageCheck() {}

  /** What the contract promises about backups. */
  public record Terms(
      int databaseEveryHours,
      int databaseRetentionDays,
      int filesRetentionDays,
      int copies,
      int distinctSites,
      Duration drpRpo) {}

  /**
   * Something a gap is about.
   *
   * @param kind SERVER, VIRTUAL_MACHINE, HOSTED_SERVICE, POLICY or CLIENT
   */
  public record Subject(String kind, UUID id, String name) {}

  /**
   * A policy as coverage needs it.
   *
   * @param copySites the datacenter of each copy's repository, in copy order
   */
  public record Policy(
      UUID id,
      String name,
      BackupKind kind,
      String targetKind,
      UUID targetId,
      List<String> copySites) {

    public Policy {
      copySites = List.copyOf(copySites);
    }
  }

  /**
   * One client's estate.
   *
   * @param fileTargets the client's own servers, VMs and containers, which need a files policy
   * @param databases the client's hosted services of kind DATABASE, which need a dump policy
   * @param plans how many DRP plans the client has
   */
  public record Estate(
      Subject client,
      Terms terms,
      List<Subject> fileTargets,
      List<Subject> databases,
      List<Policy> policies,
      long plans) {}

  /** One gap, with the promise and what exists, in words people read on a report. */
  public record Gap(CoverageGapKind kind, Subject subject, String promised, String actual) {}

  public static List<Gap> gaps(Estate e) {
    Terms t = e.terms();
    List<Gap> gaps = new ArrayList<>();
    for (Subject target : e.fileTargets()) {
      if (!covered(e.policies(), BackupKind.FILES, target)) {
        gaps.add(
            new Gap(
                CoverageGapKind.SERVER_WITHOUT_FILE_POLICY,
                target,
                "file backups kept " + t.filesRetentionDays() + " days",
                "no FILES policy"));
      }
    }
    for (Subject database : e.databases()) {
      if (!covered(e.policies(), BackupKind.DATABASE, database)) {
        gaps.add(
            new Gap(
                CoverageGapKind.DATABASE_WITHOUT_DUMP_POLICY,
                database,
                "a dump every "
                    + t.databaseEveryHours()
                    + " h kept "
                    + t.databaseRetentionDays()
                    + " days",
                "no DATABASE policy"));
      }
    }
    String promise = copies(t.copies()) + " in " + datacenters(t.distinctSites());
    for (Policy p : e.policies()) {
      Subject subject = new Subject("POLICY", p.id(), p.name());
      Set<String> sites = new LinkedHashSet<>(p.copySites());
      String actual = copies(p.copySites().size()) + " in " + String.join(", ", sites);
      if (p.copySites().size() < t.copies()) {
        gaps.add(new Gap(CoverageGapKind.TOO_FEW_COPIES, subject, promise, actual));
      }
      if (sites.size() < t.distinctSites()) {
        gaps.add(new Gap(CoverageGapKind.TOO_FEW_DATACENTERS, subject, promise, actual));
      }
    }
    if (t.drpRpo() != null && e.plans() == 0) {
      gaps.add(
          new Gap(
              CoverageGapKind.DRP_WITHOUT_PLAN,
              e.client(),
              "a DRP with an RPO of "
                  + t.drpRpo().toString().substring(2).toLowerCase(java.util.Locale.ROOT),
              "no DRP plan"));
    }
    return gaps;
  }

  private static boolean covered(List<Policy> policies, BackupKind kind, Subject target) {
    return policies.stream()
        .anyMatch(
            p ->
                p.kind() == kind
                    && p.targetKind().equals(target.kind())
                    && p.targetId().equals(target.id()));
  }

  private static String copies(int n) {
    return n + (n == 1 ? " copy" : " copies");
  }

  private static String datacenters(int n) {
    return n + (n == 1 ? " datacenter" : " datacenters");
  }
}
