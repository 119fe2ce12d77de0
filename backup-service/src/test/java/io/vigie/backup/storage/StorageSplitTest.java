package io.vigie.backup.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.backup.storage.StorageSplit.ClientShare;
import io.vigie.backup.storage.StorageSplit.ClientWeight;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A shared repository's size apportioned by hand. */
class StorageSplitTest {

  @Test
  void inProportionToTheDataAddedToTheByte() {
    // 1,000,000,001 bytes; a third and two thirds: 333,333,333.67 and 666,666,667.33, the byte
    // rounding leaves over goes to the larger remainder
    List<ClientShare> shares =
        StorageSplit.apportion(
            1_000_000_001L,
            List.of(new ClientWeight("lumiere", 1, 100), new ClientWeight("saint-roch", 2, 200)));
    assertThat(shares)
        .extracting(ClientShare::tenant, ClientShare::estimatedBytes, ClientShare::share)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("saint-roch", 666_666_667L, 0.6667),
            org.assertj.core.groups.Tuple.tuple("lumiere", 333_333_334L, 0.3333));
    assertThat(shares.get(0).estimatedGb()).isEqualTo(0.67);
    // three equal weights of 10 bytes: 4, 3, 3 (ties to the first)
    assertThat(
            StorageSplit.apportion(
                    10,
                    List.of(
                        new ClientWeight("a", 1, 7),
                        new ClientWeight("b", 1, 7),
                        new ClientWeight("c", 1, 7)))
                .stream()
                .mapToLong(ClientShare::estimatedBytes))
        .containsExactly(4L, 3L, 3L);
  }

  @Test
  void nothingToSplitWithoutSizes() {
    assertThat(StorageSplit.apportion(500, List.of())).isEmpty();
    assertThat(StorageSplit.apportion(500, List.of(new ClientWeight("a", 2, 0))))
        .extracting(ClientShare::estimatedBytes)
        .containsExactly(0L);
    assertThat(StorageSplit.apportion(0, List.of(new ClientWeight("a", 1, 9))))
        .extracting(ClientShare::estimatedBytes)
        .containsExactly(0L);
  }
}
