package io.vigie.backup.storage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A repository's measured storage apportioned to the clients whose backups write to it — an
 * estimate: restic deduplicates across everything in a repository, so no client's share can be
 * measured. Each client's weight is the data its successful runs added to the repository (restic's
 * {@code data_added}) up to the measurement, counting only runs whose snapshot the repository still
 * keeps (a forgotten snapshot's data was pruned, or is held by later snapshots that count it again)
 * and runs that reported no snapshot; the total is split in proportion, to the byte (largest
 * remainders), so the shares add up to what was measured. Plain Java.
 */
public final class StorageSplit {

  /** How the shares are estimated, stated in every answer. */
  static final String METHOD =
      "estimate: the measured size split in proportion to the data each client's successful runs"
          + " added to the repository (restic's data_added) up to the measurement, counting runs"
          + " whose snapshot is still kept; deduplication across clients is not attributable";

  private StorageSplit() {}

  /** What one client's runs added to the repository. */
  public record ClientWeight(String tenant, int runs, long bytesAdded) {}

  /**
   * One client's estimated share.
   *
   * @param share the fraction of the weights (0 to 1, four decimals)
   * @param estimatedBytes the measured size × the share, to the byte
   */
  public record ClientShare(
      String tenant,
      int runs,
      long bytesAdded,
      double share,
      long estimatedBytes,
      double estimatedGb) {}

  /**
   * The split.
   *
   * @param tenant the repository's owner; null for one the hoster shares
   * @param measuredAt the measurement split (the last at or before the instant asked), null when
   *     the repository was never measured
   * @param unattributedBytes what no client's runs explain: all of it when no run reported a size
   */
  public record RepositorySplit(
      UUID repositoryId,
      String repositoryName,
      String tenant,
      String datacenterCode,
      Instant measuredAt,
      Long totalSizeBytes,
      boolean estimate,
      String method,
      List<ClientShare> clients,
      long unattributedBytes) {}

  /** {@code total} bytes apportioned to {@code weights}, largest share first. */
  public static List<ClientShare> apportion(long total, List<ClientWeight> weights) {
    long sum = weights.stream().mapToLong(ClientWeight::bytesAdded).sum();
    if (sum <= 0 || total <= 0) {
      return weights.stream()
          .map(w -> new ClientShare(w.tenant(), w.runs(), w.bytesAdded(), 0, 0, 0))
          .toList();
    }
    BigDecimal totalBytes = BigDecimal.valueOf(total);
    BigDecimal sumBytes = BigDecimal.valueOf(sum);
    long[] floor = new long[weights.size()];
    BigDecimal[] remainder = new BigDecimal[weights.size()];
    long given = 0;
    for (int i = 0; i < weights.size(); i++) {
      BigDecimal exact =
          totalBytes
              .multiply(BigDecimal.valueOf(weights.get(i).bytesAdded()))
              .divide(sumBytes, 12, RoundingMode.DOWN);
      floor[i] = exact.longValue();
      remainder[i] = exact.subtract(BigDecimal.valueOf(floor[i]));
      given += floor[i];
    }
    // the bytes rounding left over go to the largest remainders, one each
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing((Integer i) -> remainder[i]).reversed().thenComparing(i -> i));
    for (int k = 0; given < total && k < order.size(); k++, given++) {
      floor[order.get(k)]++;
    }
    List<ClientShare> out = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      ClientWeight w = weights.get(i);
      out.add(
          new ClientShare(
              w.tenant(),
              w.runs(),
              w.bytesAdded(),
              BigDecimal.valueOf(w.bytesAdded())
                  .divide(sumBytes, 4, RoundingMode.HALF_UP)
                  .doubleValue(),
              floor[i],
              Math.round(floor[i] / 1e7) / 100.0));
    }
    out.sort(
        Comparator.comparingLong(ClientShare::estimatedBytes)
            .reversed()
            .thenComparing(ClientShare::tenant));
    return out;
  }
}
