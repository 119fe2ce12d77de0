package io.vigie.monitoring.flow;

/**
 * What a remote_write receiver counted over a while: the samples it took (acknowledged by the
 * broker, answered 204), the samples it refused after decoding them (a timestamp too far ahead,
 * 400; not written to the broker, 503, which the sender retries), and every request it answered,
 * whatever the outcome. A request refused before its body was decoded (too large, not remote-write
 * 1.0, busy, undecodable) counts in {@code requests} only: its samples are unknown.
 */
public record IngestCounts(long samplesAccepted, long samplesRejected, long requests) {

  public static final IngestCounts NONE = new IngestCounts(0, 0, 0);

  public IngestCounts {
    if (samplesAccepted < 0 || samplesRejected < 0 || requests < 0) {
      throw new IllegalArgumentException("counts are never negative");
    }
  }

  public boolean isNone() {
    return samplesAccepted == 0 && samplesRejected == 0 && requests == 0;
  }

  public IngestCounts plus(IngestCounts other) {
    return new IngestCounts(
        samplesAccepted + other.samplesAccepted,
        samplesRejected + other.samplesRejected,
        requests + other.requests);
  }
}
