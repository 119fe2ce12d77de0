package io.vigie.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.kit.id.Uuids;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.web.ETags;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ETagsAndIdsTest {

  @Test
  void ifMatchAcceptsTheCurrentVersionInAnyUsualSpelling() {
    ETags.requireMatch("\"3\"", 3);
    ETags.requireMatch("W/\"3\"", 3);
    ETags.requireMatch("\"1\", \"3\"", 3);
    ETags.requireMatch("*", 3);
  }

  @Test
  void aStaleVersionIs412AndAMissingOne428() {
    assertThatThrownBy(() -> ETags.requireMatch("\"2\"", 3))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(412));
    assertThatThrownBy(() -> ETags.requireMatch(null, 3))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(428));
  }

  @Test
  void idsAreVersion7AndSortByCreationTime() throws InterruptedException {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(Uuids.timeOrdered());
      Thread.sleep(2);
    }
    assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
    assertThat(ids).allSatisfy(id -> assertThat(id.variant()).isEqualTo(2));
    assertThat(ids)
        .isSortedAccordingTo(
            (a, b) -> Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits()));
  }
}
