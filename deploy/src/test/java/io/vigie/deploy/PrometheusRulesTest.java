package io.vigie.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The suite's own alerting rules, checked and unit-tested by Prometheus' promtool. */
class PrometheusRulesTest {

  static final Path RULES = Repository.chart().resolve("files/vigie-rules.yaml");

  @Test
  void promtoolChecksTheRules() throws Exception {
    Promtool.Result result = Promtool.run("check", "rules", RULES.toString());
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  @Test
  void promtoolRulesTestsPass() throws Exception {
    Path tests = Repository.root().resolve("deploy/prometheus/vigie-rules.test.yaml");
    Promtool.Result result = Promtool.run("test", "rules", tests.toString());
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
  }

  @Test
  void thePrometheusRuleObjectCarriesTheCheckedFileUnchanged() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode file = yaml.readTree(RULES.toFile()).path("groups");
    JsonNode rendered =
        Chart.environment("production").named("PrometheusRule", "vigie").at("/spec/groups");
    assertThat(rendered).isEqualTo(file);
  }

  /** promtool from the distribution's prometheus package (.ci/run installs it). */
  static final class Promtool {
    record Result(int exitCode, String output) {}

    static Result run(String... arguments) throws IOException, InterruptedException {
      List<String> command = new java.util.ArrayList<>(List.of("promtool"));
      command.addAll(List.of(arguments));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("promtool did not finish: " + command);
      }
      return new Result(process.exitValue(), output);
    }
  }
}
