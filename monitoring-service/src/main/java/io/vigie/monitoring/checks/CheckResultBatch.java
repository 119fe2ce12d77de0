package io.vigie.monitoring.checks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Check results as any agent or cron job running the standard plugins reports them. */
public record CheckResultBatch(@NotEmpty @Size(max = 1000) List<@NotNull @Valid Result> results) {

  /**
   * @param serverId or {@code hostname}: the server the check ran against
   * @param perfdata what the plugin printed after {@code |}, as is
   * @param hostedServiceId set when the check tests a hosted service (its URL or port) on that
   *     server: the service's availability is computed from these results
   */
  public record Result(
      UUID serverId,
      @Size(max = 253) String hostname,
      @NotBlank @Size(max = 200) String check,
      @NotNull CheckStatus status,
      @NotNull @Size(max = 4096) String output,
      @Size(max = 4096) String perfdata,
      @NotNull Instant executedAt,
      UUID hostedServiceId) {}
}
