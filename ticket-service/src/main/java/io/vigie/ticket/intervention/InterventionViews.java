package io.vigie.ticket.intervention;

import io.vigie.kit.tenancy.Caller;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the intervention API reads and writes. */
public final class InterventionViews {

  private InterventionViews() {}

  /**
   * A proposal: the window, what is worked on (servers, VMs and hosted services by inventory id; at
   * least one) and the text the clients read.
   */
  public record ProposeIntervention(
      @NotBlank @Size(max = 200) String title,
      @NotBlank @Size(max = 20_000) String clientText,
      @NotNull Instant startsAt,
      @NotNull Instant endsAt,
      @Size(max = 500) List<@NotNull UUID> serverIds,
      @Size(max = 500) List<@NotNull UUID> virtualMachineIds,
      @Size(max = 500) List<@NotNull UUID> hostedServiceIds) {}

  /**
   * A change to a proposed intervention; absent fields stay. Moving the window asks every client
   * again.
   */
  public record InterventionChange(
      @Size(min = 1, max = 200) String title,
      @Size(min = 1, max = 20_000) String clientText,
      Instant startsAt,
      Instant endsAt) {}

  /**
   * A client's answer: {@code ACCEPTED}; {@code DECLINED} with a {@code reason}; or {@code
   * OTHER_SLOT_PROPOSED} with {@code proposedStartsAt} and {@code proposedEndsAt}.
   */
  public record ConsentRequest(
      @NotNull ConsentAnswer answer,
      @Size(max = 2_000) String reason,
      Instant proposedStartsAt,
      Instant proposedEndsAt) {}

  /** Why an intervention is cancelled (optional; every client concerned reads it). */
  public record CancelRequest(@Size(max = 2_000) String reason) {}

  public record TargetView(InterventionTarget.Kind kind, UUID id, String label) {}

  public record ConsentView(
      String tenant,
      ConsentAnswer answer,
      String reason,
      Instant proposedStartsAt,
      Instant proposedEndsAt,
      String answeredBy,
      Instant answeredAt,
      List<UUID> serverIds,
      List<UUID> virtualMachineIds,
      List<UUID> hostedServiceIds) {

    static ConsentView of(InterventionConsent c) {
      return new ConsentView(
          c.tenant,
          c.answer,
          c.reason,
          c.proposedStartsAt,
          c.proposedEndsAt,
          c.answeredBy,
          c.answeredAt,
          List.of(c.serverIds),
          List.of(c.guestIds),
          List.of(c.hostedServiceIds));
    }
  }

  /**
   * An intervention as the caller may see it: staff see every target and consent; a client sees
   * only its own consent and the targets that concern it.
   */
  public record InterventionView(
      UUID id,
      String reference,
      String title,
      String clientText,
      Instant startsAt,
      Instant endsAt,
      InterventionStatus status,
      List<TargetView> targets,
      List<ConsentView> consents,
      String proposedBy,
      Instant proposedAt,
      Instant scheduledAt,
      Instant startedAt,
      Instant endedAt,
      Instant cancelledAt,
      long version) {

    static InterventionView of(
        Intervention i,
        Collection<InterventionTarget> targets,
        Collection<InterventionConsent> consents,
        Caller caller) {
      List<InterventionConsent> seen =
          consents.stream()
              .filter(c -> caller.isStaff() || c.tenant.equals(caller.tenant()))
              .sorted(java.util.Comparator.comparing(c -> c.tenant))
              .toList();
      Set<UUID> visible =
          caller.isStaff()
              ? null
              : seen.stream()
                  .flatMap(
                      c ->
                          java.util.stream.Stream.of(c.serverIds, c.guestIds, c.hostedServiceIds)
                              .flatMap(Arrays::stream))
                  .collect(Collectors.toSet());
      List<TargetView> shown =
          targets.stream()
              .filter(t -> visible == null || visible.contains(t.targetId))
              .sorted(
                  java.util.Comparator.comparing((InterventionTarget t) -> t.kind)
                      .thenComparing(t -> t.label))
              .map(t -> new TargetView(t.kind, t.targetId, t.label))
              .toList();
      return new InterventionView(
          i.id,
          i.reference,
          i.title,
          i.clientText,
          i.startsAt,
          i.endsAt,
          i.status,
          shown,
          seen.stream().map(ConsentView::of).toList(),
          i.proposedBy,
          i.proposedAt,
          i.scheduledAt,
          i.startedAt,
          i.endedAt,
          i.cancelledAt,
          i.version);
    }
  }

  public record InterventionEntryView(
      UUID id, Instant at, InterventionEntry.Kind kind, String tenant, String author, String body) {

    static InterventionEntryView of(InterventionEntry e) {
      return new InterventionEntryView(e.id, e.at, e.kind, e.tenant, e.author, e.body);
    }
  }
}
