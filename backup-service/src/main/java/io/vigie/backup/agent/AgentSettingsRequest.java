package io.vigie.backup.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * How the agent runs a policy with restic.
 *
 * @param paths absolute paths to back up, as restic's {@code backup} takes them
 * @param excludes restic {@code --exclude} patterns
 * @param tags restic {@code --tag}s; the agent also selects the policy's snapshots by them when it
 *     applies retention and tests restores, so a repository may hold several policies' snapshots
 */
public record AgentSettingsRequest(
    @NotEmpty @Size(max = 100)
        List<
                @NotBlank @Size(max = 4096)
                @Pattern(regexp = "/.*", message = "must be an absolute path") String>
            paths,
    @Size(max = 100) List<@NotBlank @Size(max = 4096) String> excludes,
    @Size(max = 20)
        List<
                @NotNull
                @Pattern(
                    regexp = "[A-Za-z0-9._:-]{1,100}",
                    message = "letters, digits, '.', '_', ':' or '-', at most 100")
                String>
            tags) {}
