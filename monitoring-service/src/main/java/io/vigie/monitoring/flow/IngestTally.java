package io.vigie.monitoring.flow;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.LongAdder;

/**
 * This replica's remote_write counts since the last flush, in memory: the receiver only adds (a
 * {@link LongAdder} each, no lock, no clock, no I/O on the request path); {@link IngestFlowWriter}
 * drains them every minute into the hour's row. Draining takes each adder's count and zeroes it
 * atomically, so a count added meanwhile is either in this drain or left for the next, never in
 * both and never lost; {@link #restore} puts a drain back when its write failed.
 */
@Singleton
public class IngestTally {

  private final LongAdder samplesAccepted = new LongAdder();
  private final LongAdder samplesRejected = new LongAdder();
  private final LongAdder requests = new LongAdder();

  /** A request answered, whatever its outcome. */
  public void request() {
    requests.increment();
  }

  /** Samples taken: written to the samples topic and acknowledged by the broker. */
  public void accepted(long samples) {
    samplesAccepted.add(samples);
  }

  /** Samples of a decoded request that was refused. */
  public void rejected(long samples) {
    samplesRejected.add(samples);
  }

  /** The counts since the last drain; the tally starts again from zero. */
  public IngestCounts drain() {
    return new IngestCounts(
        samplesAccepted.sumThenReset(), samplesRejected.sumThenReset(), requests.sumThenReset());
  }

  /** Puts a drain back, for the next one (its write failed). */
  public void restore(IngestCounts drained) {
    samplesAccepted.add(drained.samplesAccepted());
    samplesRejected.add(drained.samplesRejected());
    requests.add(drained.requests());
  }

  /** The counts since the last drain, leaving them in place. */
  public IngestCounts peek() {
    return new IngestCounts(samplesAccepted.sum(), samplesRejected.sum(), requests.sum());
  }
}
