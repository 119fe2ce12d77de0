package io.vigie.monitoring.alerting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager's webhook notification, payload version 4, as Alertmanager sends it (the fields
 * Vigie does not use are accepted and ignored).
 */
public record AlertmanagerWebhook(
    @NotNull @Pattern(regexp = "4", message = "only version 4 of the webhook payload is understood")
        String version,
    @Size(max = 1000) String groupKey,
    Integer truncatedAlerts,
    @Pattern(regexp = "firing|resolved") String status,
    @Size(max = 200) String receiver,
    Map<String, String> groupLabels,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    @Size(max = 2000) String externalURL,
    @NotNull @Size(max = 1000) List<@NotNull @Valid Notified> alerts) {

  /** One alert of the notification. */
  public record Notified(
      @NotNull @Pattern(regexp = "firing|resolved", message = "firing or resolved") String status,
      @NotNull @Size(max = 64)
          Map<@NotBlank @Size(max = 200) String, @NotNull @Size(max = 4096) String> labels,
      @Size(max = 64)
          Map<@NotBlank @Size(max = 200) String, @NotNull @Size(max = 16384) String> annotations,
      @NotNull Instant startsAt,
      Instant endsAt,
      @Size(max = 2000) String generatorURL,
      @NotBlank @Size(max = 64) String fingerprint) {}
}
