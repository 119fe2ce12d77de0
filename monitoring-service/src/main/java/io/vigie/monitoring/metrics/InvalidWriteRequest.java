package io.vigie.monitoring.metrics;

/**
 * A remote_write request refused for what it contains: bad snappy, bad protobuf, a series without
 * {@code __name__}, a sample from the future. Names the offending part as a path into the request
 * ({@code timeseries[3].labels[1].name}); the endpoint answers it as a 400 problem.
 */
public class InvalidWriteRequest extends Exception {

  private final String field;

  public InvalidWriteRequest(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  /** Where in the request: {@code body}, {@code timeseries[3].samples[0].timestamp}, ... */
  public String field() {
    return field;
  }
}
