package io.vigie.monitoring.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The receiver's in-memory counts: drained once, put back after a failed write, none lost. */
class IngestTallyTest {

  @Test
  void aDrainTakesTheCountsAndStartsAgainFromZero() {
    IngestTally tally = new IngestTally();
    tally.request();
    tally.accepted(120);
    tally.request();
    tally.rejected(7);
    tally.request();

    assertThat(tally.drain()).isEqualTo(new IngestCounts(120, 7, 3));
    assertThat(tally.drain()).isEqualTo(IngestCounts.NONE);
    assertThat(tally.drain().isNone()).isTrue();
  }

  @Test
  void aDrainWhoseWriteFailedIsPutBackAndAddsToWhatCameMeanwhile() {
    IngestTally tally = new IngestTally();
    tally.request();
    tally.accepted(40);
    IngestCounts failed = tally.drain();
    tally.request(); // counted while the write was failing
    tally.accepted(2);
    tally.rejected(1);

    tally.restore(failed);

    assertThat(tally.peek()).isEqualTo(new IngestCounts(42, 1, 2));
    assertThat(tally.drain()).isEqualTo(new IngestCounts(42, 1, 2));
    assertThat(tally.drain()).isEqualTo(IngestCounts.NONE);
  }

  @Test
  void countsAddedWhileDrainingLandInOneDrainExactly() throws InterruptedException {
    IngestTally tally = new IngestTally();
    int threads = 4;
    int requestsEach = 50_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> receivers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread receiver =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                for (int i = 0; i < requestsEach; i++) {
                  tally.request();
                  tally.accepted(3);
                  tally.rejected(1);
                }
              });
      receivers.add(receiver);
      receiver.start();
    }
    IngestCounts drained = IngestCounts.NONE;
    start.countDown();
    while (receivers.stream().anyMatch(Thread::isAlive)) {
      drained = drained.plus(tally.drain()); // a flush racing the receivers
    }
    for (Thread receiver : receivers) {
      receiver.join();
    }
    drained = drained.plus(tally.drain());

    long requests = (long) threads * requestsEach;
    assertThat(drained).isEqualTo(new IngestCounts(3 * requests, requests, requests));
  }

  @Test
  void countsAreNeverNegative() {
    assertThatThrownBy(() -> new IngestCounts(-1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new IngestCounts(1, 2, 3).plus(new IngestCounts(10, 20, 30)))
        .isEqualTo(new IngestCounts(11, 22, 33));
  }
}
