package io.vigie.backup.rpo;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges a policy's restore points against its promise: the newest good point must be younger than
 * the RPO, and each datacenter that must hold a copy must hold one younger than its own limit.
 * Until a policy has a point, the wait is counted from when the policy began, so a new policy is
 * not breached at once.
 */
public final class RpoWatch {

  private RpoWatch() {}

  /**
   * @param sites datacenter code to the oldest its newest copy may be
   * @param since when the policy began to be watched
   */
  public static RpoVerdict judge(
      Duration rpo,
      Map<String, Duration> sites,
      List<RestorePoint> points,
      Instant since,
      Instant now) {
    Optional<Instant> newest = newest(points, null);
    Duration age = Duration.between(newest.orElse(since), now);
    List<RpoVerdict.SiteVerdict> siteVerdicts =
        sites.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(
                site -> {
                  Optional<Instant> copy = newest(points, site.getKey());
                  Duration copyAge = Duration.between(copy.orElse(since), now);
                  return new RpoVerdict.SiteVerdict(
                      site.getKey(),
                      site.getValue(),
                      copy.orElse(null),
                      copyAge,
                      copyAge.compareTo(site.getValue()) > 0);
                })
            .toList();
    return new RpoVerdict(
        rpo, newest.orElse(null), age, age.compareTo(rpo) > 0, List.copyOf(siteVerdicts));
  }

  private static Optional<Instant> newest(List<RestorePoint> points, String datacenterCode) {
    return points.stream()
        .filter(p -> datacenterCode == null || datacenterCode.equals(p.datacenterCode()))
        .map(RestorePoint::takenAt)
        .max(Comparator.naturalOrder());
  }
}
