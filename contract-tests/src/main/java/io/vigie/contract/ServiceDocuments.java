package io.vigie.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Where each service's OpenAPI documents live: built by Quarkus into {@code
 * <service>/target/openapi/openapi.yaml} (kit setting {@code
 * quarkus.smallrye-openapi.store-schema-directory}), committed as {@code docs/api/<service>.yaml},
 * and as it was at the baseline commit (git).
 */
public final class ServiceDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path repository;

  public ServiceDocuments(Path repository) {
    this.repository = repository;
  }

  /** Every {@code *-service} module of the repository: none can skip the contract checks. */
  public List<String> services() {
    try (Stream<Path> children = Files.list(repository)) {
      return children
          .filter(p -> p.getFileName().toString().endsWith("-service"))
          .filter(p -> Files.exists(p.resolve("pom.xml")))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path built(String service) {
    return repository.resolve(service).resolve("target/openapi/openapi.yaml");
  }

  public Path committed(String service) {
    return repository.resolve("docs/api").resolve(service + ".yaml");
  }

  public Path acknowledgements(String service) {
    return repository.resolve("docs/api").resolve(service + ".breaking-changes.md");
  }

  /** The newest source of the service, to tell a built document older than its code. */
  public FileTime newestSource(String service) {
    try (Stream<Path> files = Files.walk(repository.resolve(service).resolve("src/main"))) {
      return files
          .filter(Files::isRegularFile)
          .map(ServiceDocuments::modified)
          .max(FileTime::compareTo)
          .orElse(FileTime.fromMillis(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The committed document at the baseline: {@code vigie.openapi.baseline} if set (a git ref), else
   * where this branch left {@code main} (on {@code main} itself: its first parent). Empty when
   * there is no git, no such ref, or the service had no document then (a new service).
   */
  public Optional<JsonNode> baseline(String service) {
    String ref = System.getProperty("vigie.openapi.baseline");
    if (ref == null || ref.isBlank()) {
      Optional<String> head = git("rev-parse", "HEAD");
      Optional<String> main = git("rev-parse", "--verify", "-q", "main");
      if (head.isEmpty() || main.isEmpty()) {
        return Optional.empty();
      }
      ref =
          head.get().equals(main.get())
              ? "HEAD^1"
              : git("merge-base", "HEAD", "main").orElse("main");
    }
    return git("show", ref + ":docs/api/" + service + ".yaml").map(ServiceDocuments::parse);
  }

  public static JsonNode read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads YAML as YAML 1.2's JSON schema does, like the OpenAPI tools: an unquoted {@code 13:45:30}
   * or {@code 2022-03-10} stays a string (YAML 1.1 parsers make a number or a date).
   */
  public static JsonNode parse(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(50 * 1024 * 1024);
    Yaml parser =
        new Yaml(
            new SafeConstructor(options),
            new Representer(new DumperOptions()),
            new DumperOptions(),
            options,
            new JsonSchemaResolver());
    return JSON.valueToTree(parser.load(yaml));
  }

  /** Only JSON's scalars: null, true/false, integers and decimals; everything else a string. */
  private static final class JsonSchemaResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|false)$"), "tf");
      addImplicitResolver(Tag.INT, Pattern.compile("^-?(?:0|[1-9][0-9]*)$"), "-0123456789");
      addImplicitResolver(
          Tag.FLOAT,
          Pattern.compile("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$"),
          "-0123456789");
      addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null)$"), "~n");
      addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
    }
  }

  private Optional<String> git(String... arguments) {
    List<String> command = Stream.concat(Stream.of("git"), Stream.of(arguments)).toList();
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(repository.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return process.exitValue() == 0 ? Optional.of(out.strip()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
