package io.vigie.kit.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vigie.events.DomainEvent;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventReflectionTest {

  @Test
  void everyRecordAndEnumOfTheEventContractsIsRegisteredForReflection() throws Exception {
    Set<String> registered = new TreeSet<>();
    for (Class<?> target :
        EventReflection.class.getAnnotation(RegisterForReflection.class).targets()) {
      registered.add(target.getName());
    }

    Set<String> contracts = new TreeSet<>();
    for (String name : classNamesOfTheEventsModule()) {
      Class<?> type = Class.forName(name, false, DomainEvent.class.getClassLoader());
      if (type.isRecord() || type.isEnum()) {
        contracts.add(name);
      }
    }

    assertThat(contracts).hasSizeGreaterThan(90);
    assertThat(registered).containsExactlyInAnyOrderElementsOf(contracts);
  }

  /** Every class under io/vigie/events, from the module's classes directory or its jar. */
  private static Set<String> classNamesOfTheEventsModule() throws IOException, URISyntaxException {
    URL marker = DomainEvent.class.getResource("DomainEvent.class");
    Set<String> names = new TreeSet<>();
    if ("jar".equals(marker.getProtocol())) {
      try (FileSystem jar = FileSystems.newFileSystem(marker.toURI(), Map.of())) {
        collect(jar.getPath("/io/vigie/events"), jar.getPath("/"), names);
      }
    } else {
      Path events = Path.of(marker.toURI()).getParent();
      collect(events, events.getParent().getParent().getParent(), names);
    }
    return names;
  }

  private static void collect(Path directory, Path root, Set<String> names) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      files
          .map(root::relativize)
          .map(Path::toString)
          .filter(f -> f.endsWith(".class") && !f.endsWith("package-info.class"))
          .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
          .forEach(names::add);
    }
  }
}
