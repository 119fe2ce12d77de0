package io.vigie.backup.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.backup.RealRestic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The retention plan is the one real {@code restic forget --dry-run --json} gives, on a real
 * repository holding hourly snapshots over three weeks (across the spring DST shift) and two years
 * of older monthly ones, made with {@code restic backup --time}. The repository is a committed
 * fixture ({@code src/test/fixtures/restic-retention}: {@code instants.txt} and the {@code
 * make-repo.sh} that made {@code repo/} from it), copied under {@code target/} for each run so
 * restic's locks and cache never touch the sources: making 529 snapshots took minutes, reading them
 * takes a second.
 */
class ResticRetentionTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Path FIXTURE = Path.of("src", "test", "fixtures", "restic-retention");
  private static RealRestic restic;
  private static List<Snapshot> snapshots;

  static List<Instant> instants() throws IOException {
    return Files.readAllLines(FIXTURE.resolve("instants.txt")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(Instant::parse)
        .toList();
  }

  @BeforeAll
  static void copyRepository() throws Exception {
    Path dir = Path.of("target", "restic-retention").toAbsolutePath();
    deleteRecursively(dir);
    copyRecursively(FIXTURE.resolve("repo"), dir.resolve("repo"));
    Files.createDirectories(dir.resolve("repo").resolve("locks")); // git keeps no empty directory
    restic = new RealRestic(dir.resolve("repo"), "Europe/Paris");
    snapshots = new ArrayList<>();
    for (JsonNode s : restic.json(List.of("snapshots", "--json", "--no-lock"))) {
      snapshots.add(
          new Snapshot(
              s.get("id").asText(), OffsetDateTime.parse(s.get("time").asText()).toInstant()));
    }
    // the fixture holds exactly the instants listed beside it
    assertThat(snapshots)
        .extracting(Snapshot::time)
        .containsExactlyInAnyOrderElementsOf(instants());
  }

  record Case(List<String> flags, RetentionRules rules) {
    @Override
    public String toString() {
      return String.join(" ", flags);
    }
  }

  static List<Case> policies() {
    return List.of(
        new Case(
            List.of(
                "--keep-last",
                "5",
                "--keep-hourly",
                "48",
                "--keep-daily",
                "10",
                "--keep-weekly",
                "4",
                "--keep-monthly",
                "12",
                "--keep-yearly",
                "3"),
            RetentionRules.counts(5, 48, 10, 4, 12, 3)),
        // saint-roch: MySQL dumps hourly kept 10 days, files nightly kept 7 days
        new Case(
            List.of("--keep-within", "10d"),
            RetentionRules.counts(0, 0, 0, 0, 0, 0).withWithin(ResticDuration.parse("10d"))),
        new Case(
            List.of("--keep-within", "2d", "--keep-daily", "7", "--keep-monthly", "30"),
            RetentionRules.counts(0, 0, 7, 0, 30, 0).withWithin(ResticDuration.parse("2d"))),
        new Case(
            List.of(
                "--keep-within-hourly",
                "1d",
                "--keep-within-daily",
                "10d",
                "--keep-within-weekly",
                "2m",
                "--keep-within-monthly",
                "1y",
                "--keep-within-yearly",
                "5y"),
            RetentionRules.counts(0, 0, 0, 0, 0, 0)
                .withWithinBuckets(
                    ResticDuration.parse("1d"),
                    ResticDuration.parse("10d"),
                    ResticDuration.parse("2m"),
                    ResticDuration.parse("1y"),
                    ResticDuration.parse("5y"))),
        new Case(
            List.of("--keep-weekly", "8", "--keep-within", "1m3d12h"),
            RetentionRules.counts(0, 0, 0, 8, 0, 0).withWithin(ResticDuration.parse("1m3d12h"))),
        new Case(List.of("--keep-last", "2000"), RetentionRules.counts(2000, 0, 0, 0, 0, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void thePlanIsTheOneResticGives(Case policy) {
    List<String> args = new ArrayList<>(List.of("forget", "--dry-run", "--json", "--no-lock"));
    args.addAll(policy.flags());
    JsonNode groups = restic.json(args);
    assertThat(groups).hasSize(1);
    JsonNode group = groups.get(0);
    // restic 0.14 leaves the id out of a reason's snapshot: the times are distinct, match on them
    Map<Instant, String> idByTime =
        snapshots.stream().collect(Collectors.toMap(Snapshot::time, Snapshot::id));
    Map<String, List<String>> resticReasons = new LinkedHashMap<>();
    for (JsonNode reason : group.get("reasons")) {
      List<String> matches = new ArrayList<>();
      reason.get("matches").forEach(m -> matches.add(m.asText()));
      Instant time = OffsetDateTime.parse(reason.get("snapshot").get("time").asText()).toInstant();
      resticReasons.put(idByTime.get(time), matches);
    }
    List<String> resticKept = new ArrayList<>();
    group.get("keep").forEach(s -> resticKept.add(s.get("id").asText()));
    assertThat(resticReasons.keySet()).containsExactlyElementsOf(resticKept);
    List<String> resticRemoved = new ArrayList<>();
    if (group.hasNonNull("remove")) {
      group.get("remove").forEach(s -> resticRemoved.add(s.get("id").asText()));
    }

    RetentionPlan plan = RetentionPlanner.plan(snapshots, policy.rules(), PARIS);
    Map<String, List<String>> ourReasons = new LinkedHashMap<>();
    plan.decisions().stream()
        .filter(RetentionPlan.Decision::keep)
        .forEach(d -> ourReasons.put(d.snapshot().id(), d.reasons()));

    assertThat(plan.kept()).extracting(Snapshot::id).containsExactlyElementsOf(resticKept);
    assertThat(plan.forgotten()).extracting(Snapshot::id).containsExactlyElementsOf(resticRemoved);
    assertThat(ourReasons).containsExactlyEntriesOf(resticReasons);
    assertThat(plan.kept().size() + plan.forgotten().size()).isEqualTo(snapshots.size());
  }

  @org.junit.jupiter.api.Test
  void theCasesExerciseEveryRule() {
    Set<String> seen = new HashSet<>();
    for (Case policy : policies()) {
      RetentionPlanner.plan(snapshots, policy.rules(), PARIS).decisions().stream()
          .flatMap(d -> d.reasons().stream())
          .map(r -> r.replaceAll(" [0-9ymdh]+$", ""))
          .forEach(seen::add);
    }
    assertThat(seen)
        .contains(
            "last snapshot",
            "hourly snapshot",
            "daily snapshot",
            "weekly snapshot",
            "monthly snapshot",
            "yearly snapshot",
            "within",
            "hourly within",
            "daily within",
            "weekly within",
            "monthly within",
            "yearly within");
  }

  private static void copyRecursively(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths
          .sorted((a, b) -> b.compareTo(a))
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
