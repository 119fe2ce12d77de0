package io.vigie.monitoring.flow;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One hour of ingest and alerting, every replica summed; zeros for an hour where nothing happened.
 *
 * @param hour the hour's start (UTC)
 * @param samplesAccepted samples of remote_write requests answered 204 (acknowledged by the broker)
 * @param samplesRejected samples of decoded requests refused: a timestamp too far ahead (400), not
 *     written to the broker (503, retried by the sender); a request refused before decoding has no
 *     known sample count and shows in {@code requests} only
 * @param requests remote_write requests answered, whatever the outcome
 * @param alertsFired alerts that started firing in the hour
 * @param alertsResolved fired alerts that resolved in the hour
 */
@Schema(description = "One hour of metric ingest and alerting, every replica summed")
public record FlowHour(
    Instant hour,
    @Schema(description = "Samples of remote_write requests answered 204 (acknowledged)")
        long samplesAccepted,
    @Schema(
            description =
                "Samples of decoded remote_write requests that were refused: a timestamp too far"
                    + " ahead (400) or not written to the broker (503, which the sender retries)."
                    + " A request refused before decoding (413, 415, 429, undecodable) has no known"
                    + " sample count and shows in requests only")
        long samplesRejected,
    @Schema(description = "remote_write requests answered, whatever the outcome") long requests,
    @Schema(description = "Alerts that started firing in the hour") long alertsFired,
    @Schema(description = "Fired alerts that resolved in the hour") long alertsResolved) {

  /** An hour where nothing happened. */
  public static FlowHour quiet(Instant hour) {
    return new FlowHour(hour, 0, 0, 0, 0, 0);
  }
}
