package io.vigie.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The chart rendered by Helm (helm-java: Helm's own Go code as a native library). */
final class Chart {

  /** The environments with a values file under deploy/gitops/environments. */
  static final List<String> ENVIRONMENTS = List.of("dev", "recette", "production");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Map<String, Rendered> CACHE = new LinkedHashMap<>();

  private Chart() {}

  /** The chart with its own values.yaml only. */
  static synchronized Rendered defaults() {
    return CACHE.computeIfAbsent("default", name -> render(name, Optional.empty(), Map.of()));
  }

  /** The chart with an environment's values file, as Argo CD renders it. */
  static synchronized Rendered environment(String environment) {
    return CACHE.computeIfAbsent(
        environment,
        name -> render(name, Optional.of(Repository.environmentValues(name)), Map.of()));
  }

  /** Renders with the production values and the given --set overrides. */
  static Rendered production(Map<String, Object> overrides) {
    return render("production", Optional.of(Repository.environmentValues("production")), overrides);
  }

  static Rendered render(String name, Optional<Path> values, Map<String, Object> overrides) {
    TemplateCommand command =
        new Helm(Repository.chart())
            .template()
            .withName("vigie")
            .withNamespace("vigie-" + name)
            .withKubeVersion("1.31.0");
    values.ifPresent(command::withValuesFile);
    overrides.forEach(command::set);
    String manifest = command.call();
    return new Rendered(name, manifest, parse(manifest));
  }

  private static List<ObjectNode> parse(String manifest) {
    List<ObjectNode> objects = new ArrayList<>();
    try (YAMLParser parser = new YAMLFactory().createParser(manifest)) {
      for (JsonNode node : YAML.readValues(parser, JsonNode.class).readAll()) {
        if (node != null && !node.isNull() && !node.isMissingNode()) {
          objects.add((ObjectNode) node);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }

  /** One rendering: the manifest as Helm printed it and its objects. */
  record Rendered(String name, String manifest, List<ObjectNode> objects) {

    List<ObjectNode> ofKind(String kind) {
      return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    ObjectNode named(String kind, String name) {
      return ofKind(kind).stream()
          .filter(o -> name.equals(o.path("metadata").path("name").asText()))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + this.name));
    }

    List<String> deploymentNames() {
      return ofKind("Deployment").stream()
          .map(o -> o.path("metadata").path("name").asText())
          .toList();
    }

    /** Writes the manifest to deploy/target/rendered/NAME.yaml for .ci/deploy/check.sh. */
    void write() {
      try {
        Files.createDirectories(Repository.rendered());
        Files.writeString(Repository.rendered().resolve(name + ".yaml"), manifest);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
